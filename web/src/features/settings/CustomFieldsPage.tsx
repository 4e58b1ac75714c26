import { useId, useState } from 'react';
import { customFieldSetSchema, customizableTypes, type CustomizableType } from '@shared/domain/custom-fields/custom-field';
import { useDocumentTitle } from '../../app/use-document-title';
import { useI18n } from '../../i18n/use-i18n';
import { EmptyState } from '../../ui/EmptyState';
import { LoadingState } from '../../ui/LoadingState';
import { AppLink } from '../../ui/AppLink';
import { LoadFailed } from '../../ui/LoadFailed';
import { issuesOfZod } from '../../records/form/form-errors';
import { useRecordsMessages } from '../../records/records-messages';
import { ConfirmDialog } from './ConfirmDialog';
import { CustomFieldDialog } from './CustomFieldDialog';
import { draftsOf, fieldOf, isChoice, moved, newFieldDraft, sameFields, type FieldDraft } from './custom-field-draft';
import { LeaveGuard } from './LeaveGuard';
import { SaveBar, type SaveProblem } from './SaveBar';
import { SettingsNav } from './SettingsNav';
import { fieldIssueText, noIssues, placeRowIssues, saveFailure, type PlacedIssues } from './settings-issues';
import { useSettingsMessages } from './settings-messages';
import { useCustomFieldSet, useSaveCustomFields, useSettingsRights, type CustomFieldSet } from './use-settings';
import '../../styles/transfer.css';
import '../../styles/settings.css';

/**
 * Custom fields of a record type (REC-9): the list in order, add or edit one in a dialog, remove
 * (values stay on the records, hidden), move up and down, then save the whole set with the
 * version read. Only admins change them; everyone else sees the list read-only.
 */

export function CustomFieldsPage({ recordType }: { recordType: CustomizableType }) {
  const m = useSettingsMessages();
  const titleId = useId();
  useDocumentTitle(`${m.fields.title}: ${m.fields.types[recordType]}`);
  const set = useCustomFieldSet(recordType);
  const rights = useSettingsRights();

  return (
    <section className="page page-wide settings-page" aria-labelledby={titleId} data-testid="custom-fields-page">
      <SettingsNav />
      <header className="page-header">
        <h1 id={titleId}>{m.fields.title}</h1>
      </header>
      <p className="muted settings-intro">{m.fields.intro}</p>
      {rights.fields ? null : (
        <p className="notice notice-info" data-testid="settings-read-only">
          {m.common.readOnlyAdmin}
        </p>
      )}
      <nav className="transfer-tabs settings-tabs" aria-label={m.fields.tabsLabel}>
        {customizableTypes.map((type) => (
          <AppLink key={type} href={`/settings/fields/${type}`} className={type === recordType ? 'transfer-tab transfer-tab-on' : 'transfer-tab'} testId={`custom-fields-tab-${type}`}>
            <span aria-current={type === recordType ? 'page' : undefined}>{m.fields.types[type]}</span>
          </AppLink>
        ))}
      </nav>

      {set.isPending ? (
        <LoadingState text={m.fields.loading} />
      ) : set.isError ? (
        <LoadFailed error={set.error} retry={() => void set.refetch()} />
      ) : (
        <CustomFieldsEditor key={recordType} type={recordType} initial={set.data} canEdit={rights.fields} reload={async () => (await set.refetch()).data} />
      )}
    </section>
  );
}

interface EditorProps {
  type: CustomizableType;
  initial: CustomFieldSet;
  canEdit: boolean;
  reload: () => Promise<CustomFieldSet | undefined>;
}

function CustomFieldsEditor({ type, initial, canEdit, reload }: EditorProps) {
  const m = useSettingsMessages();
  const rm = useRecordsMessages();
  const { t } = useI18n();
  const save = useSaveCustomFields(type);
  const [base, setBase] = useState(initial);
  const [drafts, setDrafts] = useState(() => draftsOf(initial.fields));
  const [editing, setEditing] = useState<FieldDraft | undefined>();
  const [removing, setRemoving] = useState<FieldDraft | undefined>();
  const [issues, setIssues] = useState<PlacedIssues>(noIssues);
  const [problem, setProblem] = useState<SaveProblem | undefined>();
  const [saved, setSaved] = useState(false);
  const [reloading, setReloading] = useState(false);

  const fields = drafts.map(fieldOf);
  const dirty = !sameFields(fields, base.fields);

  function change(next: FieldDraft[]) {
    setDrafts(next);
    setSaved(false);
    if (problem?.kind !== 'conflict') setProblem(undefined);
  }

  function reset(set: CustomFieldSet) {
    setBase(set);
    setDrafts(draftsOf(set.fields));
    setIssues(noIssues);
    setProblem(undefined);
  }

  function apply(draft: FieldDraft) {
    const exists = drafts.some((d) => d.uid === draft.uid);
    change(exists ? drafts.map((d) => (d.uid === draft.uid ? draft : d)) : [...drafts, draft]);
    setIssues((current) => {
      const rows = { ...current.rows };
      delete rows[draft.uid];
      return { ...current, rows };
    });
    setEditing(undefined);
  }

  function remove(draft: FieldDraft) {
    change(drafts.filter((d) => d.uid !== draft.uid));
    setRemoving(undefined);
  }

  function submit() {
    const body = { fields, version: base.version };
    const uids = drafts.map((d) => d.uid);
    const text = (issue: Parameters<typeof fieldIssueText>[0]) => fieldIssueText(issue, m, rm);
    const checked = customFieldSetSchema.safeParse(body);
    if (!checked.success) {
      const placed = placeRowIssues(issuesOfZod(checked.error.issues), 'fields', uids, text);
      setIssues(placed);
      setProblem({ kind: 'invalid', general: placed.general });
      return;
    }
    setProblem(undefined);
    save.mutate(body, {
      onSuccess: (result) => {
        reset(result);
        setSaved(true);
      },
      onError: (error) => {
        const failure = saveFailure(error, t);
        if (failure.kind === 'conflict') setProblem({ kind: 'conflict' });
        else if (failure.kind === 'message') setProblem({ kind: 'message', text: failure.text });
        else {
          const placed = placeRowIssues(failure.issues, 'fields', uids, text);
          setIssues(placed);
          setProblem({ kind: 'invalid', general: placed.general });
        }
      },
    });
  }

  async function reloadFresh() {
    setReloading(true);
    try {
      const fresh = await reload();
      if (fresh) {
        reset(fresh);
        setSaved(false);
      }
    } finally {
      setReloading(false);
    }
  }

  return (
    <>
      <div className="settings-toolbar">
        <p className="muted" role="status">
          {m.fields.count(drafts.length)}
        </p>
        {canEdit ? (
          <button type="button" className="button" onClick={() => setEditing(newFieldDraft())} disabled={drafts.length >= 100} data-testid="custom-field-add">
            + {m.fields.add}
          </button>
        ) : null}
      </div>

      {drafts.length === 0 ? (
        <EmptyState title={m.fields.empty} />
      ) : (
        <div className="table-wrap">
          <table className="table settings-table" data-testid="custom-fields-table">
            <thead>
              <tr>
                {canEdit ? <th scope="col">{m.fields.order}</th> : null}
                <th scope="col">{m.fields.label}</th>
                <th scope="col">{m.fields.key}</th>
                <th scope="col">{m.fields.type}</th>
                <th scope="col">{m.fields.required}</th>
                <th scope="col">{m.fields.inList}</th>
                {canEdit ? <th scope="col">{m.fields.actions}</th> : null}
              </tr>
            </thead>
            <tbody>
              {drafts.map((draft, index) => {
                const rowErrors = issues.rows[draft.uid];
                const messages = rowErrors ? [...new Set(Object.values(rowErrors))] : [];
                return (
                  <tr key={draft.uid} className={messages.length ? 'settings-row-invalid' : undefined} data-testid="custom-field-row" data-key={draft.key}>
                    {canEdit ? (
                      <td className="settings-order-cell">
                        <div className="settings-row-actions">
                          <button type="button" className="button button-icon" aria-label={m.common.moveUpOf(draft.label)} title={m.common.moveUp} disabled={index === 0} onClick={() => change(moved(drafts, index, -1))}>
                            ↑
                          </button>
                          <button
                            type="button"
                            className="button button-icon"
                            aria-label={m.common.moveDownOf(draft.label)}
                            title={m.common.moveDown}
                            disabled={index === drafts.length - 1}
                            onClick={() => change(moved(drafts, index, 1))}
                          >
                            ↓
                          </button>
                        </div>
                      </td>
                    ) : null}
                    <td className="settings-label-cell">
                      <span className="break">{draft.label}</span>
                      {draft.saved ? null : <span className="badge settings-new-badge">{m.common.isNew}</span>}
                      {messages.length ? (
                        <ul className="settings-row-errors" data-testid="custom-field-errors">
                          {messages.map((text) => (
                            <li key={text} className="field-error">
                              {text}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                    <td>
                      <code className="settings-code">{draft.key}</code>
                    </td>
                    <td>
                      {m.fields.typeNames[draft.type]}
                      {isChoice(draft.type) ? (
                        <span className="cell-sub" title={draft.options.map((o) => o.label).join(', ')}>
                          {m.fields.optionsCount(draft.options.length)}
                        </span>
                      ) : null}
                    </td>
                    <td>{draft.required ? m.common.yes : m.common.no}</td>
                    <td>{draft.inList ? m.common.yes : m.common.no}</td>
                    {canEdit ? (
                      <td>
                        <div className="settings-row-actions">
                          <button type="button" className="button button-small" aria-label={m.common.editOf(draft.label)} onClick={() => setEditing(draft)} data-testid="custom-field-edit">
                            {m.common.edit}
                          </button>
                          <button
                            type="button"
                            className="button button-small"
                            aria-label={m.common.removeOf(draft.label)}
                            onClick={() => (draft.saved ? setRemoving(draft) : remove(draft))}
                            data-testid="custom-field-remove"
                          >
                            {m.common.remove}
                          </button>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {canEdit ? (
        <SaveBar
          dirty={dirty}
          saving={save.isPending}
          saved={saved}
          problem={problem}
          reloading={reloading}
          onSave={submit}
          onDiscard={() => reset(base)}
          onReload={() => void reloadFresh()}
        />
      ) : null}

      {editing ? (
        <CustomFieldDialog
          key={editing.uid}
          draft={editing}
          otherKeys={drafts.filter((d) => d.uid !== editing.uid).map((d) => d.key)}
          initialErrors={issues.rows[editing.uid] ?? {}}
          onApply={apply}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
      <ConfirmDialog
        open={Boolean(removing)}
        title={m.fields.removeTitle}
        text={removing ? m.fields.removeText(removing.label) : ''}
        confirm={m.fields.removeConfirm}
        cancel={m.common.cancel}
        onConfirm={() => removing && remove(removing)}
        onCancel={() => setRemoving(undefined)}
        testId="custom-field-remove-dialog"
      />
      <LeaveGuard dirty={canEdit && dirty} />
    </>
  );
}
