/**
 * Splits a single "name" field into parts. Russian forms usually ask for Ф.И.О. (last, first,
 * patronymic); a patronymic is recognisable by its suffix, which tells the order apart from
 * "First Patronymic Last" and from Western "First Last".
 */
const patronymic = /(ович|евич|ич|овна|евна|ична|инична|оглы|кызы)$/i;

export interface NameParts {
  firstName?: string;
  middleName?: string;
  lastName?: string;
}

export function splitFullName(fullName: string): NameParts {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const [a, b, c] = words;
  if (!a) return {};
  if (words.length === 1) return { firstName: a };
  if (words.length === 2) {
    // "Иванов Иван" is rarer on forms than "Иван Иванов"; a patronymic second means "Иван Иванович".
    return patronymic.test(b!) ? { firstName: a, middleName: b! } : { firstName: a, lastName: b! };
  }
  if (words.length === 3 && c && patronymic.test(c)) return { lastName: a, firstName: b!, middleName: c };
  if (words.length === 3 && b && patronymic.test(b)) return { firstName: a, middleName: b, lastName: c! };
  // Anything longer or unrecognised: first word is the first name, the rest the last name.
  return { firstName: a, lastName: words.slice(1).join(' ') };
}
