import { assertCan } from '../auth/assert-can';
import { combineChanges, ConditionFailed, commitChange } from '../data/change-set';
import { recordChangeSet } from '../data/records-repository';
import { getUser } from '../data/users-repository';
import { accountKind, type Account } from '../domain/accounts/account';
import type { Actor } from '../domain/common/actor';
import type { CommandContext } from '../domain/common/change';
import { newId, systemClock, type Clock } from '../domain/common/clock';
import { DomainError, invalidField, versionConflict } from '../domain/common/errors';
import { contactKind, type Contact } from '../domain/contacts/contact';
import { dealKind, type Deal } from '../domain/deals/deal';
import { leadKind, type Lead } from '../domain/leads/lead';
import { accountFromLead, assertConvertible, contactFromLead, convertLead, dealTitleFromLead, type ConvertLeadInput } from '../domain/leads/lead-conversion';
import { createRecord, type RecordChange } from '../domain/records/record-commands';
import type { RecordBase } from '../domain/records/record-type';
import { checkDeal, prepareDeal } from './deal-service';
import { leads } from './lead-records';
import { assertMayLink, assertReferences } from './reference-guard';

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
  const lead = await leads.read(actor, leadId, 'update');
  if (lead.version !== input.version) throw versionConflict(lead.version);
  assertConvertible(lead);
  const now = clock.now();
  const ctx: CommandContext = { actor, now, newId: () => newId(now) };

  // Linking an existing account or contact is working it: the reference guard's rule (ACC-2, SAL-12).
  const account = await resolve(input.account, accountFromLead(lead), (id) => assertMayLink<Account>(actor, { type: 'account', id }, 'account.id'), (fields) =>
    createRecord(accountKind, { status: 'prospect', ...fields } as never, ctx, lead.ownerId),
  );
  const contactDefaults = contactFromLead(lead);
  const contact = await resolve(input.contact, contactDefaults, (id) => assertMayLink<Contact>(actor, { type: 'contact', id }, 'contact.id'), (fields) =>
    createRecord(contactKind, { status: 'active', ...fields, ...(account.record ? { accountId: account.record.id } : {}) } as never, ctx, lead.ownerId),
  );
  // What the conversion links or creates is checked once; what the new records point at besides, here.
  const trusted = new Set([account.record?.id, contact.record?.id].filter((id): id is string => id !== undefined));
  for (const [created, path] of [[account.change?.record, 'account'], [contact.change?.record, 'contact']] as const) {
    if (!created) continue;
    if (created.ownerId !== lead.ownerId && !(await getUser(created.ownerId))) throw invalidField(`${path}.create.ownerId`, 'no such user');
  }
  if (account.change) await assertReferences(actor, accountKind, account.change.record, undefined, { trusted, prefix: 'account.create.' });
  if (contact.change) await assertReferences(actor, contactKind, contact.change.record, undefined, { trusted, prefix: 'contact.create.' });

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
  await assertReferences(actor, dealKind, dealChange.record, undefined, { trusted, prefix: 'deal.' });
  await checkDeal(dealChange.record).catch((error: unknown) => {
    throw prefixed(error, 'deal');
  });

  const leadChange = convertLead(lead, { dealId: dealChange.record.id, ...(account.record ? { accountId: account.record.id } : {}), ...(contact.record ? { contactId: contact.record.id } : {}) }, ctx);
  const fromLead = { data: { fromLead: lead.id } };
  const withOrigin = <T extends RecordBase>(change: RecordChange<T>): RecordChange<T> => ({ ...change, history: { ...change.history, ...fromLead } });

  try {
    await commitChange(
      combineChanges(
        recordChangeSet(leadKind, leadChange, lead),
        ...(account.change ? [recordChangeSet(accountKind, withOrigin(account.change))] : []),
        ...(contact.change ? [recordChangeSet(contactKind, withOrigin(contact.change))] : []),
        recordChangeSet(dealKind, withOrigin(dealChange)),
      ),
    );
  } catch (error) {
    if (error instanceof ConditionFailed && error.putIndex === 0) throw versionConflict(Number(error.current?.version) || undefined);
    throw error;
  }
  return { lead: leadChange.record, deal: dealChange.record, ...(account.record ? { account: account.record } : {}), ...(contact.record ? { contact: contact.record } : {}) };
}

/** An existing record to link (`link` checks it), one to create (given or suggested by the lead), or none. */
async function resolve<T extends RecordBase, F>(
  choice: { id: string } | { create: F } | false | undefined,
  suggested: F | undefined,
  link: (id: string) => Promise<T>,
  create: (fields: F) => RecordChange<T>,
): Promise<{ record?: T; change?: RecordChange<T> }> {
  if (choice === false) return {};
  if (choice && 'id' in choice) return { record: await link(choice.id) };
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
