import { caseStatuses } from '@shared/domain/cases/case';
import { recordIdSchema } from '@shared/domain/common/values';
import { recordsSearchValidator } from '../../records/list/records-search';

/** The case pages by plain path (the record paths of the other features do not list cases), and what their URLs may carry. */
export const casePath = (id: string): string => `/cases/${encodeURIComponent(id)}`;

/** `/cases/new?accountId=…`: a case started from an account's card. */
export const newCasePath = (accountId: string): string => `/cases/new?accountId=${encodeURIComponent(accountId)}`;

/** The new case page's search: an account to start with, when it is a record id. */
export function validateNewCaseSearch(search: Record<string, unknown>): { accountId?: string } {
  const parsed = recordIdSchema.safeParse(search.accountId);
  return parsed.success ? { accountId: parsed.data } : {};
}

/** The cases list's URL search: status and owner filters, sort and page, as every record list's. */
export const validateCasesSearch = recordsSearchValidator(caseStatuses);
