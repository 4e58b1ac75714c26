import { duplicatePolicies, type DuplicatePolicy } from '@shared/domain/imports/import-job';
import { useImportMessages } from './import-messages';

/** The global choice for rows that match an existing record: skip, update or create. */
export function PolicyRadios({ value, onChange, disabled }: { value: DuplicatePolicy; onChange: (policy: DuplicatePolicy) => void; disabled?: boolean }) {
  const m = useImportMessages();
  const hints: Record<DuplicatePolicy, string> = { skip: m.policy.skipHint, update: m.policy.updateHint, create: m.policy.createHint };
  return (
    <fieldset className="transfer-policy" disabled={disabled} data-testid="import-policy">
      <legend className="field-label">{m.policy.legend}</legend>
      <p className="field-hint">{m.policy.hint}</p>
      <div className="transfer-choice-row">
        {duplicatePolicies.map((policy) => (
          <label key={policy} className={policy === value ? 'transfer-choice transfer-choice-on' : 'transfer-choice'}>
            <input type="radio" name="duplicatePolicy" value={policy} checked={policy === value} onChange={() => onChange(policy)} data-testid={`import-policy-${policy}`} />
            <span>
              <strong>{m.policy[policy]}</strong>
              <span className="transfer-choice-hint">{hints[policy]}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
