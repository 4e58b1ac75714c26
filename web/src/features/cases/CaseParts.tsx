import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Account } from '@shared/domain/accounts/account';
import type { Case } from '@shared/domain/cases/case';
import { contactFullName, type Contact } from '@shared/domain/contacts/contact';
import { AccountLink } from '../../records/parts/AccountPicker';
import { AppLink } from '../../ui/AppLink';
import { recordPath } from '../../records/record-paths';
import { recordKeys } from '../../records/records-http';
import { caseValueText } from './case-values';
import { useCasesMessages } from './cases-messages';
import './cases.css';

/** Pieces of the case pages: status and priority badges, the account link, case values in words. */
export function CaseBadge<F extends 'status' | 'priority'>({ facet, value }: { facet: F; value: Case[F] }) {
  const cm = useCasesMessages();
  const words: Readonly<Record<string, string>> = facet === 'status' ? cm.statuses : cm.priorities;
  return (
    <span className={`badge case-${facet} case-${facet}-${value}`} data-testid={`case-${facet}`}>
      {words[value]}
    </span>
  );
}

/** The case's account: by the name kept on the case, or read by id when it has none. */
export function CaseAccountLink({ item, testId }: { item: Pick<Case, 'accountId' | 'accountName'>; testId?: string }) {
  const tag = testId ? { testId } : {};
  return item.accountName ? (
    <AppLink href={recordPath('account', item.accountId)} className="break" {...tag}>
      {item.accountName}
    </AppLink>
  ) : (
    <AccountLink id={item.accountId} {...tag} />
  );
}

/** A case's values in words for its timeline: its own enums and rating, the account and contact by name when known. */
export function useCaseValueWords(): (field: string, value: unknown) => string | undefined {
  const cm = useCasesMessages();
  const queryClient = useQueryClient();
  return useCallback(
    (field: string, value: unknown) => {
      if (field === 'accountId' && typeof value === 'string') return queryClient.getQueryData<Account>(recordKeys.detail('accounts', value))?.name;
      if (field === 'contactId' && typeof value === 'string') {
        const contact = queryClient.getQueryData<Contact>(recordKeys.detail('contacts', value));
        return contact ? contactFullName(contact) : undefined;
      }
      return caseValueText(field, value, cm);
    },
    [cm, queryClient],
  );
}
