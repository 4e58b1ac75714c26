import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { minSearchLength, searchHitHref, searchKeys, useRecordSearch, useSearchFetch, type SearchHit, type SearchQuery } from '../../../api/search-api';
import { Spinner } from '../../../ui/Spinner';
import { useConvertMessages } from './convert-messages';

/**
 * Choosing an existing account or contact to link: the records that look like the lead's
 * (searched by its company, email, phone, name) offered first, and a search for any other.
 */
export type PickType = 'account' | 'contact';

interface RecordPickerProps {
  type: PickType;
  /** Texts the lead suggests searching for; blank and too short ones are skipped. */
  suggest: readonly (string | undefined)[];
  selected: SearchHit | null;
  onSelect: (hit: SearchHit) => void;
  error?: string | undefined;
}

export function RecordPicker({ type, suggest, selected, onSelect, error }: RecordPickerProps) {
  const m = useConvertMessages();
  const [text, setText] = useState('');
  const suggestions = useSuggestions(type, suggest);
  const search = useRecordSearch(text, { types: [type], limit: 8 });
  const found = search.enabled ? (search.data ?? []) : [];
  const seen = new Set(suggestions.hits.map((hit) => hit.id));
  const others = found.filter((hit) => !seen.has(hit.id));
  const name = `convert-${type}-pick`;
  const errorId = error ? `${name}-error` : undefined;

  const option = (hit: SearchHit) => (
    <li key={hit.id}>
      <label className={`convert-option${selected?.id === hit.id ? ' selected' : ''}`} data-testid={`convert-${type}-option`}>
        <input type="radio" name={name} value={hit.id} checked={selected?.id === hit.id} onChange={() => onSelect(hit)} />
        <span className="convert-option-text">
          <span className="convert-option-title">{hit.title}</span>
          {hit.subtitle ? <span className="convert-option-subtitle">{hit.subtitle}</span> : null}
        </span>
        {/* In a new tab: leaving would lose the conversion being prepared. */}
        <a href={searchHitHref(hit.type, hit.id)} className="convert-option-open" target="_blank" rel="noopener">
          {m.picker.open}
        </a>
      </label>
    </li>
  );

  return (
    <div className="convert-picker" role="group" aria-label={type === 'account' ? m.account.link : m.contact.link} aria-describedby={errorId}>
      {suggestions.hits.length > 0 ? (
        <>
          <p className="convert-picker-heading">{m.picker.suggestions}</p>
          <ul className="convert-options" data-testid={`convert-${type}-suggestions`}>
            {suggestions.hits.map(option)}
          </ul>
        </>
      ) : suggestions.loading ? (
        <p className="convert-picker-state">
          <Spinner size="sm" /> {m.picker.searching}
        </p>
      ) : null}
      <div className="field">
        <label className="field-label" htmlFor={`${name}-search`}>
          {m.picker.search}
        </label>
        <input
          id={`${name}-search`}
          type="search"
          data-testid={`convert-${type}-search`}
          placeholder={type === 'account' ? m.picker.searchPlaceholder : m.picker.searchContactPlaceholder}
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // Enter in the search box searches; it must not submit the conversion.
            if (event.key === 'Enter') event.preventDefault();
          }}
        />
      </div>
      {text.trim().length >= minSearchLength ? (
        search.isError && search.settled ? (
          <p className="convert-picker-state field-error">{m.picker.failed}</p>
        ) : !search.data || (search.isFetching && !search.isPlaceholderData && others.length === 0) ? (
          <p className="convert-picker-state">
            <Spinner size="sm" /> {m.picker.searching}
          </p>
        ) : others.length > 0 ? (
          <ul className="convert-options" aria-busy={search.isFetching}>
            {others.map(option)}
          </ul>
        ) : found.length === 0 && search.settled && !search.isFetching ? (
          <p className="convert-picker-state">{m.picker.empty}</p>
        ) : null
      ) : null}
      {selected && !suggestions.hits.some((hit) => hit.id === selected.id) && !others.some((hit) => hit.id === selected.id) ? (
        <p className="convert-picker-selected">
          {m.picker.selected}: <strong>{selected.title}</strong>
          {selected.subtitle ? <span className="muted"> · {selected.subtitle}</span> : null}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The records of `type` found by each text the lead suggests, each once, in the order found. */
export function useSuggestions(type: PickType, texts: readonly (string | undefined)[]) {
  const fetchHits = useSearchFetch();
  const queries: SearchQuery[] = [...new Set(texts.map((text) => text?.trim() ?? '').filter((text) => text.length >= minSearchLength))].map((q) => ({ q, types: [type], limit: 5 }));
  const results = useQueries({
    queries: queries.map((query) => ({
      queryKey: searchKeys.query(query),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchHits(query, signal),
      staleTime: 30_000,
      retry: false,
    })),
  });
  const hits: SearchHit[] = [];
  const seen = new Set<string>();
  for (const result of results) {
    for (const hit of result.data ?? []) {
      if (hit.type !== type || seen.has(hit.id)) continue;
      seen.add(hit.id);
      hits.push(hit);
    }
  }
  return { hits, loading: results.some((result) => result.isPending) };
}
