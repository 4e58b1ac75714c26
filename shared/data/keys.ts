/**
 * Key formats of the single table (docs/data-model.md is the reference). Every item has `pk`,
 * `sk` and `entity`; list access goes through the overloaded indexes gsi1 (a type's collection
 * in creation order), gsi2 (by owner) and gsi3 (by status).
 */
export const entities = {
  lead: 'LEAD',
  history: 'HISTORY',
  form: 'FORM',
  formEmail: 'FORM_EMAIL',
  user: 'USER',
  rateLimit: 'RATE_LIMIT',
} as const;

export const leadKeys = {
  item: (id: string) => ({ pk: `LEAD#${id}`, sk: 'LEAD' }),
  collection: (createdAt: string, id: string) => ({ gsi1pk: 'LEADS', gsi1sk: `${createdAt}#${id}` }),
  byOwner: (ownerId: string, createdAt: string, id: string) => ({ gsi2pk: `LEADS#OWNER#${ownerId}`, gsi2sk: `${createdAt}#${id}` }),
  byStatus: (status: string, createdAt: string, id: string) => ({ gsi3pk: `LEADS#STATUS#${status}`, gsi3sk: `${createdAt}#${id}` }),
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
