/**
 * Whether the caller of an API call may still act (ADR 0013, 0014): a user is not disabled; once an
 * admin changed their roles (`rolesKey`), the token's groups are exactly those roles — compared as
 * sets, not by time, so no token of before the change passes however close to it it was issued;
 * and a token naming a portal account names the one the directory holds for the user (a user item
 * that does not exist yet, before the first sign-in, has no roles to compare and no account). An
 * API key exists and is not revoked.
 *
 * The same rule is checked two ways: as a condition inside a write's transaction (strongly) and,
 * for reads, on the item read eventually consistently; this module is the rule both follow.
 */
export type CallerCheck = { kind: 'user'; id: string; roles: readonly string[]; accountId?: string } | { kind: 'api-key'; keyId: string };
export type CallerStanding = 'active' | 'disabled' | 'stale' | 'foreign-account' | 'revoked';

/**
 * The roles as one comparable value: sorted, without repeats, joined by spaces. A token's groups
 * and the directory's roles are the same set exactly when their keys are equal.
 */
export const rolesKey = (roles: readonly string[]): string => [...new Set(roles)].sort().join(' ');

/** The directory's attributes the rule reads, of a user item or an API key item. */
export const standingAttributes = ['pk', 'disabledAt', 'rolesKey', 'accountId', 'revokedAt'] as const;

/** How the caller stands, given their directory item as read (undefined: there is none). */
export function standingOf(caller: CallerCheck, item: Record<string, unknown> | undefined): CallerStanding {
  if (caller.kind === 'api-key') return item && item.revokedAt === undefined ? 'active' : 'revoked';
  if (item?.disabledAt !== undefined) return 'disabled';
  if (caller.accountId !== undefined && item?.accountId !== caller.accountId) return 'foreign-account';
  if (item?.rolesKey !== undefined && item.rolesKey !== rolesKey(caller.roles)) return 'stale';
  return 'active';
}

/**
 * Which part of the rule a caller failed, from the item a failed transactional check returned:
 * the condition said "not active" already, so what is left is which way.
 */
export function refusalOf(caller: CallerCheck, item: Record<string, unknown> | undefined): Exclude<CallerStanding, 'active'> {
  const standing = standingOf(caller, item);
  return standing === 'active' ? (caller.kind === 'api-key' ? 'revoked' : 'stale') : standing;
}
