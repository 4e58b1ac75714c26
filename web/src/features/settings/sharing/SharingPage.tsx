import { useState } from 'react';
import { recordSubjects } from '@shared/auth/permissions';
import { sharingLevels, type Sharing, type SharingSet } from '@shared/domain/access/sharing';
import { useCan } from '../../../auth/use-can';
import { useI18n } from '../../../i18n/use-i18n';
import { LoadingState } from '../../../ui/LoadingState';
import { LoadFailed } from '../../../ui/LoadFailed';
import { LeaveGuard } from '../LeaveGuard';
import { SaveBar, type SaveProblem } from '../SaveBar';
import { SettingsPage } from '../SettingsPage';
import { saveFailure } from '../settings-issues';
import { useSharingMessages } from './sharing-messages';
import { useSaveSharing, useSharing } from './use-sharing';
import '../../../styles/settings.css';
import './sharing.css';

/**
 * Sharing of record types (ACC-2): per type, by role (private), everyone views, or everyone views
 * and edits; saved as one setting with the version read. Admins change it, department managers
 * see it read-only, others are told the page is not theirs.
 */
export function SharingPage() {
  const m = useSharingMessages();
  const can = useCan();
  return (
    <SettingsPage title={m.title} intro={m.intro} testId="sharing-page" allowed={can('teams', 'read')} forbidden={m.forbidden}>
      <SharingLoader canEdit={can('teams', 'manage')} />
    </SettingsPage>
  );
}

function SharingLoader({ canEdit }: { canEdit: boolean }) {
  const m = useSharingMessages();
  const sharing = useSharing();
  return (
    <>
      {canEdit ? null : (
        <p className="notice notice-info" data-testid="settings-read-only">
          {m.readOnly}
        </p>
      )}
      {sharing.isPending ? (
        <LoadingState text={m.loading} />
      ) : sharing.isError ? (
        <LoadFailed error={sharing.error} retry={() => void sharing.refetch()} />
      ) : (
        <SharingEditor initial={sharing.data} canEdit={canEdit} reload={async () => (await sharing.refetch()).data} reloading={sharing.isRefetching} />
      )}
    </>
  );
}

interface EditorProps {
  initial: SharingSet;
  canEdit: boolean;
  reload: () => Promise<SharingSet | undefined>;
  reloading: boolean;
}

function SharingEditor({ initial, canEdit, reload, reloading }: EditorProps) {
  const m = useSharingMessages();
  const { t } = useI18n();
  const save = useSaveSharing();
  const [base, setBase] = useState(initial);
  const [draft, setDraft] = useState<Sharing>(initial.types);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<SaveProblem>();
  const dirty = recordSubjects.some((type) => draft[type] !== base.types[type]);

  const load = (set: SharingSet, justSaved: boolean) => {
    setBase(set);
    setDraft(set.types);
    setSaved(justSaved);
    setProblem(undefined);
  };
  const submit = () => {
    setProblem(undefined);
    save.mutate(
      { types: draft, version: base.version },
      {
        onSuccess: (result) => load(result, true),
        onError: (error) => {
          const failure = saveFailure(error, t);
          setProblem(failure.kind === 'issues' ? { kind: 'invalid', general: failure.issues.map((issue) => `${issue.path}: ${issue.message}`) } : failure);
        },
      },
    );
  };

  return (
    <>
      <ul className="sharing-legend">
        {sharingLevels.map((level) => (
          <li key={level}>
            <strong>{m.levels[level]}</strong> — <span className="muted">{m.levelHints[level]}</span>
          </li>
        ))}
      </ul>
      <div className="table-wrap">
        <table className="table settings-table sharing-table" data-testid="sharing-table">
          <caption className="visually-hidden">{m.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.type}</th>
              {sharingLevels.map((level) => (
                <th scope="col" key={level}>
                  {m.levels[level]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {recordSubjects.map((type) => (
              <tr key={type} data-testid={`sharing-${type}`}>
                <th scope="row">{m.types[type]}</th>
                {sharingLevels.map((level) => (
                  <td key={level} className="sharing-choice">
                    <input
                      type="radio"
                      name={`sharing-${type}`}
                      value={level}
                      checked={draft[type] === level}
                      disabled={!canEdit || save.isPending}
                      aria-label={m.levelOf(m.types[type], m.levels[level])}
                      onChange={() => {
                        setDraft({ ...draft, [type]: level });
                        setSaved(false);
                      }}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit ? (
        <SaveBar
          dirty={dirty}
          saving={save.isPending}
          saved={saved}
          problem={problem}
          reloading={reloading}
          onSave={submit}
          onDiscard={() => load(base, false)}
          onReload={() => void reload().then((fresh) => fresh && load(fresh, false))}
        />
      ) : null}
      <LeaveGuard dirty={canEdit && dirty} />
    </>
  );
}
