import { useDealsMessages } from '../deals-messages';
import { AccountLink, ContactLinks } from '../../../records/page/RecordLinks';
import type { PickedRecord } from './deal-form-values';
import { SearchPicker } from './SearchPicker';

/** The deal's account: the one chosen (by name, linked) with a way to remove it, or a search to choose one. */
export function AccountPicker({ id, value, error, onChange, autoFocus }: { id: string; value: PickedRecord | null; error?: string | undefined; onChange: (value: PickedRecord | null) => void; autoFocus?: boolean }) {
  const dm = useDealsMessages();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'} role="group" aria-labelledby={`${id}-label`} data-testid="record-form-accountId">
      <span className="field-label" id={`${id}-label`}>
        {dm.fields.account}
      </span>
      {value ? (
        <p className="picked">
          <span className="picked-name">{value.title ?? <AccountLink id={value.id} />}</span>
          <button type="button" className="button button-link" onClick={() => onChange(null)} data-testid="account-clear">
            {dm.picker.clear}
          </button>
        </p>
      ) : (
        <SearchPicker
          type="account"
          label={`${dm.fields.account}: ${dm.picker.search}`}
          hideLabel
          placeholder={dm.picker.accountPlaceholder}
          testId="account-picker"
          onPick={(hit) => onChange({ id: hit.id, title: hit.title })}
          describedBy={errorId}
          invalid={Boolean(error)}
          {...(autoFocus ? { autoFocus } : {})}
        />
      )}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The deal's contacts: those chosen, each removable, and a search to add more. */
export function ContactsPicker({ id, value, error, onChange }: { id: string; value: PickedRecord[]; error?: string | undefined; onChange: (value: PickedRecord[]) => void }) {
  const dm = useDealsMessages();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'} role="group" aria-labelledby={`${id}-label`} data-testid="record-form-contactIds">
      <span className="field-label" id={`${id}-label`}>
        {dm.fields.contacts}
      </span>
      {value.length > 0 ? (
        <ul className="picked-list">
          {value.map((contact) => (
            <li key={contact.id} className="picked">
              <span className="picked-name">{contact.title ?? <ContactLinks ids={[contact.id]} />}</span>
              <button type="button" className="button button-link" onClick={() => onChange(value.filter((c) => c.id !== contact.id))}>
                {dm.picker.clear}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {value.length < 20 ? (
        <SearchPicker
          type="contact"
          label={`${dm.fields.contacts}: ${dm.picker.search}`}
          hideLabel
          placeholder={dm.picker.contactPlaceholder}
          testId="contact-picker"
          exclude={value.map((c) => c.id)}
          onPick={(hit) => onChange([...value, { id: hit.id, title: hit.title }])}
          describedBy={errorId}
          invalid={Boolean(error)}
        />
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
