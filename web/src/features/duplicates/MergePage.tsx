import { useState } from 'react';
import { isApiError } from '../../api/api-error';
import { useDocumentTitle } from '../../app/use-document-title';
import { useI18n } from '../../i18n/use-i18n';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';
import { Spinner } from '../../ui/Spinner';
import { AppLink, useGoTo } from '../../ui/AppLink';
import { recordPath } from '../../records/record-paths';
import { apiErrorMessage } from '../../api/api-error-message';
import { LoadFailed } from '../../ui/LoadFailed';
import { useDuplicatesMessages } from '../../records/duplicates/duplicates-messages';
import { comparedFields, FieldValue, fieldLabel, isEmptyValue, listFields, recordTitle, sameValue, valueOf } from '../../records/duplicates/merge-fields';
import { mergeTypes, useMerge, useMergeCustomFields, useMergeRecord, type MergeRecord, type MergeType } from '../../records/duplicates/use-duplicates';
import '../../styles/transfer.css';

/**
 * The merge screen (REC-12): the two records side by side, a choice for every field where both
 * have different values, the lists of both kept, a swap of which record survives, and the merge
 * from the versions compared (a record changed meanwhile is a 409: both are reloaded).
 */
interface MergePageProps {
  type: MergeType | string;
  survivorId: string;
  duplicateId: string;
}

export function MergePage({ type, survivorId, duplicateId }: MergePageProps) {
  const m = useDuplicatesMessages();
  useDocumentTitle(m.merge.title);
  if (!(mergeTypes as readonly string[]).includes(type)) {
    return (
      <section className="page">
        <ErrorNotice>{m.merge.badType}</ErrorNotice>
      </section>
    );
  }
  return <MergeScreen key={`${survivorId}:${duplicateId}`} type={type as MergeType} survivorId={survivorId} duplicateId={duplicateId} />;
}

function MergeScreen({ type, survivorId, duplicateId }: { type: MergeType; survivorId: string; duplicateId: string }) {
  const m = useDuplicatesMessages();
  const survivorQuery = useMergeRecord(type, survivorId);
  const duplicateQuery = useMergeRecord(type, duplicateId);
  const customFields = useMergeCustomFields(type).data?.fields ?? [];
  // Kept here: after a conflict the form starts again from the fresh versions, the notice stays.
  const [conflict, setConflict] = useState(false);
  const back = (
    <AppLink href={recordPath(type, survivorId)} className="back-link">
      <span aria-hidden="true">←</span> {m.merge.back}
    </AppLink>
  );

  if (survivorQuery.isPending || duplicateQuery.isPending) return <LoadingState text={m.merge.loading} />;
  const failed = survivorQuery.isError ? survivorQuery : duplicateQuery.isError ? duplicateQuery : undefined;
  if (failed) {
    return (
      <section className="page">
        {back}
        {isApiError(failed.error) && failed.error.isNotFound ? <ErrorNotice>{m.merge.notFound}</ErrorNotice> : <LoadFailed error={failed.error} retry={() => void failed.refetch()} />}
      </section>
    );
  }
  const survivor = survivorQuery.data!;
  const duplicate = duplicateQuery.data!;

  // A merged id answers 308 and the browser follows it: the record read is then another one.
  const redirected = [survivor.id !== survivorId ? survivor : undefined, duplicate.id !== duplicateId ? duplicate : undefined].filter(Boolean) as MergeRecord[];
  if (survivorId === duplicateId || survivor.id === duplicate.id || redirected.length > 0) {
    return (
      <section className="page">
        {back}
        <ErrorNotice>
          {redirected.length > 0 ? m.merge.redirected(recordTitle(type, redirected[0]!)) : m.merge.sameRecord}
        </ErrorNotice>
        <AppLink href={recordPath(type, survivor.id)} className="button">
          {recordTitle(type, survivor)}
        </AppLink>
      </section>
    );
  }

  return (
    <MergeForm
      // Fresh versions after a conflict start the choices again.
      key={`${survivor.version}:${duplicate.version}`}
      type={type}
      survivor={survivor}
      duplicate={duplicate}
      customFields={customFields}
      conflict={conflict}
      onConflict={(value) => {
        setConflict(value);
        if (value) void Promise.all([survivorQuery.refetch(), duplicateQuery.refetch()]);
      }}
    />
  );
}

interface MergeFormProps {
  type: MergeType;
  survivor: MergeRecord;
  duplicate: MergeRecord;
  customFields: Parameters<typeof fieldLabel>[2];
  conflict: boolean;
  onConflict: (conflict: boolean) => void;
}

function MergeForm({ type, survivor, duplicate, customFields, conflict, onConflict }: MergeFormProps) {
  const m = useDuplicatesMessages();
  const { t } = useI18n();
  const goTo = useGoTo();
  const merge = useMerge(type, survivor.id);
  const [take, setTake] = useState<ReadonlySet<string>>(new Set());
  const [onlyDifferent, setOnlyDifferent] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const customKeys = [...new Set([...Object.keys(survivor.custom ?? {}), ...Object.keys(duplicate.custom ?? {})])]
    .filter((key) => customFields.length === 0 || customFields.some((f) => f.key === key))
    .map((key) => `custom.${key}`);
  const fields = [...comparedFields(type), ...customKeys];
  const rows = fields
    .map((field) => {
      const mine = valueOf(survivor, field);
      const theirs = valueOf(duplicate, field);
      const list = listFields.includes(field);
      const choice = !list && !isEmptyValue(mine) && !isEmptyValue(theirs) && !sameValue(mine, theirs);
      return { field, mine, theirs, list, choice, same: sameValue(mine, theirs), filled: !list && isEmptyValue(mine) && !isEmptyValue(theirs) };
    })
    .filter((row) => !(isEmptyValue(row.mine) && isEmptyValue(row.theirs)))
    .filter((row) => !onlyDifferent || !row.same);

  const survivorTitle = recordTitle(type, survivor);
  const duplicateTitle = recordTitle(type, duplicate);

  function choose(field: string, fromDuplicate: boolean) {
    setTake((current) => {
      const next = new Set(current);
      if (fromDuplicate) next.add(field);
      else next.delete(field);
      return next;
    });
  }

  function submit() {
    onConflict(false);
    const chosen = rows.filter((row) => row.choice && take.has(row.field)).map((row) => row.field);
    merge.mutate(
      { duplicateId: duplicate.id, version: survivor.version, duplicateVersion: duplicate.version, take: chosen },
      {
        onSuccess: (merged) => {
          setConfirming(false);
          goTo(recordPath(type, merged.id), { replace: true });
        },
        onError: (error) => {
          setConfirming(false);
          if (isApiError(error) && error.isConflict) onConflict(true);
        },
      },
    );
  }

  const error = merge.error;
  const notice = conflict ? (
    <ErrorNotice>{m.merge.conflict}</ErrorNotice>
  ) : error && !(isApiError(error) && error.isConflict) ? (
    <ErrorNotice>
      {isApiError(error) && error.status === 422
        ? error.fields.some((f) => f.code === 'converted')
          ? m.merge.converted
          : m.merge.alreadyMerged
        : apiErrorMessage(error, t)}
    </ErrorNotice>
  ) : null;

  return (
    <section className="page page-wide transfer-page" aria-labelledby="merge-title">
      <AppLink href={recordPath(type, survivor.id)} className="back-link">
        <span aria-hidden="true">←</span> {survivorTitle}
      </AppLink>
      <header className="page-header">
        <h1 id="merge-title">{m.merge.title}</h1>
      </header>
      <p>{m.merge.intro}</p>
      {notice}
      <div className="merge-toolbar">
        <AppLink href={`/merge/${type}/${encodeURIComponent(duplicate.id)}/${encodeURIComponent(survivor.id)}`} className="button" testId="merge-swap" title={m.merge.swapHint}>
          <span aria-hidden="true">⇄</span> {m.merge.swap}
        </AppLink>
        <label className="checkbox">
          <input type="checkbox" checked={onlyDifferent} onChange={(event) => setOnlyDifferent(event.target.checked)} data-testid="merge-only-different" />
          {m.merge.onlyDifferent}
        </label>
      </div>

      <div className="table-wrap">
        <table className="table merge-table" data-testid="merge-table">
          <caption className="visually-hidden">{m.merge.title}</caption>
          <thead>
            <tr>
              <th scope="col">{m.merge.field}</th>
              <th scope="col">
                <span className="merge-heads">
                  <span className="merge-role merge-role-survivor">{m.merge.survivor}</span>
                  <AppLink href={recordPath(type, survivor.id)} testId="merge-survivor">
                    {survivorTitle}
                  </AppLink>
                </span>
              </th>
              <th scope="col">
                <span className="merge-heads">
                  <span className="merge-role merge-role-duplicate">{m.merge.duplicate}</span>
                  <AppLink href={recordPath(type, duplicate.id)} testId="merge-duplicate">
                    {duplicateTitle}
                  </AppLink>
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const label = fieldLabel(m, row.field, customFields);
              const takeTheirs = take.has(row.field);
              const name = `merge-${row.field}`;
              return (
                <tr key={row.field} data-testid="merge-row" data-field={row.field} className={row.same ? 'merge-same' : undefined}>
                  <th scope="row" className="merge-field">
                    {label}
                    {row.same && !row.list ? <span className="cell-sub">{m.merge.same}</span> : null}
                    {row.list && !row.same ? <span className="cell-sub">{m.merge.merged}</span> : null}
                  </th>
                  {row.choice ? (
                    <>
                      <td className={!takeTheirs ? 'merge-chosen' : undefined}>
                        <label className="merge-choice">
                          <input type="radio" name={name} checked={!takeTheirs} onChange={() => choose(row.field, false)} aria-label={`${m.merge.keep}: ${label}`} data-testid={`${name}-survivor`} />
                          <span className="merge-value">
                            <FieldValue field={row.field} value={row.mine} customFields={customFields} />
                          </span>
                        </label>
                      </td>
                      <td className={takeTheirs ? 'merge-chosen' : undefined}>
                        <label className="merge-choice">
                          <input type="radio" name={name} checked={takeTheirs} onChange={() => choose(row.field, true)} aria-label={`${m.merge.take}: ${label}`} data-testid={`${name}-duplicate`} />
                          <span className="merge-value">
                            <FieldValue field={row.field} value={row.theirs} customFields={customFields} />
                          </span>
                        </label>
                      </td>
                    </>
                  ) : (
                    <>
                      <td className="merge-value">
                        <FieldValue field={row.field} value={row.mine} customFields={customFields} />
                        {row.filled ? <span className="cell-sub">{m.merge.fromDuplicate}</span> : null}
                      </td>
                      <td className={row.filled ? 'merge-value merge-chosen' : 'merge-value'}>
                        <FieldValue field={row.field} value={row.theirs} customFields={customFields} />
                      </td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="field-hint">
        {m.merge.listsKept} {m.merge.filled}
      </p>

      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={() => setConfirming(true)} disabled={merge.isPending} data-testid="merge-submit">
          {merge.isPending ? <Spinner size="sm" /> : null}
          {merge.isPending ? m.merge.submitting : m.merge.submit}
        </button>
        <AppLink href={recordPath(type, survivor.id)} className="button">
          {m.merge.back}
        </AppLink>
      </div>

      <Dialog open={confirming} title={m.merge.confirmTitle} onClose={() => setConfirming(false)} testId="merge-confirm-dialog">
        <div className="dialog-form">
          <p>{m.merge.confirmText(duplicateTitle, survivorTitle)}</p>
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={submit} disabled={merge.isPending} data-testid="merge-confirm">
              {merge.isPending ? <Spinner size="sm" /> : null}
              {merge.isPending ? m.merge.submitting : m.merge.confirm}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {m.merge.back}
            </button>
          </div>
        </div>
      </Dialog>
    </section>
  );
}
