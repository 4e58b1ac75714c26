import type { Migration } from './migration';

/**
 * A portal user's account in the directory (issue 12 §4): since then every call's audit write
 * serves a token naming an account only when the user's USER item holds the same `accountId`, and
 * the invitation writes it there. Portal users invited before kept their account in Cognito only
 * (`custom:accountId`, set by the invitation and writable by admins alone), so their next call is
 * refused until this fills it from there. Nothing in the table recorded it: the invitation wrote
 * no history, and a portal user is no contact. A user without the attribute is left as is.
 */
export const portalUserAccount: Migration = {
  id: '0002-portal-user-account',
  version: 2,
  description: "portal users' accountId in the directory, from the user pool's custom:accountId",
  scope: { entities: ['USER'] },
  async apply(item, context) {
    if (typeof item.accountId === 'string') return undefined;
    const roles = Array.isArray(item.roles) ? (item.roles as unknown[]) : undefined;
    // Staff need no account; a directory entry without roles is asked about too.
    if (roles && !roles.includes('portal-user')) return undefined;
    if (typeof item.id !== 'string') return undefined;
    const accountId = await context.poolAccountIdOf(item.id);
    if (!accountId) return undefined;
    return { update: { set: { accountId }, condition: { expression: 'attribute_not_exists(#accountId)', names: { '#accountId': 'accountId' } } } };
  },
};
