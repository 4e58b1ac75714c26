import { useId, useState } from 'react';
import { minSearchLength, useRecordSearch, type SearchHit, type SearchType } from '../../../api/search-api';
import { Spinner } from '../../../ui/Spinner';
import { useDealsMessages } from '../deals-messages';

/**
 * A search box over the quick search (`/api/search?types=`) with the hits as buttons to choose:
 * the account and contact pickers of the deal form and the product picker of an order line.
 */
interface SearchPickerProps {
  type: SearchType;
  label: string;
  placeholder?: string;
  /** Hits already chosen are left out. */
  exclude?: readonly string[];
  onPick: (hit: SearchHit) => void;
  testId: string;
  autoFocus?: boolean;
  /** Labels the box when the visible label is elsewhere. */
  hideLabel?: boolean;
  describedBy?: string | undefined;
  invalid?: boolean;
}

export function SearchPicker({ type, label, placeholder, exclude = [], onPick, testId, autoFocus, hideLabel, describedBy, invalid }: SearchPickerProps) {
  const dm = useDealsMessages();
  const id = useId();
  const [text, setText] = useState('');
  const search = useRecordSearch(text, { types: [type], limit: 8 });
  const hits = (search.enabled ? (search.data ?? []) : []).filter((hit) => hit.type === type && !exclude.includes(hit.id));
  const long = text.trim().length >= minSearchLength;

  return (
    <div className="search-picker" data-testid={testId}>
      <label className={hideLabel ? 'visually-hidden' : 'field-label'} htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        autoFocus={autoFocus}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        data-testid={`${testId}-search`}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Enter searches or takes the only hit; it never submits the form around the picker.
          if (event.key !== 'Enter') return;
          event.preventDefault();
          if (hits.length === 1 && hits[0]) {
            onPick(hits[0]);
            setText('');
          }
        }}
      />
      {long ? (
        search.isError && search.settled ? (
          <p className="search-picker-state field-error">{dm.picker.failed}</p>
        ) : !search.data || (search.isFetching && hits.length === 0) ? (
          <p className="search-picker-state" role="status">
            <Spinner size="sm" /> {dm.picker.searching}
          </p>
        ) : hits.length > 0 ? (
          <ul className="search-picker-hits" aria-busy={search.isFetching} aria-label={label}>
            {hits.map((hit) => (
              <li key={hit.id}>
                <button
                  type="button"
                  className="search-picker-hit"
                  data-testid={`${testId}-option`}
                  onClick={() => {
                    onPick(hit);
                    setText('');
                  }}
                >
                  <span className="search-picker-title">{hit.title}</span>
                  {hit.subtitle ? <span className="search-picker-subtitle">{hit.subtitle}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        ) : search.settled && !search.isFetching ? (
          <p className="search-picker-state muted">{dm.picker.empty}</p>
        ) : null
      ) : null}
    </div>
  );
}
