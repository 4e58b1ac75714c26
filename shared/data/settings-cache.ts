/**
 * Settings (forms, pipelines, custom field definitions) change rarely and are read on busy paths,
 * so a function container keeps what it read for a short while: an edit reaches every container
 * within `maxAgeMs`, and at once in the container that made it, which forgets its copy.
 */
const maxAgeMs = 30_000;
const maxEntries = 500;
const entries = new Map<string, { value: unknown; until: number }>();

export async function cachedSetting<T>(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
  const hit = entries.get(key);
  if (hit && hit.until > now) return hit.value as T;
  const value = await load();
  // Unknown ids are cached too (bots probing form ids cost no reads); the cap bounds what they can fill.
  if (entries.size >= maxEntries) entries.clear();
  entries.set(key, { value, until: now + maxAgeMs });
  return value;
}

export function forgetSetting(key: string): void {
  entries.delete(key);
}
