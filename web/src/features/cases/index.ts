/**
 * What other features may use of cases (ADR 0019): the account card lists the account's cases.
 * Everything else in this folder is the cases pages' own.
 */
export { AccountCases } from './AccountCases';
