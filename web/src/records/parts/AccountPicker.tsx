import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Account } from '@shared/domain/accounts/account';
import { Spinner } from '../../ui/Spinner';
import { AppLink } from '../../ui/AppLink';
import { recordPath } from '../record-paths';
import { namedRecordQuery } from '../record-batch';
import { useRecordsHttp } from '../records-http';
import { minSearchLength, useRecordSearch } from '../../api/search-api';
import { useKitMessages } from './kit-messages';

/**
 * Choosing an account by search (`GET /api/search?types=account`): the chosen one is shown by
 * name with "change" and "remove"; otherwise a search box with the accounts found as buttons.
 * `excludeId` keeps an account from being chosen as its own parent.
 */
export interface PickedAccount {
  id: string;
  /** Unknown until loaded, for a value that came with the record. */
  title?: string;
}

interface AccountPickerProps {
  label: string;
  value: PickedAccount | null;
  onChange: (value: PickedAccount | null) => void;
  error?: string | undefined;
  excludeId?: string;
  testId: string;
}

export function AccountPicker({ label, value, onChange, error, excludeId, testId }: AccountPickerProps) {
  const k = useKitMessages();
  const id = useId();
  const [text, setText] = useState('');
  const [searching, setSearching] = useState(false);
  const search = useRecordSearch(text, { types: ['account'], limit: 8, enabled: searching || !value });
  const name = useAccountName(value && !value.title ? value.id : undefined);
  const hits = (search.enabled ? (search.data ?? []) : []).filter((hit) => hit.type === 'account');
  const errorId = error ? `${id}-error` : undefined;

  const choose = (picked: PickedAccount | null) => {
    onChange(picked);
    setSearching(false);
    setText('');
  };

  return (
    <div className={error ? 'field field-invalid ac-picker' : 'field ac-picker'} data-testid={testId}>
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      {value && !searching ? (
        <div className="ac-picked" role="group" aria-labelledby={`${id}-label`} aria-describedby={errorId}>
          <AppLink href={recordPath('account', value.id)} className="ac-picked-name break" testId={`${testId}-value`}>
            {value.title ?? name.data ?? value.id}
          </AppLink>
          <button type="button" className="button button-link" data-testid={`${testId}-change`} onClick={() => setSearching(true)}>
            {k.picker.change}
          </button>
          <button type="button" className="button button-link" data-testid={`${testId}-clear`} onClick={() => choose(null)}>
            {k.picker.clear}
          </button>
        </div>
      ) : (
        <>
          <input
            id={`${id}-search`}
            type="search"
            aria-labelledby={`${id}-label`}
            aria-describedby={errorId}
            aria-invalid={Boolean(error)}
            placeholder={k.picker.placeholder}
            autoComplete="off"
            data-testid={`${testId}-search`}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              // Enter searches; it must not submit the form.
              if (event.key === 'Enter') {
                event.preventDefault();
                const only = hits.filter((hit) => hit.id !== excludeId);
                if (only.length === 1 && only[0]) choose({ id: only[0].id, title: only[0].title });
              }
              if (event.key === 'Escape' && value) setSearching(false);
            }}
          />
          {text.trim().length >= minSearchLength ? (
            search.isError && search.settled ? (
              <p className="field-hint">{k.picker.failed}</p>
            ) : !search.data || (search.isFetching && hits.length === 0) ? (
              <p className="field-hint">
                <Spinner size="sm" /> {k.picker.searching}
              </p>
            ) : hits.length > 0 ? (
              <ul className="ac-picker-results" aria-label={k.picker.results} aria-busy={search.isFetching}>
                {hits.map((hit) => (
                  <li key={hit.id}>
                    <button
                      type="button"
                      className="ac-picker-option"
                      disabled={hit.id === excludeId}
                      data-testid={`${testId}-option`}
                      onClick={() => choose({ id: hit.id, title: hit.title })}
                    >
                      <span className="ac-picker-title">{hit.title}</span>
                      {hit.subtitle || hit.id === excludeId ? (
                        <span className="cell-sub">{hit.id === excludeId ? k.picker.self : hit.subtitle}</span>
                      ) : null}
                    </button>
                  </li>
                ))}
              </ul>
            ) : search.settled && !search.isFetching ? (
              <p className="field-hint">{k.picker.empty}</p>
            ) : null
          ) : text.trim() !== '' ? (
            <p className="field-hint">{k.picker.typeMore}</p>
          ) : null}
          {value ? (
            <button type="button" className="button button-link" onClick={() => setSearching(false)}>
              ← {value.title ?? name.data ?? value.id}
            </button>
          ) : null}
        </>
      )}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** An account's name by id (for a link to a parent or a contact's company); undefined while loading. */
export function useAccountName(id: string | undefined) {
  const http = useRecordsHttp();
  return useQuery({ ...namedRecordQuery<Account>(http, 'accounts', id), select: (account) => account.name });
}

/** A link to an account by its id, named once its name has loaded. */
export function AccountLink({ id, testId }: { id: string; testId?: string }) {
  const name = useAccountName(id);
  return (
    <AppLink href={recordPath('account', id)} className="break" {...(testId ? { testId } : {})}>
      {name.data ?? (name.isPending ? '…' : id)}
    </AppLink>
  );
}
