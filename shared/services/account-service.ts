import { getRecord } from '../data/records-repository';
import { DomainError, invalidField } from '../domain/common/errors';
import { accountKind, accountStatuses, type Account, type CreateAccountInput, type UpdateAccountInput } from '../domain/accounts/account';
import { recordService } from './record-service';

/** Deeper hierarchies than this are refused: a holding, its divisions and their branches fit. */
const maxDepth = 10;

/**
 * The parent must exist and must not be the account itself or one of its descendants: walking up
 * from the parent must never reach the account (REC-2: no cycles).
 */
async function checkParent(account: Account): Promise<void> {
  let parentId = account.parentId;
  for (let depth = 1; parentId; depth++) {
    if (parentId === account.id) {
      throw new DomainError('unprocessable', 'An account cannot be its own ancestor', {
        fields: [{ path: 'parentId', message: 'this would make the hierarchy a loop', code: 'cycle' }],
      });
    }
    if (depth > maxDepth) throw invalidField('parentId', `hierarchies are at most ${maxDepth} levels deep`, 'too_deep');
    const parent = await getRecord(accountKind, parentId);
    if (!parent) throw invalidField('parentId', 'no such account', 'not_found');
    parentId = parent.parentId;
  }
}

export const accounts = recordService<Account, CreateAccountInput, UpdateAccountInput>(accountKind, {
  statuses: accountStatuses,
  defaults: { status: 'prospect' },
  check: async (account, before) => {
    if (account.parentId && account.parentId !== before?.parentId) await checkParent(account);
  },
});
