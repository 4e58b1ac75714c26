/**
 * Keys suggested from what the admin types: a Russian (or English) label becomes Latin words,
 * then a field key in camelCase (`Номер договора` → `nomerDogovora`), a stage id or an option
 * value in kebab-case (`Защита предложения` → `zashchita-predlozheniya`). The admin may still
 * change a suggestion before it is saved.
 */
const cyrillic: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
};

export function transliterate(text: string): string {
  return [...text.toLowerCase()].map((ch) => cyrillic[ch] ?? ch).join('');
}

/** The label's words in Latin letters and digits, lower case. */
function latinWords(label: string): string[] {
  // Split camelCase in what was typed in Latin before lowering the case.
  const spaced = label.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  // Cyrillic first (й and ё keep their letters), then accents off Latin letters (é → e).
  return transliterate(spaced)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** A key `^[a-z][a-zA-Z0-9]{0,39}$`, unique among `taken` (a number added when needed). */
export function suggestFieldKey(label: string, taken: readonly string[] = []): string {
  const words = latinWords(label);
  let key = words.map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
  if (!key) return '';
  if (!/^[a-z]/.test(key)) key = `field${key.charAt(0).toUpperCase()}${key.slice(1)}`;
  return unique(key.slice(0, 40), taken, (base, n) => `${base.slice(0, 40 - String(n).length)}${n}`);
}

/** A stage id `^[a-z][a-z0-9-]{1,39}$`, unique among `taken`. */
export function suggestStageId(name: string, taken: readonly string[] = []): string {
  let id = latinWords(name).join('-');
  if (!id) return '';
  if (!/^[a-z]/.test(id)) id = `stage-${id}`;
  if (id.length < 2) id = `${id}-stage`;
  return unique(trimHyphens(id.slice(0, 40)), taken, (base, n) => `${trimHyphens(base.slice(0, 39 - String(n).length))}-${n}`);
}

/** An option value `^[a-z0-9][a-z0-9-]{0,39}$`, unique among `taken`. */
export function suggestOptionValue(label: string, taken: readonly string[] = []): string {
  const value = trimHyphens(latinWords(label).join('-').slice(0, 40));
  if (!value) return '';
  return unique(value, taken, (base, n) => `${trimHyphens(base.slice(0, 39 - String(n).length))}-${n}`);
}

const trimHyphens = (text: string): string => text.replace(/^-+|-+$/g, '');

function unique(base: string, taken: readonly string[], numbered: (base: string, n: number) => string): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = numbered(base, n);
    if (!taken.includes(candidate)) return candidate;
  }
}
