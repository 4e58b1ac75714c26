import { assertCan } from '../auth/assert-can';
import { combineChanges, ConditionFailed, commitChange } from '../data/change-set';
import { leadChangeSet } from '../data/leads-repository';
import { getRecord, recordChangeSet } from '../data/records-repository';
import { getUser } from '../data/users-repository';
import { accountKind, type Account } from '../domain/accounts/account';
import type { Actor } from '../domain/common/actor';
import { entry, event, type CommandContext } from '../domain/common/change';
import { newId, systemClock, type Clock } from '../domain/common/clock';
import { DomainError, invalidField, versionConflict } from '../domain/common/errors';
import { contactKind, type Contact } from '../domain/contacts/contact';
import { dealKind, type Deal } from '../domain/deals/deal';
import type { Lead } from '../domain/leads/lead';
import { accountFromLead, contactFromLead, dealTitleFromLead, type ConvertLeadInput } from '../domain/leads/lead-conversion';
import { isOpenStatus } from '../domain/leads/lead-process';
import { createRecord, type RecordChange } from '../domain/records/record-commands';
import type { RecordBase } from '../domain/records/record-type';
import { leadRef } from '../events/contracts';
import { checkDeal, prepareDeal } from './deal-service';
import { readLead } from './lead-service';
import { visibleRecord } from './visibility-service';

/**
 * Lead conversion (REC-1): the lead becomes "converted" with links to the deal it produced and the
 * account and contact it was linked to or produced; all of it is one TransactWriteItems, so a
 * conversion either happened whole or not at all, and converting twice is refused.
 */
export interface Conversion {
  lead: Lead;
  deal: Deal;
  account?: Account;
  contact?: Contact;
}

export async function convertLeadAs(actor: Actor, leadId: string, input: ConvertLeadInput, clock: Clock = systemClock): Promise<Conversion> {
  // Converting works the lead and creates a deal: the role must allow both, on a lead in sight.
  assertCan(actor, 'deals', 'create');
  const lead = await readLead(actor, leadId, 'update');
  if (lead.version !== input.version) throw versionConflict(lead.version);
  if (!isOpenStatus(lead.status)) {
    throw new DomainError('unprocessable', lead.status === 'converted' ? 'The lead is already converted' : `A ${lead.status} lead cannot be converted`, {
      fields: [{ path: 'status', message: `the lead is ${lead.status}`, code: lead.status === 'converted' ? 'already_converted' : 'closed' }],
    });
  }
  const now = clock.now();
  const ctx: CommandContext = { actor, now, newId: () => newId(now) };
  const creating = new Set<string>();

  const account = await resolve(input.account, accountFromLead(lead), (id) => visibleRecord<Account>(actor, 'account', id, 'update'), 'account', (fields) =>
    createRecord(accountKind, { status: 'prospect', ...fields } as never, ctx, lead.ownerId),
  );
  const contactDefaults = contactFromLead(lead);
  const contact = await resolve(input.contact, contactDefaults, (id) => visibleRecord<Contact>(actor, 'contact', id, 'update'), 'contact', (fields) =>
    createRecord(contactKind, { status: 'active', ...fields, ...(account.record ? { accountId: account.record.id } : {}) } as never, ctx, lead.ownerId),
  );
  for (const created of [account.change?.record, contact.change?.record]) {
    if (!created) continue;
    creating.add(created.id);
    if (created.ownerId !== lead.ownerId && !(await getUser(created.ownerId))) throw invalidField(`${created === account.record ? 'account' : 'contact'}.create.ownerId`, 'no such user');
  }
  const parentId = account.change?.record.parentId;
  if (parentId && !(await getRecord(accountKind, parentId))) throw invalidField('account.create.parentId', 'no such account', 'not_found');

  const dealFields = await prepareDeal(
    {
      title: input.deal.title ?? dealTitleFromLead(lead),
      ...(lead.budget && !input.deal.lines && !input.deal.amount ? { amount: lead.budget } : {}),
      ...input.deal,
      ...(account.record ? { accountId: account.record.id } : {}),
      ...(contact.record ? { contactIds: [contact.record.id] } : {}),
    },
    undefined,
    now,
  );
  const dealChange = createRecord(dealKind, dealFields as never, ctx, lead.ownerId);
  if (input.deal.ownerId && !(await getUser(input.deal.ownerId))) throw invalidField('deal.ownerId', 'no such user');
  await checkDeal(dealChange.record, undefined, creating).catch((error: unknown) => {
    throw prefixed(error, 'deal');
  });

  const at = now.toISOString();
  const links = { dealId: dealChange.record.id, ...(account.record ? { accountId: account.record.id } : {}), ...(contact.record ? { contactId: contact.record.id } : {}) };
  const converted: Lead = { ...lead, status: 'converted', conversion: { ...links, at, by: actor.id }, updatedAt: at, version: lead.version + 1 };
  const leadChange = {
    lead: converted,
    history: entry(ctx, 'converted', { changes: [{ field: 'status', from: lead.status, to: 'converted' }], data: links }),
    events: [event(ctx, 'LeadConverted', { lead: leadRef(converted), ...links, actorId: actor.id })],
  };
  const fromLead = { data: { fromLead: lead.id } };
  const withOrigin = <T extends RecordBase>(change: RecordChange<T>): RecordChange<T> => ({ ...change, history: { ...change.history, ...fromLead } });

  try {
    await commitChange(
      combineChanges(
        leadChangeSet(leadChange, lead),
        ...(account.change ? [recordChangeSet(accountKind, withOrigin(account.change))] : []),
        ...(contact.change ? [recordChangeSet(contactKind, withOrigin(contact.change))] : []),
        recordChangeSet(dealKind, withOrigin(dealChange)),
      ),
    );
  } catch (error) {
    if (error instanceof ConditionFailed && error.putIndex === 0) throw versionConflict(Number(error.current?.version) || undefined);
    throw error;
  }
  return { lead: converted, deal: dealChange.record, ...(account.record ? { account: account.record } : {}), ...(contact.record ? { contact: contact.record } : {}) };
}

/** An existing record to link (it must exist), one to create (given or suggested by the lead), or none. */
async function resolve<T extends RecordBase, F>(
  choice: { id: string } | { create: F } | false | undefined,
  suggested: F | undefined,
  load: (id: string) => Promise<T | undefined>,
  path: string,
  create: (fields: F) => RecordChange<T>,
): Promise<{ record?: T; change?: RecordChange<T> }> {
  if (choice === false) return {};
  if (choice && 'id' in choice) {
    const record = await load(choice.id);
    if (!record) throw invalidField(`${path}.id`, `no such ${path}`, 'not_found');
    return { record };
  }
  const fields = choice?.create ?? suggested;
  if (!fields) return {};
  const change = create(fields);
  return { record: change.record, change };
}

/** A deal check's field errors, named as the conversion request names them (`deal.lines.0…`). */
function prefixed(error: unknown, prefix: string): unknown {
  if (!(error instanceof DomainError) || !error.details.fields) return error;
  return new DomainError(error.code, error.message, { ...error.details, fields: error.details.fields.map((f) => ({ ...f, path: `${prefix}.${f.path}` })) });
}
