import type { ReactNode } from 'react';
import { ActivitiesPanel } from '../../activities/ActivitiesPanel';
import { DuplicatesPanel } from '../../duplicates/DuplicatesPanel';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { NoteForm } from '../notes/NoteForm';
import { resourceOfType } from '../records-http';
import { RecordTimeline } from '../timeline/RecordTimeline';
import { MovedNotice } from './RecordLoadState';

interface RecordCardProps {
  type: 'account' | 'contact';
  id: string;
  back: ReactNode;
  /** The header, with the title `${type}-title`. */
  header: ReactNode;
  /** What a merged record's page says when the survivor is shown. */
  movedText: string;
  /** The type's own sections, above the shared ones. */
  children: ReactNode;
}

/**
 * An account's or contact's page: its header and own sections, then possible duplicates,
 * activities and files; beside them a note and the history.
 */
export function RecordCard({ type, id, back, header, movedText, children }: RecordCardProps) {
  const resource = resourceOfType[type];
  return (
    <article className="page page-wide lead-card ac-card" aria-labelledby={`${type}-title`} data-testid={`${type}-page`}>
      {back}
      <MovedNotice id={id} text={movedText} />
      {header}
      <div className="lead-layout">
        <div className="ac-main">
          {children}
          <DuplicatesPanel type={type} id={id} />
          <ActivitiesPanel regarding={{ type, id }} />
          <AttachmentsPanel resource={resource} id={id} />
        </div>
        <div className="ac-side">
          <NoteForm resource={resource} id={id} />
          <RecordTimeline resource={resource} id={id} />
        </div>
      </div>
    </article>
  );
}
