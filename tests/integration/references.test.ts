import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../infra/definition/app';
import { permissionMatrix, type Scope, type Subject } from '../../shared/auth/permissions';
import { roles, type Role } from '../../shared/auth/roles';
import { putUser } from '../../shared/data/users-repository';
import { sharingLevels, type SharingLevel } from '../../shared/domain/access/sharing';
import { kinds } from '../../shared/domain/records/kinds';
import { resourceOfType, type RecordType } from '../../shared/domain/records/record-type';
import { admin, apiEvent, invoke, type TestUser } from '../support/api-event';
import { handlerOf } from '../support/route-handlers';
import { allItems } from '../support/table-items';

/**
 * Every reference a record type declares (its kind's `references`) × every role that may create or
 * update the type × the owner of the record pointed at × the sharing level of that record's type
 * (ACC-2, SAL-12). Generated: a reference added to a kind later is tried here without a new test.
 *
 * The expectation is the rule itself, written out: a record the actor may work (`link` in the
 * matrix, by own, team or all scope; sharing never widens it) is linked; one in sight but not theirs
 * is refused with 403 naming the field; one out of sight answers exactly as a made-up id does. A
 * refused link writes nothing.
 */

const manager: TestUser = { sub: 'ref-manager', email: 'manager@ref.example', groups: ['sales-manager'] };
const repA: TestUser = { sub: 'ref-rep-a', email: 'rep-a@ref.example', groups: ['sales-rep'] };
/** In the manager's team, beside rep A. */
const mate: TestUser = { sub: 'ref-mate', email: 'mate@ref.example', groups: ['sales-rep'] };
/** In no team of the manager's. */
const stranger: TestUser = { sub: 'ref-stranger', email: 'stranger@ref.example', groups: ['sales-rep'] };
const actorOf: Record<Exclude<Role, 'portal-user'>, TestUser> = {
  admin,
  'sales-manager': manager,
  'sales-rep': repA,
  marketer: { sub: 'ref-marketer', email: 'marketer@ref.example', groups: ['marketer'] },
  'service-agent': { sub: 'ref-agent', email: 'agent@ref.example', groups: ['service-agent'] },
  'service-manager': { sub: 'ref-service-manager', email: 'service@ref.example', groups: ['service-manager'] },
  executive: { sub: 'ref-executive', email: 'exec@ref.example', groups: ['executive'] },
};
const staffRoles = roles.filter((r): r is Exclude<Role, 'portal-user'> => r !== 'portal-user');

type OwnerKind = 'self' | 'mate' | 'stranger';
const owners: OwnerKind[] = ['self', 'mate', 'stranger'];
const ownerId = (kind: OwnerKind, actor: TestUser) => (kind === 'self' ? actor.sub : kind === 'mate' ? mate.sub : stranger.sub);

const madeUpId = '01JZZZZZZZZZZZZZZZZZZZZZZZ';

const routeOf = async (key: string) => {
  const [method, path] = key.split(' ');
  const route = app.routes.find((r) => r.method === method && r.path === path);
  if (!route) throw new Error(`no route ${key} in the definition`);
  return handlerOf(route.function);
};
const call = async <T = any>(key: string, user: TestUser, body: unknown, pathParameters?: Record<string, string>) =>
  invoke<T>(await routeOf(key), apiEvent({ route: key, user, body, ...(pathParameters ? { pathParameters } : {}) }));

/** A valid body of each type that points at nothing of another owner; a referencing type without one fails here. */
let baseAccountId = '';
const baseBody: Partial<Record<RecordType, () => Record<string, unknown>>> = {
  account: () => ({ name: 'ООО «Ссылка»' }),
  contact: () => ({ lastName: 'Ссылкин' }),
  deal: () => ({ title: 'Сделка по ссылке' }),
  activity: () => ({ kind: 'task', subject: 'Позвонить' }),
  // Cases stand under an account: one every role that opens cases may work (service serves all clients).
  case: () => ({ subject: 'Не работает выгрузка', accountId: baseAccountId }),
  lead: () => ({ lastName: 'Лидов', email: 'lead@ref.example' }),
  product: () => ({ sku: `REF-${Math.random().toString(36).slice(2, 8)}`, name: 'Лицензия', kind: 'service', unit: 'шт', price: { amount: 1000, currency: 'RUB' }, vatRate: 20 }),
};

/** The value a body gives a reference field to point at one record: an id, a list of one, a link, a line. */
function valueFor(field: string, type: RecordType, id: string): unknown {
  if (field === 'regarding') return { type, id };
  if (field === 'lines') return [{ productId: id, quantity: 1 }];
  if (field.endsWith('Ids')) return [id];
  if (field.endsWith('Id')) return id;
  throw new Error(`add how a body sets the reference field ${field}`);
}

/** The path an error names for the field: what the kind's own reference says for a record holding it. */
function pathOf(sourceType: RecordType, field: string, targetType: RecordType): string {
  const reference = kinds[sourceType].references!.find((r) => r.field === field)!;
  const record = { [field]: valueFor(field, targetType, madeUpId) } as never;
  const [target] = reference.targets(record);
  if (field === 'lines') return 'lines.0.productId';
  return target!.path;
}

/** The rule, written out for the test: does `scope` of the actor cover records of `owner`? */
function covers(scope: Scope | undefined, actor: TestUser, owner: string): boolean {
  if (scope === 'all') return true;
  if (scope === 'team') return owner === actor.sub || (actor === manager && (owner === repA.sub || owner === mate.sub));
  return scope === 'own' && owner === actor.sub;
}
const widest = (role: Role, subject: Subject, action: 'read' | 'link') => permissionMatrix[role][subject]?.[action];
const shareable = (subject: Subject) => ['leads', 'accounts', 'contacts', 'deals', 'activities', 'cases'].includes(subject);

type Outcome = 'linked' | 'refused' | 'hidden';
function expected(role: Role, actor: TestUser, targetType: RecordType, owner: string, level: SharingLevel): Outcome {
  const subject = resourceOfType[targetType] as Subject;
  if (covers(widest(role, subject, 'link'), actor, owner)) return 'linked';
  const read = widest(role, subject, 'read');
  const readScope = read && shareable(subject) && level !== 'private' ? 'all' : read;
  return covers(readScope, actor, owner) ? 'refused' : 'hidden';
}

/** One record of each target type and owner, made by an admin for that owner. */
const targets = new Map<string, string>();
const targetKey = (type: RecordType, owner: string) => `${type}|${owner}`;

interface Case {
  sourceType: RecordType;
  field: string;
  targetType: RecordType;
  role: Exclude<Role, 'portal-user'>;
  owner: OwnerKind;
}

const fixedFields = new Set(['activity.regarding']);
const mayDo = (role: Role, type: RecordType, action: 'create' | 'update') => permissionMatrix[role][resourceOfType[type] as Subject]?.[action] !== undefined;

function casesFor(action: 'create' | 'update'): Case[] {
  const out: Case[] = [];
  for (const kind of Object.values(kinds)) {
    for (const reference of kind.references ?? []) {
      if (action === 'update' && fixedFields.has(`${kind.type}.${reference.field}`)) continue;
      for (const targetType of reference.types) {
        for (const role of staffRoles) {
          if (!mayDo(role, kind.type, action)) continue;
          for (const owner of owners) out.push({ sourceType: kind.type, field: reference.field, targetType, role, owner });
        }
      }
    }
  }
  return out;
}

function bodyOf(c: Case, id: string): Record<string, unknown> {
  const base = baseBody[c.sourceType];
  if (!base) throw new Error(`add a base body for ${c.sourceType}: its kind declares references`);
  const body = { ...base(), [c.field]: valueFor(c.field, c.targetType, id) };
  if (c.sourceType === 'activity' && body.regarding === undefined) body.regarding = valueFor('regarding', 'account', baseAccountIdOf(c));
  return body;
}
/** An activity not about its reference under test is about an account of the actor's own (or the admin's). */
const ownAccounts = new Map<string, string>();
const baseAccountIdOf = (c: Case) => ownAccounts.get(actorOf[c.role].sub) ?? baseAccountId;

const sharingVersion = { value: 0 };
async function setSharing(level: SharingLevel) {
  const types = Object.fromEntries(['leads', 'accounts', 'contacts', 'deals', 'activities', 'cases'].map((s) => [s, level]));
  const saved = await call('PUT /api/sharing', admin, { types, version: sharingVersion.value });
  expect(saved.status).toBe(200);
  sharingVersion.value = saved.body.version;
}

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  for (const user of [...Object.values(actorOf), mate, stranger]) await putUser({ id: user.sub, email: user.email, roles: user.groups });
  const teams = await call('PUT /api/teams', admin, { version: 0, teams: [{ id: 'ref-team', name: 'Москва', managerId: manager.sub, memberIds: [repA.sub, mate.sub] }] });
  expect(teams.status).toBe(200);
  baseAccountId = (await call('POST /api/accounts', admin, { name: 'ООО «Общий клиент»' })).body.id;
  for (const user of [manager, repA]) ownAccounts.set(user.sub, (await call('POST /api/accounts', user, { name: `ООО «Клиент ${user.sub}»` })).body.id);
  const targetTypes = new Set(Object.values(kinds).flatMap((k) => (k.references ?? []).flatMap((r) => r.types)));
  const allOwners = new Set([...Object.values(actorOf).map((u) => u.sub), mate.sub, stranger.sub]);
  for (const type of targetTypes) {
    for (const owner of allOwners) {
      const made = await call(`POST /api/${resourceOfType[type]}`, admin, { ...baseBody[type]!(), ownerId: owner, ...(type === 'activity' ? { regarding: { type: 'account', id: baseAccountId } } : {}) });
      expect(made.status, `${type} of ${owner}: ${JSON.stringify(made.body)}`).toBe(201);
      targets.set(targetKey(type, owner), made.body.id);
    }
  }
});

describe('the cases are generated from the kinds', () => {
  it('covers every declared reference, and every role that may write its type', () => {
    const declared = Object.values(kinds).flatMap((k) => (k.references ?? []).map((r) => `${k.type}.${r.field}`));
    expect(declared.sort()).toEqual(['account.parentId', 'activity.regarding', 'case.accountId', 'case.contactId', 'contact.accountId', 'deal.accountId', 'deal.contactIds', 'deal.lines'].sort());
    const created = new Set(casesFor('create').map((c) => `${c.sourceType}.${c.field}`));
    expect([...created].sort()).toEqual(declared.sort());
  });

  it('each base body is written by every role that may create its type, so a refusal below is the reference’s', async () => {
    for (const type of ['account', 'contact', 'deal', 'activity', 'case'] as const) {
      for (const role of staffRoles.filter((r) => mayDo(r, type, 'create'))) {
        const c: Case = { sourceType: type, field: 'x', targetType: 'account', role, owner: 'self' };
        const body = { ...baseBody[type]!() };
        if (type === 'activity') body.regarding = { type: 'account', id: baseAccountIdOf(c) };
        const res = await call(`POST /api/${resourceOfType[type]}`, actorOf[role], body);
        expect(res.status, `${role} creating a ${type}: ${JSON.stringify(res.body)}`).toBe(201);
      }
    }
  });
});

describe.each(sharingLevels)('with record types shared at level %s', (level) => {
  beforeAll(() => setSharing(level));

  const label = (c: Case, outcome: Outcome) => `${c.role} ${c.sourceType}.${c.field} → ${c.targetType} of ${c.owner}: expected ${outcome}`;

  /** The answer for a record nobody has: what a hidden one must look like, byte for byte. */
  async function madeUpAnswer(c: Case, write: (body: Record<string, unknown>) => Promise<{ status: number; body: unknown }>) {
    return write(bodyOf(c, madeUpId));
  }

  async function check(c: Case, write: (body: Record<string, unknown>) => Promise<{ status: number; body: any }>, okStatus: number) {
    const actor = actorOf[c.role];
    const owner = ownerId(c.owner, actor);
    const target = targets.get(targetKey(c.targetType, owner))!;
    const outcome = expected(c.role, actor, c.targetType, owner, level);
    const res = await write(bodyOf(c, target));
    if (outcome === 'linked') {
      expect(res.status, `${label(c, outcome)}: ${JSON.stringify(res.body)}`).toBe(okStatus);
      expect(JSON.stringify(res.body[c.field]), label(c, outcome)).toContain(target);
    } else if (outcome === 'refused') {
      expect(res.status, `${label(c, outcome)}: ${JSON.stringify(res.body)}`).toBe(403);
      expect(res.body.error.fields, label(c, outcome)).toEqual([{ path: pathOf(c.sourceType, c.field, c.targetType), message: expect.stringContaining('another owner'), code: 'not_yours' }]);
    } else {
      const missing = await madeUpAnswer(c, write);
      expect(missing.status, label(c, outcome)).toBeGreaterThanOrEqual(400);
      expect({ status: res.status, body: res.body }, label(c, outcome)).toEqual({ status: missing.status, body: missing.body });
      expect(JSON.stringify(res.body), label(c, outcome)).not.toContain(target);
    }
    return outcome;
  }

  it('creating: linked where the actor works the record, refused where it only sees it, and hidden as a made-up id otherwise; refusals write nothing', async () => {
    const cases = casesFor('create');
    const write = (c: Case) => (body: Record<string, unknown>) => call(`POST /api/${resourceOfType[c.sourceType]}`, actorOf[c.role], body);
    const refusedFirst = cases.filter((c) => expected(c.role, actorOf[c.role], c.targetType, ownerId(c.owner, actorOf[c.role]), level) !== 'linked');
    const before = await allItems();
    for (const c of refusedFirst) await check(c, write(c), 201);
    expect(await allItems()).toEqual(before);
    const outcomes = new Set<Outcome>();
    for (const c of cases) outcomes.add(await check(c, write(c), 201));
    // Each level shows at least the linked and one refusal kind: the matrix is not vacuous.
    expect(outcomes.has('linked')).toBe(true);
    expect(outcomes.has(level === 'private' ? 'hidden' : 'refused')).toBe(true);
  });

  it('updating: moving an own record onto another’s follows the same rule, and a refusal changes nothing', async () => {
    const cases = casesFor('update').filter((c) => mayDo(c.role, c.sourceType, 'create'));
    for (const c of cases) {
      const actor = actorOf[c.role];
      const own = await call(`POST /api/${resourceOfType[c.sourceType]}`, actor, baseForUpdate(c));
      expect(own.status, `${c.role} creating a ${c.sourceType}: ${JSON.stringify(own.body)}`).toBe(201);
      const path = { id: own.body.id };
      const write = (body: Record<string, unknown>) => call(`PATCH /api/${resourceOfType[c.sourceType]}/{id}`, actor, { version: own.body.version, [c.field]: body[c.field] }, path);
      const outcome = expected(c.role, actor, c.targetType, ownerId(c.owner, actor), level);
      const before = outcome === 'linked' ? [] : await allItems();
      await check(c, write, 200);
      if (outcome !== 'linked') expect(await allItems()).toEqual(before);
    }
  });
});

/** A record of the source type to move: the base body, about the actor's own account where it needs one. */
function baseForUpdate(c: Case): Record<string, unknown> {
  const body = { ...baseBody[c.sourceType]!() };
  if (c.sourceType === 'activity') body.regarding = { type: 'account', id: baseAccountIdOf(c) };
  return body;
}
