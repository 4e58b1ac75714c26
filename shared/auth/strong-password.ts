import { randomInt } from 'node:crypto';

/**
 * A random password that meets the user pool's policy (12+ characters, upper, lower, digit,
 * symbol): temporary passwords of invitations, and the local pool's admin. Look-alike characters
 * (0/O, 1/l/I) are left out because people type these from an email.
 */
export function strongPassword(): string {
  const classes = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#%+-=_'];
  const all = classes.join('');
  const pick = (set: string) => set[randomInt(set.length)]!;
  const chars = [...classes.map(pick), ...Array.from({ length: 16 }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
