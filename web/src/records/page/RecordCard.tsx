import type { ReactNode } from 'react';
import type { RecordBase } from '@shared/domain/records/record-type';
import { useDocumentTitle } from '../../app/use-document-title';
import { ActivitiesPanel } from '../activities/ActivitiesPanel';
import { DuplicatesPanel } from '../duplicates/DuplicatesPanel';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { NoteForm } from '../notes/NoteForm';
import { resourceOfType } from '../records-http';
import { RecordTimeline } from '../timeline/RecordTimeline';
import { BackLink, MovedNotice, RecordLoadState } from './RecordLoadState';
import { useRecordPage } from './use-record-page';

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

interface RecordCardPageProps<T extends RecordBase> {
  type: 'account' | 'contact';
  id: string;
  messages: { title: string; backToList: string; loading: string; notFound: string };
  movedText: string;
  /** The record's name, the page's title. */
  nameOf: (record: T) => string;
  header: (record: T) => ReactNode;
  /** The type's own sections. */
  sections: (record: T) => ReactNode;
}

/** An account's or contact's page at its address: the record once it is read (a merged one's survivor), in a `RecordCard`. */
export function RecordCardPage<T extends RecordBase>({ type, id, messages, movedText, nameOf, header, sections }: RecordCardPageProps<T>) {
  const resource = type === 'account' ? 'accounts' : 'contacts';
  const { record, state } = useRecordPage<T>(resource, id);
  useDocumentTitle(record ? nameOf(record) : messages.title);

  const back = <BackLink href={`/${resource}`} label={messages.backToList} />;

  if (state.pending || !record) return <RecordLoadState {...state} loading={messages.loading} notFound={messages.notFound} back={back} />;
  return (
    <RecordCard type={type} id={record.id} back={back} header={header(record)} movedText={movedText}>
      {sections(record)}
    </RecordCard>
  );
}
