import { useRouter } from '@tanstack/react-router';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/use-i18n';
import { Spinner } from '../../ui/Spinner';
import { minSearchLength, searchHitHref, useRecordSearch, type SearchHit } from '../../api/search-api';

/**
 * Quick search in the header (REC-13): leads, accounts, contacts, deals and products by name,
 * phone, email or tax id. An ARIA 1.2 combobox: the input keeps focus, ArrowUp/Down move through
 * the results, Enter opens one (the first if none is chosen), Escape closes the list, then clears.
 */
export function QuickSearch() {
  const { t } = useI18n();
  const router = useRouter();
  const id = useId();
  const listboxId = `${id}-listbox`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const search = useRecordSearch(text, { limit: 10 });
  const hits = search.data ?? [];
  // The highlighted result belongs to one answer: a new answer starts with none highlighted.
  const [active, setActive] = useState<{ of: SearchHit[] | undefined; index: number }>({ of: undefined, index: -1 });
  const activeIndex = active.of === search.data ? active.index : -1;

  const longEnough = text.trim().length >= minSearchLength;
  const expanded = open && longEnough;
  const waiting = !search.data && (search.isFetching || !search.settled);
  const failed = search.isError && !search.isFetching && search.settled;
  const empty = !failed && !waiting && search.settled && !search.isFetching && hits.length === 0;

  function choose(hit: SearchHit) {
    setOpen(false);
    setText('');
    inputRef.current?.blur();
    void router.navigate({ href: searchHitHref(hit.type, hit.id) });
  }

  function move(step: 1 | -1) {
    if (!hits.length) return;
    const next = activeIndex < 0 ? (step === 1 ? 0 : hits.length - 1) : (activeIndex + step + hits.length) % hits.length;
    setActive({ of: search.data, index: next });
    document.getElementById(`${id}-option-${next}`)?.scrollIntoView({ block: 'nearest' });
  }

  function keyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        if (!open) {
          setOpen(true);
          return;
        }
        move(event.key === 'ArrowDown' ? 1 : -1);
        return;
      case 'Enter': {
        if (!expanded) return;
        const hit = hits[activeIndex] ?? (search.settled && !search.isPlaceholderData ? hits[0] : undefined);
        if (!hit) return;
        event.preventDefault();
        choose(hit);
        return;
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
        } else if (text) {
          event.preventDefault();
          setText('');
        }
        return;
      default:
    }
  }

  const activeId = expanded && activeIndex >= 0 ? `${id}-option-${activeIndex}` : undefined;
  const errorText =
    isApiError(search.error) && search.error.code === 'network' ? t.errors.network : isApiError(search.error) && search.error.status === 403 ? t.errors.forbidden : t.search.failed;

  return (
    <div className="quick-search" role="search">
      <span className="quick-search-icon" aria-hidden="true">
        <svg viewBox="0 0 20 20" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="m13 13 4.5 4.5" />
        </svg>
      </span>
      <input
        ref={inputRef}
        type="search"
        className="quick-search-input"
        data-testid="quick-search"
        role="combobox"
        aria-label={t.search.label}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={activeId}
        aria-describedby={`${id}-status`}
        placeholder={t.search.placeholder}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={keyDown}
      />
      {expanded && search.isFetching ? (
        <span className="quick-search-busy">
          <Spinner size="sm" label={t.search.searching} />
        </span>
      ) : null}
      <div
        className="quick-search-popup"
        hidden={!expanded}
        data-testid="quick-search-popup"
        // Keep the focus in the input: a click on the list must not blur it before it counts.
        onMouseDown={(event) => event.preventDefault()}
      >
        <ul id={listboxId} role="listbox" aria-label={t.search.results} className="quick-search-list" aria-busy={search.isFetching}>
          {expanded
            ? hits.map((hit, index) => (
                <li
                  key={`${hit.type}:${hit.id}`}
                  id={`${id}-option-${index}`}
                  role="option"
                  aria-selected={index === activeIndex}
                  className={`quick-search-option${index === activeIndex ? ' active' : ''}`}
                  data-testid="quick-search-result"
                  data-type={hit.type}
                  onMouseMove={() => index !== activeIndex && setActive({ of: search.data, index })}
                  onClick={() => choose(hit)}
                >
                  <span className={`quick-search-type quick-search-type-${hit.type}`}>{t.search.types[hit.type]}</span>
                  <span className="quick-search-text">
                    <span className="quick-search-title">{hit.title}</span>
                    {hit.subtitle ? <span className="quick-search-subtitle">{hit.subtitle}</span> : null}
                  </span>
                </li>
              ))
            : null}
        </ul>
        {expanded && waiting ? (
          <p className="quick-search-state">
            <Spinner size="sm" /> {t.search.searching}
          </p>
        ) : null}
        {expanded && empty ? (
          <p className="quick-search-state" data-testid="quick-search-empty">
            {t.search.empty}
          </p>
        ) : null}
        {expanded && failed ? (
          <p className="quick-search-state quick-search-error" data-testid="quick-search-error">
            {errorText}{' '}
            <button type="button" className="button-link" onClick={() => void search.refetch()}>
              {t.search.retry}
            </button>
          </p>
        ) : null}
      </div>
      <span id={`${id}-status`} className="visually-hidden" role="status" aria-live="polite">
        {expanded && search.settled && !search.isFetching ? (failed ? errorText : empty ? t.search.empty : t.search.found(hits.length)) : ''}
      </span>
    </div>
  );
}
