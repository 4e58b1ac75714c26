import { useId, useState } from 'react';
import { roles, type Role } from '@shared/auth/roles';
import { pipelineSchema, stageRequirableFields, type StageRequirableField } from '@shared/domain/deals/pipeline';
import { useDocumentTitle } from '../../app/use-document-title';
import { useI18n } from '../../i18n/use-i18n';
import { Field } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { AppLink } from '../../ui/AppLink';
import { LoadFailed } from '../../ui/LoadFailed';
import { issuesOfZod, type Issue } from '../../records/form/form-errors';
import { useRecordsMessages } from '../../records/records-messages';
import { ConfirmDialog } from './ConfirmDialog';
import { moved } from './custom-field-draft';
import { FunnelPreview } from './FunnelPreview';
import { LeaveGuard } from './LeaveGuard';
import { newStageDraft, sameStages, stageDraftsOf, stageOf, type Outcome, type StageDraft } from './pipeline-draft';
import { SaveBar, type SaveProblem } from './SaveBar';
import { SettingsNav } from './SettingsNav';
import { noIssues, placeRowIssues, saveFailure, stageIssueText, type PlacedIssues } from './settings-issues';
import { useSettingsMessages } from './settings-messages';
import { suggestStageId } from './suggest-key';
import { usePipeline, usePipelines, useSavePipeline, useSettingsRights, type StoredPipeline } from './use-settings';
import '../../styles/transfer.css';
import '../../styles/settings.css';

/**
 * A pipeline's stages and their rules (REC-10) as an ordered, editable table: name, id, outcome,
 * the fields a deal needs to enter, the norm in days, the responsible role, the probability;
 * stages added, removed and moved, then the whole pipeline saved with the version read (0 for the
 * built-in default). Admins and sales managers change it; everyone else reads it.
 */
export function PipelinesPage({ pipelineId }: { pipelineId?: string }) {
  const m = useSettingsMessages();
  const titleId = useId();
  const rights = useSettingsRights();
  const list = usePipelines();
  const id = pipelineId ?? 'default';
  const pipeline = usePipeline(id);
  useDocumentTitle(pipeline.data ? `${m.pipelines.title}: ${pipeline.data.name}` : m.pipelines.title);
  const others = list.data?.items ?? [];

  return (
    <section className="page page-wide settings-page" aria-labelledby={titleId} data-testid="pipelines-page">
      <SettingsNav />
      <header className="page-header">
        <h1 id={titleId}>{m.pipelines.title}</h1>
      </header>
      <p className="muted settings-intro">{m.pipelines.intro}</p>
      {rights.pipelines ? null : (
        <p className="notice notice-info" data-testid="settings-read-only">
          {m.common.readOnlyManagers}
        </p>
      )}
      {others.length > 1 ? (
        <nav className="transfer-tabs settings-tabs" aria-label={m.pipelines.tabsLabel}>
          {others.map((each) => (
            <AppLink
              key={each.id}
              href={`/settings/pipelines/${encodeURIComponent(each.id)}`}
              className={each.id === id ? 'transfer-tab transfer-tab-on' : 'transfer-tab'}
              testId={`pipeline-tab-${each.id}`}
            >
              <span aria-current={each.id === id ? 'page' : undefined}>{each.name}</span>
            </AppLink>
          ))}
        </nav>
      ) : null}

      {pipeline.isPending ? (
        <LoadingState text={m.pipelines.loading} />
      ) : pipeline.isError ? (
        <LoadFailed error={pipeline.error} retry={() => void pipeline.refetch()} />
      ) : (
        <PipelineEditor key={id} initial={pipeline.data} canEdit={rights.pipelines} reload={async () => (await pipeline.refetch()).data} />
      )}
    </section>
  );
}

interface EditorProps {
  initial: StoredPipeline;
  canEdit: boolean;
  reload: () => Promise<StoredPipeline | undefined>;
}

function PipelineEditor({ initial, canEdit, reload }: EditorProps) {
  const m = useSettingsMessages();
  const rm = useRecordsMessages();
  const { t } = useI18n();
  const nameId = useId();
  const save = useSavePipeline(initial.id);
  const [base, setBase] = useState(initial);
  const [name, setName] = useState(initial.name);
  const [drafts, setDrafts] = useState(() => stageDraftsOf(initial.stages));
  const [added, setAdded] = useState<string | undefined>();
  const [removing, setRemoving] = useState<StageDraft | undefined>();
  const [issues, setIssues] = useState<PlacedIssues>(noIssues);
  const [nameError, setNameError] = useState<string | undefined>();
  const [problem, setProblem] = useState<SaveProblem | undefined>();
  const [saved, setSaved] = useState(false);
  const [reloading, setReloading] = useState(false);
  const p = m.pipelines;

  const stages = drafts.map(stageOf);
  const dirty = name.trim() !== base.name || !sameStages(stages, base.stages);

  function touched() {
    setSaved(false);
    if (problem?.kind !== 'conflict') setProblem(undefined);
  }

  function change(next: StageDraft[]) {
    setDrafts(next);
    touched();
  }

  /** One stage's change; its errors on the changed properties go, the rest stay until saving. */
  function update(uid: string, patch: Partial<StageDraft>) {
    setDrafts((current) =>
      current.map((draft) => {
        if (draft.uid !== uid) return draft;
        const next = { ...draft, ...patch };
        if (patch.name !== undefined && !draft.saved && !draft.idTouched) {
          next.id = suggestStageId(patch.name, current.filter((d) => d.uid !== uid).map((d) => d.id));
        }
        return next;
      }),
    );
    setIssues((current) => {
      const row = current.rows[uid];
      if (!row) return current;
      const cleared = Object.keys(patch).concat(patch.name !== undefined ? ['id'] : []);
      const next = Object.fromEntries(Object.entries(row).filter(([prop]) => !cleared.includes(prop.split('.')[0] ?? '')));
      return { ...current, rows: { ...current.rows, [uid]: next } };
    });
    touched();
  }

  function addStage() {
    const stage = newStageDraft();
    // New stages are worked stages: they go before the closing (won and lost) ones.
    const closing = drafts.findIndex((d) => d.outcome !== 'open');
    const at = closing === -1 ? drafts.length : closing;
    change([...drafts.slice(0, at), stage, ...drafts.slice(at)]);
    setAdded(stage.uid);
  }

  function reset(pipeline: StoredPipeline) {
    setBase(pipeline);
    setName(pipeline.name);
    setDrafts(stageDraftsOf(pipeline.stages));
    setIssues(noIssues);
    setNameError(undefined);
    setProblem(undefined);
    setAdded(undefined);
  }

  function place(found: Issue[], uids: string[]) {
    const text = (issue: Issue) => stageIssueText(issue, m, rm);
    const named = found.filter((issue) => issue.path === 'name');
    setNameError(named[0] ? text(named[0]) : undefined);
    const placed = placeRowIssues(
      found.filter((issue) => issue.path !== 'name'),
      'stages',
      uids,
      text,
    );
    setIssues(placed);
    setProblem({ kind: 'invalid', general: placed.general });
  }

  function submit() {
    const uids = drafts.map((d) => d.uid);
    const checked = pipelineSchema.safeParse({ id: base.id, name, stages });
    if (!checked.success) {
      // The schema checks the stages as a whole only once each stage is valid; say it all at once.
      place([...issuesOfZod(checked.error.issues), ...wholePipelineIssues(stages)], uids);
      return;
    }
    setProblem(undefined);
    setNameError(undefined);
    save.mutate(
      { name: checked.data.name, stages: checked.data.stages, version: base.version },
      {
        onSuccess: (result) => {
          reset(result);
          setSaved(true);
        },
        onError: (error) => {
          const failure = saveFailure(error, t);
          if (failure.kind === 'conflict') setProblem({ kind: 'conflict' });
          else if (failure.kind === 'message') setProblem({ kind: 'message', text: failure.text });
          else place(failure.issues, uids);
        },
      },
    );
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
      <fieldset className="settings-fieldset" disabled={!canEdit}>
        <Field id={nameId} label={p.name} required error={nameError} hint={base.version === 0 ? p.builtIn : undefined} className="settings-pipeline-name">
          {(aria) => (
            <input
              {...aria}
              type="text"
              value={name}
              maxLength={100}
              onChange={(e) => {
                setName(e.target.value);
                setNameError(undefined);
                touched();
              }}
              data-testid="pipeline-name"
            />
          )}
        </Field>

        <div className="settings-toolbar">
          <h2 className="settings-subtitle">
            {p.stages} <span className="muted">({p.stagesCount(drafts.length)})</span>
          </h2>
          {canEdit ? (
            <button type="button" className="button" onClick={addStage} disabled={drafts.length >= 20} data-testid="pipeline-stage-add">
              + {p.addStage}
            </button>
          ) : null}
        </div>
        <p className="muted settings-rules">{p.rules}</p>

        <div className="table-wrap">
          <table className="table settings-table settings-stages" data-testid="pipeline-stages-table">
            <thead>
              <tr>
                {canEdit ? <th scope="col">{p.order}</th> : null}
                <th scope="col">{p.stageNameAndId}</th>
                <th scope="col">{p.outcome}</th>
                <th scope="col">{p.requiredFields}</th>
                <th scope="col">{p.normDays}</th>
                <th scope="col">{p.role}</th>
                <th scope="col">{p.probability}</th>
                {canEdit ? <th scope="col">{p.actions}</th> : null}
              </tr>
            </thead>
            <tbody>
              {drafts.map((draft, index) => (
                <StageRow
                  key={draft.uid}
                  draft={draft}
                  index={index}
                  count={drafts.length}
                  errors={issues.rows[draft.uid] ?? {}}
                  canEdit={canEdit}
                  focus={draft.uid === added}
                  onChange={(patch) => update(draft.uid, patch)}
                  onMove={(by) => change(moved(drafts, index, by))}
                  onRemove={() => (draft.saved ? setRemoving(draft) : change(drafts.filter((d) => d.uid !== draft.uid)))}
                />
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>

      <FunnelPreview stages={stages} />

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

      <ConfirmDialog
        open={Boolean(removing)}
        title={p.removeTitle}
        text={removing ? p.removeText(removing.name) : ''}
        confirm={p.removeConfirm}
        cancel={m.common.cancel}
        onConfirm={() => {
          if (removing) change(drafts.filter((d) => d.uid !== removing.uid));
          setRemoving(undefined);
        }}
        onCancel={() => setRemoving(undefined)}
        testId="pipeline-stage-remove-dialog"
      />
      <LeaveGuard dirty={canEdit && dirty} />
    </>
  );
}

/** The pipeline-wide rules (as the shared schema's refinement words them): unique ids, one won, one lost, open first. */
function wholePipelineIssues(stages: readonly { id?: string | undefined; outcome?: Outcome | undefined }[]): Issue[] {
  const found: Issue[] = [];
  const ids = stages.map((s) => s.id);
  ids.forEach((id, i) => id && ids.indexOf(id) !== i && found.push({ path: `stages.${i}.id`, code: 'custom', message: 'stage ids must be unique' }));
  for (const outcome of ['won', 'lost'] as const) {
    if (stages.filter((s) => s.outcome === outcome).length !== 1) found.push({ path: 'stages', code: 'custom', message: `exactly one ${outcome} stage` });
  }
  if (stages[0] && stages[0].outcome !== 'open') found.push({ path: 'stages.0.outcome', code: 'custom', message: 'deals start in an open stage' });
  return found;
}

interface StageRowProps {
  draft: StageDraft;
  index: number;
  count: number;
  errors: Record<string, string>;
  canEdit: boolean;
  focus: boolean;
  onChange: (patch: Partial<StageDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

const outcomes: Outcome[] = ['open', 'won', 'lost'];

function StageRow({ draft, index, count, errors, canEdit, focus, onChange, onMove, onRemove }: StageRowProps) {
  const m = useSettingsMessages();
  const p = m.pipelines;
  const id = useId();
  const title = draft.name || p.newStageName;
  const rowError = errors[''];
  const requiredError = Object.entries(errors).find(([prop]) => prop.startsWith('requiredFields'))?.[1];
  const invalid = Object.keys(errors).length > 0;

  const error = (prop: string, text: string | undefined) =>
    text ? (
      <p className="field-error" id={`${id}-${prop}-error`}>
        {text}
      </p>
    ) : null;
  const aria = (prop: string, label: string, text: string | undefined) => ({
    'aria-label': `${label}: ${title}`,
    'aria-invalid': Boolean(text),
    ...(text ? { 'aria-describedby': `${id}-${prop}-error` } : {}),
  });

  function toggle(field: StageRequirableField, on: boolean) {
    onChange({ requiredFields: on ? stageRequirableFields.filter((f) => f === field || draft.requiredFields.includes(f)) : draft.requiredFields.filter((f) => f !== field) });
  }

  return (
    <tr className={invalid ? 'settings-row-invalid' : undefined} data-testid="pipeline-stage-row" data-stage-id={draft.id}>
      {canEdit ? (
        <td className="settings-order-cell">
          <div className="settings-row-actions">
            <button type="button" className="button button-icon" aria-label={m.common.moveUpOf(title)} title={m.common.moveUp} disabled={index === 0} onClick={() => onMove(-1)}>
              ↑
            </button>
            <button type="button" className="button button-icon" aria-label={m.common.moveDownOf(title)} title={m.common.moveDown} disabled={index === count - 1} onClick={() => onMove(1)}>
              ↓
            </button>
          </div>
        </td>
      ) : null}
      <td className={errors.name ? 'settings-cell settings-name-cell field-invalid' : 'settings-cell settings-name-cell'}>
        <input
          type="text"
          className="settings-input settings-input-name"
          value={draft.name}
          maxLength={100}
          placeholder={p.newStageName}
          // A stage just added takes the focus, so its name is typed at once.
          autoFocus={focus}
          onChange={(e) => onChange({ name: e.target.value })}
          {...aria('name', p.stageName, errors.name)}
          data-testid="pipeline-stage-name"
        />
        {error('name', errors.name)}
        <div className={errors.id ? 'settings-stage-id field-invalid' : 'settings-stage-id'}>
          {draft.saved ? (
            <code className="settings-code" title={p.stageIdSaved}>
              <span className="visually-hidden">{p.stageId}: </span>
              {draft.id}
            </code>
          ) : (
            <input
              type="text"
              className="settings-input settings-code-input"
              value={draft.id}
              maxLength={40}
              spellCheck={false}
              title={p.stageIdHintNew}
              placeholder={p.stageId}
              onChange={(e) => onChange({ id: e.target.value.trim().toLowerCase(), idTouched: true })}
              {...aria('id', p.stageId, errors.id)}
              data-testid="pipeline-stage-id"
            />
          )}
          {error('id', errors.id)}
        </div>
        {error('row', rowError)}
      </td>
      <td className={errors.outcome ? 'settings-cell field-invalid' : 'settings-cell'}>
        <select
          className="settings-input"
          value={draft.outcome}
          onChange={(e) => onChange({ outcome: e.target.value as Outcome })}
          {...aria('outcome', p.outcome, errors.outcome)}
          data-testid="pipeline-stage-outcome"
        >
          {outcomes.map((outcome) => (
            <option key={outcome} value={outcome}>
              {p.outcomes[outcome]}
            </option>
          ))}
        </select>
        {error('outcome', errors.outcome)}
      </td>
      <td className="settings-cell">
        <fieldset className="settings-required" aria-invalid={Boolean(requiredError)}>
          <legend className="visually-hidden">{p.requiredFieldsOf(title)}</legend>
          {stageRequirableFields.map((field) => (
            <label key={field} className="checkbox settings-required-item">
              <input type="checkbox" checked={draft.requiredFields.includes(field)} onChange={(e) => toggle(field, e.target.checked)} data-testid={`pipeline-stage-requires-${field}`} />
              <span>{p.requirable[field]}</span>
            </label>
          ))}
        </fieldset>
        {error('requiredFields', requiredError)}
      </td>
      <td className={errors.normDays ? 'settings-cell field-invalid' : 'settings-cell'}>
        <input
          type="number"
          className="settings-input settings-input-number"
          inputMode="numeric"
          min={1}
          max={365}
          step={1}
          value={draft.normDays}
          placeholder={m.common.none}
          title={p.normDaysHint}
          onChange={(e) => onChange({ normDays: e.target.value })}
          {...aria('normDays', p.normDays, errors.normDays)}
          data-testid="pipeline-stage-norm"
        />
        {error('normDays', errors.normDays)}
      </td>
      <td className={errors.responsibleRole ? 'settings-cell field-invalid' : 'settings-cell'}>
        <select
          className="settings-input"
          value={draft.responsibleRole}
          onChange={(e) => onChange({ responsibleRole: e.target.value as Role | '' })}
          {...aria('responsibleRole', p.role, errors.responsibleRole)}
          data-testid="pipeline-stage-role"
        >
          <option value="">{p.noRole}</option>
          {roles.map((role) => (
            <option key={role} value={role}>
              {p.roles[role]}
            </option>
          ))}
        </select>
        {error('responsibleRole', errors.responsibleRole)}
      </td>
      <td className={errors.probability ? 'settings-cell field-invalid' : 'settings-cell'}>
        <input
          type="number"
          className="settings-input settings-input-number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          required
          value={draft.probability}
          onChange={(e) => onChange({ probability: e.target.value })}
          {...aria('probability', p.probability, errors.probability)}
          data-testid="pipeline-stage-probability"
        />
        {error('probability', errors.probability)}
      </td>
      {canEdit ? (
        <td>
          <button type="button" className="button button-small" aria-label={m.common.removeOf(title)} onClick={onRemove} data-testid="pipeline-stage-remove">
            {m.common.remove}
          </button>
        </td>
      ) : null}
    </tr>
  );
}
