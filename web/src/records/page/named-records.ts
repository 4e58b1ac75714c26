import { useQueries, useQuery } from '@tanstack/react-query';
import type { Account } from '@shared/domain/accounts/account';
import { contactFullName, type Contact } from '@shared/domain/contacts/contact';
import { namedRecordQuery } from '../record-batch';
import { useRecordsHttp } from '../records-http';

/** A record by id for its name, read with the others of its tick in one request; shares the record pages' cache. */
export function useAccount(id: string | undefined) {
  const http = useRecordsHttp();
  return useQuery(namedRecordQuery<Account>(http, 'accounts', id));
}

export function useContacts(ids: readonly string[]) {
  const http = useRecordsHttp();
  return useQueries({
    queries: ids.map((id) => namedRecordQuery<Contact>(http, 'contacts', id)),
  });
}

export const contactName = (contact: Contact): string => contactFullName(contact) || contact.emails?.[0]?.address || contact.id;
