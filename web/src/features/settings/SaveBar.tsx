import { ErrorNotice } from '../../ui/ErrorNotice';
import { Spinner } from '../../ui/Spinner';
import { useSettingsMessages } from './settings-messages';

/**
 * The foot of a settings page: Save (the whole set with its version), whether anything is unsaved,
 * and what went wrong: someone else saved first (reload), issues not on any row, or a message.
 */
export type SaveProblem = { kind: 'conflict' } | { kind: 'invalid'; general: string[] } | { kind: 'message'; text: string };

interface SaveBarProps {
  dirty: boolean;
  saving: boolean;
  saved: boolean;
  problem: SaveProblem | undefined;
  reloading: boolean;
  onSave: () => void;
  onDiscard: () => void;
  onReload: () => void;
}

export function SaveBar({ dirty, saving, saved, problem, reloading, onSave, onDiscard, onReload }: SaveBarProps) {
  const m = useSettingsMessages();
  return (
    <div className="settings-savebar">
      {problem?.kind === 'conflict' ? (
        <ErrorNotice
          action={
            <button type="button" className="button" onClick={onReload} disabled={reloading} data-testid="settings-reload">
              {reloading ? <Spinner size="sm" /> : null} {m.common.reload}
            </button>
          }
        >
          <p>{m.common.conflict}</p>
          <p className="muted">{m.common.conflictHint}</p>
        </ErrorNotice>
      ) : problem?.kind === 'invalid' ? (
        <ErrorNotice>
          <p>{m.common.invalid}</p>
          {problem.general.length ? (
            <ul>
              {problem.general.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          ) : null}
        </ErrorNotice>
      ) : problem?.kind === 'message' ? (
        <ErrorNotice>{problem.text}</ErrorNotice>
      ) : null}
      <div className="form-actions settings-savebar-actions">
        <button type="button" className="button button-primary" onClick={onSave} disabled={saving || !dirty} data-testid="settings-save">
          {saving ? <Spinner size="sm" /> : null}
          {saving ? m.common.saving : m.common.save}
        </button>
        {dirty ? (
          <button type="button" className="button" onClick={onDiscard} disabled={saving} data-testid="settings-discard">
            {m.common.discard}
          </button>
        ) : null}
        <span className="muted settings-savebar-state" role="status">
          {dirty ? m.common.unsaved : saved ? m.common.saved : ''}
        </span>
      </div>
    </div>
  );
}
