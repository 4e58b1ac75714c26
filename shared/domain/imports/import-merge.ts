import { phoneDigits } from '../search/search-terms';

/**
 * What an imported row changes on the record it duplicates ("update"): the values it brings that
 * differ, with list entries (phones, emails, addresses) added to the record's rather than replacing
 * them, and custom values merged key by key. An empty patch means the row adds nothing.
 */
export function mergePatch(current: Record<string, unknown>, imported: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(imported)) {
    if (value === undefined || value === null || value === '') continue;
    const stored = current[key];
    if (Array.isArray(value)) {
      const merged = mergeEntries(Array.isArray(stored) ? stored : [], value);
      if (merged.length !== (Array.isArray(stored) ? stored.length : 0)) patch[key] = merged;
    } else if (key === 'custom' && isObject(value)) {
      const storedCustom = isObject(stored) ? stored : {};
      const changed = Object.fromEntries(Object.entries(value).filter(([k, v]) => !sameValue(storedCustom[k], v)));
      if (Object.keys(changed).length) patch.custom = changed;
    } else if (!sameValue(stored, value)) {
      patch[key] = value;
    }
  }
  return patch;
}

/** The stored entries, then the imported ones not already there (a phone however formatted, an email in any case). */
export function mergeEntries(stored: readonly unknown[], imported: readonly unknown[]): unknown[] {
  const seen = new Set(stored.map(identityOf));
  const merged = [...stored];
  for (const entry of imported) {
    const id = identityOf(entry);
    if (!seen.has(id)) {
      seen.add(id);
      merged.push(entry);
    }
  }
  return merged;
}

function identityOf(entry: unknown): string {
  if (isObject(entry)) {
    if (typeof entry.number === 'string') return `phone:${phoneDigits(entry.number)}`;
    if (typeof entry.address === 'string') return `email:${entry.address.trim().toLowerCase()}`;
  }
  return JSON.stringify(entry);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const sameValue = (a: unknown, b: unknown): boolean => (typeof a === 'object' || typeof b === 'object' ? JSON.stringify(a) === JSON.stringify(b) : a === b);
