import { useState, type FormEvent } from 'react';
import { lostReasons, updateDealSchema, type Deal, type UpdateDealInput } from '@shared/domain/deals/deal';
import type { Stage, StageRequirableField } from '@shared/domain/deals/pipeline';
import { currencies } from '@shared/domain/common/values';
import { isApiError } from '../../../api/api-error';
import { useI18n } from '../../../i18n/use-i18n';
import { Dialog } from '../../../ui/Dialog';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Field } from '../../../ui/Field';
import { Spinner } from '../../../ui/Spinner';
import { apiErrorMessage } from '../../../api/api-error-message';
import { issuesOfApi, issuesOfZod, type FormErrors } from '../../../records/form/form-errors';
import { useRecordsMessages } from '../../../records/records-messages';
import { useMoveDeal, useUpdateDeal } from '../deal-api';
import { useDealsMessages } from '../deals-messages';
import { placeDealIssues } from '../form/deal-form-errors';
import { dealFormValuesOf, emptyLine, parseNumber, updatePatchOf, type Currency, type DealFormValues } from '../form/deal-form-values';
import { LinesEditor, useLineProducts } from '../form/LinesEditor';
import { AccountPicker, ContactsPicker } from '../form/PartyPickers';

/**
 * Moving a deal to a stage that needs more than the deal has: the fields the stage requires and
 * the deal lacks (as the API's 422 listed them), filled in here; the deal is saved (PATCH) and
 * moved again. A lost stage always asks for the reason (and an optional comment).
 */
type LostReason = (typeof lostReasons)[number];

export function requiredFieldsError(error: unknown): StageRequirableField[] | undefined {
  if (!isApiError(error) || error.status !== 422) return undefined;
  const fields = error.fields.filter((f) => f.code === 'required_for_stage').map((f) => f.path as StageRequirableField);
  return fields.length > 0 ? fields : undefined;
}

interface StageMoveDialogProps {
  deal: Deal;
  stage: Stage;
  missing: StageRequirableField[];
  onClose: () => void;
  onMoved: (deal: Deal) => void;
}

export function StageMoveDialog({ deal, stage, missing, onClose, onMoved }: StageMoveDialogProps) {
  const dm = useDealsMessages();
  const lost = stage.outcome === 'lost';
  return (
    <Dialog open title={lost ? dm.move.lostTitle : dm.move.missingTitle(stage.name)} onClose={onClose} testId="deal-stage-dialog">
      <StageMoveForm deal={deal} stage={stage} initialMissing={missing} onClose={onClose} onMoved={onMoved} />
    </Dialog>
  );
}

function StageMoveForm({ deal, stage, initialMissing, onClose, onMoved }: { deal: Deal; stage: Stage; initialMissing: StageRequirableField[]; onClose: () => void; onMoved: (deal: Deal) => void }) {
  const { t, locale } = useI18n();
  const m = useRecordsMessages();
  const dm = useDealsMessages();
  const update = useUpdateDeal(deal.id);
  const move = useMoveDeal(deal.id);
  const lost = stage.outcome === 'lost';
  const [missing, setMissing] = useState<StageRequirableField[]>(() => [...new Set([...(lost ? (['lostReason'] as const) : []), ...initialMissing])]);
  const [values, setValues] = useState<DealFormValues>(() => {
    const current = dealFormValuesOf(deal, [], 'RUB', locale === 'ru' ? ',' : '.');
    return initialMissing.includes('lines') && current.lines.length === 0 ? { ...current, lines: [emptyLine()] } : current;
  });
  const [reason, setReason] = useState<LostReason | ''>('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [other, setOther] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const productOf = useLineProducts(values.lines);
  const shown = (field: StageRequirableField) => missing.includes(field);

  const change = <F extends keyof DealFormValues>(field: F, value: DealFormValues[F], clears: string[]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !clears.some((c) => key === c || key.startsWith(`${c}.`)))));
  };

  function checkFilled(): FormErrors {
    const out: FormErrors = {};
    const required = m.form.errors.required;
    if (shown('accountId') && !values.account) out.accountId = required;
    if (shown('contactIds') && values.contacts.length === 0) out.contactIds = required;
    if (shown('needs') && !values.needs.trim()) out.needs = required;
    if (shown('expectedCloseDate') && !values.expectedCloseDate) out.expectedCloseDate = required;
    if (shown('lines') && values.lines.length === 0) out.lines = dm.move.missingLines;
    if (shown('amount') && values.lines.length === 0 && parseNumber(values.amount) === undefined) out.amount = required;
    if (shown('lostReason') && !reason) out.lostReason = dm.move.reasonRequired;
    return out;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFailure(undefined);
    setOther([]);
    const empty = checkFilled();
    if (Object.keys(empty).length > 0) {
      setErrors(empty);
      return;
    }
    const { patch } = updatePatchOf(values, deal, productOf, [], m);
    let version = deal.version;
    setBusy(true);
    try {
      if (Object.keys(patch).length > 1) {
        const parsed = updateDealSchema.safeParse(patch);
        if (!parsed.success) {
          const placed = placeDealIssues(issuesOfZod(parsed.error.issues), m, dm);
          setErrors(placed.fields);
          setOther(placed.other);
          return;
        }
        const saved = await update.mutateAsync(parsed.data as UpdateDealInput);
        version = saved.version;
      }
      const moved = await move.mutateAsync({ version, stage: stage.id, ...(reason ? { lostReason: reason } : {}), ...(lost && comment.trim() ? { lostComment: comment.trim() } : {}) });
      onMoved(moved);
    } catch (error) {
      const stillMissing = requiredFieldsError(error);
      if (stillMissing) {
        // The server knows better (the deal changed meanwhile): ask for what it says is missing.
        setMissing((current) => [...new Set([...current, ...stillMissing])]);
        if (stillMissing.includes('lines') && values.lines.length === 0) setValues((current) => ({ ...current, lines: [emptyLine()] }));
        setErrors(Object.fromEntries(stillMissing.map((field) => [field, dm.form.requiredForStage])));
      } else if (isApiError(error) && error.fields.length > 0 && error.code !== 'version_conflict') {
        const placed = placeDealIssues(issuesOfApi(error.fields), m, dm);
        setErrors(placed.fields);
        setOther(placed.other);
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  }

  const conflict = isApiError(failure) && failure.isConflict;
  const closed = isApiError(failure) && failure.fields.some((f) => f.code === 'closed');
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="dialog-form stage-move-form" data-testid="deal-stage-form" aria-busy={busy}>
      <p>{lost ? dm.move.lostText : dm.move.missingText}</p>
      {failure ? (
        <ErrorNotice
          action={
            conflict ? (
              <button type="button" className="button" onClick={onClose} data-testid="deal-stage-reload">
                {dm.move.reload}
              </button>
            ) : undefined
          }
        >
          {conflict ? dm.move.conflict : closed ? dm.move.closed : apiErrorMessage(failure, t)}
        </ErrorNotice>
      ) : null}
      {other.length > 0 ? (
        <div className="notice notice-error" role="alert">
          <ul>
            {other.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {!lost ? (
        <ul className="stage-missing-list" data-testid="deal-stage-missing">
          {missing
            .filter((field) => field !== 'lostReason')
            .map((field) => (
              <li key={field} data-field={field}>
                {dm.required[field]}
              </li>
            ))}
        </ul>
      ) : null}

      {shown('accountId') ? <AccountPicker id="move-accountId" value={values.account} error={errors.accountId} onChange={(value) => change('account', value, ['accountId'])} /> : null}
      {shown('contactIds') ? <ContactsPicker id="move-contactIds" value={values.contacts} error={errors.contactIds} onChange={(value) => change('contacts', value, ['contactIds'])} /> : null}
      {shown('needs') ? (
        <Field id="move-needs" label={dm.fields.needs} error={errors.needs} required>
          {(aria) => (
            <textarea {...aria} name="needs" data-testid="deal-stage-needs" rows={3} maxLength={5000} value={values.needs} onChange={(event) => change('needs', event.target.value, ['needs'])} />
          )}
        </Field>
      ) : null}
      {shown('lines') ? (
        <div className="field">
          <span className="field-label">{dm.fields.lines}</span>
          <LinesEditor idPrefix="move" lines={values.lines} productOf={productOf} errors={errors} onChange={(lines) => change('lines', lines, ['lines', 'amount'])} />
        </div>
      ) : null}
      {shown('amount') && values.lines.length === 0 ? (
        <div className="form-grid form-grid-budget">
          <Field id="move-amount" label={dm.fields.amount} error={errors.amount} required>
            {(aria) => (
              <input
                {...aria}
                name="amount"
                data-testid="deal-stage-amount"
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={values.amount}
                onChange={(event) => change('amount', event.target.value, ['amount'])}
              />
            )}
          </Field>
          <Field id="move-currency" label={dm.fields.currency}>
            {(aria) => (
              <select {...aria} name="currency" value={values.currency} onChange={(event) => change('currency', event.target.value as Currency, ['amount'])}>
                {currencies.map((currency) => (
                  <option key={currency} value={currency}>
                    {currency}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      ) : null}
      {shown('expectedCloseDate') ? (
        <Field id="move-expectedCloseDate" label={dm.fields.expectedCloseDate} error={errors.expectedCloseDate} required>
          {(aria) => (
            <input
              {...aria}
              name="expectedCloseDate"
              data-testid="deal-stage-expectedCloseDate"
              type="date"
              value={values.expectedCloseDate}
              onChange={(event) => change('expectedCloseDate', event.target.value, ['expectedCloseDate'])}
            />
          )}
        </Field>
      ) : null}
      {shown('lostReason') ? (
        <>
          <Field id="move-lostReason" label={dm.fields.lostReason} error={errors.lostReason} required>
            {(aria) => (
              <select
                {...aria}
                name="lostReason"
                data-testid="deal-lost-reason"
                value={reason}
                autoFocus
                onChange={(event) => {
                  setReason(event.target.value as LostReason | '');
                  setErrors(({ lostReason: _gone, ...rest }) => rest);
                }}
              >
                <option value="">{dm.move.chooseReason}</option>
                {lostReasons.map((value) => (
                  <option key={value} value={value}>
                    {dm.lostReasons[value]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {lost ? (
            <Field id="move-lostComment" label={dm.fields.lostComment} hint={dm.move.commentHint}>
              {(aria) => <textarea {...aria} name="lostComment" rows={3} maxLength={2000} data-testid="deal-lost-comment" value={comment} onChange={(event) => setComment(event.target.value)} />}
            </Field>
          ) : null}
        </>
      ) : null}

      <div className="form-actions">
        <button type="submit" className={lost ? 'button button-danger' : 'button button-primary'} disabled={busy} data-testid="deal-stage-submit">
          {busy ? <Spinner size="sm" /> : null}
          {busy ? dm.stages.moving : lost ? dm.move.confirmLost : dm.move.saveAndMove}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {dm.move.cancel}
        </button>
      </div>
    </form>
  );
}
