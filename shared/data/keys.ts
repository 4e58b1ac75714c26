/**
 * Key formats of the single table (docs/data-model.md is the reference). Every item has `pk`,
 * `sk` and `entity`; list access goes through the overloaded indexes gsi1 (a type's collection
 * in creation order), gsi2 (by owner) and gsi3 (by status).
 */
export const entities = {
  history: 'HISTORY',
  form: 'FORM',
  formEmail: 'FORM_EMAIL',
  user: 'USER',
  rateLimit: 'RATE_LIMIT',
  search: 'SEARCH',
} as const;

/**
 * Keys of a core record type, by its key prefix (`LEAD`, `ACCOUNT`, `CONTACT`…): the item, its type's
 * collection (gsi1, creation order), by owner (gsi2), by status (gsi3), under its parent record
 * (gsi4: an account's contacts, child accounts…) and by name (gsi5, alphabetical lists).
 */
export const recordKeys = (prefix: string) => ({
  item: (id: string) => ({ pk: `${prefix}#${id}`, sk: prefix }),
  collection: (createdAt: string, id: string) => ({ gsi1pk: `${prefix}S`, gsi1sk: `${createdAt}#${id}` }),
  byOwner: (ownerId: string, createdAt: string, id: string) => ({ gsi2pk: `${prefix}S#OWNER#${ownerId}`, gsi2sk: `${createdAt}#${id}` }),
  byStatus: (status: string, createdAt: string, id: string) => ({ gsi3pk: `${prefix}S#STATUS#${status}`, gsi3sk: `${createdAt}#${id}` }),
  byParent: (parentPk: string, createdAt: string, id: string) => ({ gsi4pk: `${parentPk}#${prefix}S`, gsi4sk: `${createdAt}#${id}` }),
  byName: (sortName: string, id: string) => ({ gsi5pk: `${prefix}S`, gsi5sk: `${sortName}#${id}` }),
});

/**
 * A record listed under another besides its parent (a deal under each of its contacts): a summary
 * copy in the other's partition, newest first by `sk`.
 */
export const listedUnderKeys = {
  prefix: (memberPrefix: string) => `MEMBER#${memberPrefix}#`,
  item: (ownerPk: string, memberPrefix: string, createdAt: string, id: string) => ({ pk: ownerPk, sk: `MEMBER#${memberPrefix}#${createdAt}#${id}` }),
};

/**
 * Reminders due (REC-7), by the hour they fall in: the minute schedule reads the last hours'
 * partitions up to now, so a run is a few Queries however many reminders are set.
 */
export const reminderKeys = {
  partition: (at: string) => `REMINDERS#${at.slice(0, 13)}`,
  item: (at: string, recordPk: string) => ({ pk: `REMINDERS#${at.slice(0, 13)}`, sk: `${at}#${recordPk}` }),
};

/**
 * One item per search term of a record (REC-13), all record types in one key space: the term's
 * first two characters are the partition, so a keystroke is one Query with `begins_with(sk, typed)`.
 */
export const searchKeys = {
  partition: (term: string) => `SEARCH#${term.slice(0, 2)}`,
  item: (term: string, recordPk: string) => ({ pk: `SEARCH#${term.slice(0, 2)}`, sk: `${term}#${recordPk}` }),
};

/** History entries live in their record's partition, so a timeline page is one Query. */
export const historyKeys = {
  partition: (recordPk: string) => recordPk,
  prefix: 'HIST#',
  item: (recordPk: string, at: string, id: string) => ({ pk: recordPk, sk: `HIST#${at}#${id}` }),
};

/** The attribute of a change's history entry that carries its events to the stream publisher (the outbox). */
export const outboxAttribute = 'events';

export const formKeys = {
  item: (id: string) => ({ pk: `FORM#${id}`, sk: 'FORM' }),
  collection: (id: string) => ({ gsi1pk: 'FORMS', gsi1sk: id }),
  /** Which lead a form-submitted email last produced, for the one-day repeat window. */
  email: (email: string) => ({ pk: `FORM_EMAIL#${email}`, sk: 'FORM_EMAIL' }),
};

export const userKeys = {
  item: (id: string) => ({ pk: `USER#${id}`, sk: 'PROFILE' }),
  collection: (email: string) => ({ gsi1pk: 'USERS', gsi1sk: email }),
};

export const rateLimitKeys = {
  window: (scope: string, subject: string, windowStart: string) => ({ pk: `RATE#${scope}#${subject}`, sk: windowStart }),
};

export const idempotencyPartition = (functionId: string): string => `IDEMPOTENCY#${functionId}`;
