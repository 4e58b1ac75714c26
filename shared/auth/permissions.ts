import type { Role } from './roles';

/**
 * The permission matrix (ACC-1, ACC-2): role × subject × action → scope. It is the single source
 * the API (each route declares the permission it needs, shared/api/routes), the domain
 * layer (object-level checks by scope), the web UI (what to hide) and the route × role tests read.
 *
 * Scope says which records of a subject the grant covers: `all`; `team` — those owned by the
 * user or by anyone in a team the user manages or belongs to as a manager; `own` — the user's
 * own. A subject without an entry is not reachable at all (403), and a record out of scope
 * answers 404, so that ids of others' records reveal nothing.
 */
export const subjects = [
  'leads',
  'accounts',
  'contacts',
  'deals',
  'activities',
  'cases',
  'products',
  'pipelines',
  'custom-fields',
  'forms',
  'imports',
  'exports',
  'search',
  'users',
  'teams',
  'audit',
  'api-keys',
  'access-requests',
  'portal',
] as const;
export type Subject = (typeof subjects)[number];

/**
 * `manage`: settings of the subject itself (pipelines' stages, custom field definitions, keys).
 * `link`: hang one's own records on a record of the subject (a deal on an account, a contact under
 * it, a task about it). Attaching to a client is working that client, so it follows the ownership
 * lock (SAL-12): sharing never widens it, as it never widens deleting, merging or reassigning.
 */
export const actions = ['read', 'create', 'update', 'delete', 'merge', 'transfer', 'link', 'manage'] as const;
export type Action = (typeof actions)[number];

export const scopes = ['own', 'team', 'all'] as const;
export type Scope = (typeof scopes)[number];

export type Grants = Partial<Record<Subject, Partial<Record<Action, Scope>>>>;

/** Subjects that hold customer records: owned, scoped, audited, shareable. */
export const recordSubjects = ['leads', 'accounts', 'contacts', 'deals', 'activities', 'cases'] as const satisfies readonly Subject[];
export type RecordSubject = (typeof recordSubjects)[number];

const every = (scope: Scope, acts: readonly Action[] = ['read', 'create', 'update', 'delete', 'merge', 'transfer', 'link']) =>
  Object.fromEntries(acts.map((a) => [a, scope])) as Partial<Record<Action, Scope>>;
const readOnly = (scope: Scope) => ({ read: scope }) as const;
const work = (scope: Scope) => ({ read: scope, create: scope, update: scope }) as const;
/** Working customer records also hangs one's own on them. */
const workRecords = (scope: Scope) => ({ ...work(scope), link: scope }) as const;

/** Every staff user may ask for more access (ACC-5) and follow their own requests. */
const selfService: Grants = { 'access-requests': { read: 'own', create: 'own' } };

const salesRecords = (scope: Scope, manage: boolean): Grants => ({
  leads: manage ? every(scope) : { ...workRecords(scope), merge: scope },
  accounts: manage ? every(scope) : { ...workRecords(scope), merge: scope },
  contacts: manage ? every(scope) : { ...workRecords(scope), merge: scope },
  deals: manage ? every(scope) : workRecords(scope),
  activities: manage ? every(scope) : { ...workRecords(scope), delete: scope },
});

export const permissionMatrix: Record<Role, Grants> = {
  admin: Object.fromEntries(subjects.map((s) => [s, every('all', actions)])) as Grants,
  'sales-manager': {
    ...selfService,
    ...salesRecords('team', true),
    // Sellers look at a client's cases before calling them (SRV); service works them.
    cases: readOnly('all'),
    products: { ...work('all'), link: 'all' },
    pipelines: { read: 'all', manage: 'all' },
    'custom-fields': readOnly('all'),
    forms: readOnly('all'),
    imports: work('team'),
    exports: work('team'),
    search: readOnly('team'),
    users: readOnly('all'),
    teams: readOnly('all'),
  },
  'sales-rep': {
    ...selfService,
    ...salesRecords('own', false),
    cases: readOnly('all'),
    // Deals are priced from the catalog: any product may be put on one's own deal.
    products: { read: 'all', link: 'all' },
    pipelines: readOnly('all'),
    'custom-fields': readOnly('all'),
    imports: work('own'),
    exports: work('own'),
    search: readOnly('own'),
    users: readOnly('all'),
  },
  marketer: {
    ...selfService,
    leads: { ...workRecords('all'), merge: 'all' },
    contacts: readOnly('all'),
    accounts: readOnly('all'),
    products: readOnly('all'),
    'custom-fields': readOnly('all'),
    forms: { ...work('all'), manage: 'all' },
    imports: work('own'),
    exports: work('own'),
    search: readOnly('all'),
    users: readOnly('all'),
  },
  'service-agent': {
    ...selfService,
    // Service serves every client: a case or a call is hung on any account, which stays its seller's.
    accounts: { read: 'all', link: 'all' },
    contacts: workRecords('all'),
    activities: workRecords('own'),
    cases: workRecords('all'),
    products: readOnly('all'),
    'custom-fields': readOnly('all'),
    search: readOnly('all'),
    users: readOnly('all'),
  },
  'service-manager': {
    ...selfService,
    accounts: { read: 'all', link: 'all' },
    contacts: { ...workRecords('all'), merge: 'all' },
    activities: { ...workRecords('team'), delete: 'team' },
    cases: every('all'),
    products: readOnly('all'),
    'custom-fields': readOnly('all'),
    exports: work('team'),
    search: readOnly('all'),
    users: readOnly('all'),
    teams: readOnly('all'),
  },
  executive: {
    ...selfService,
    ...Object.fromEntries(recordSubjects.map((s) => [s, readOnly('all')])),
    products: readOnly('all'),
    pipelines: readOnly('all'),
    'custom-fields': readOnly('all'),
    exports: work('own'),
    search: readOnly('all'),
    users: readOnly('all'),
    teams: readOnly('all'),
  },
  // Portal users reach only the portal's own routes, which keep to their account (ACC-3): they
  // read its deals and cases, open cases (create) and comment on and rate them (update).
  'portal-user': { portal: { read: 'own', create: 'own', update: 'own' } },
};

const breadth: Record<Scope, number> = { own: 1, team: 2, all: 3 };

/** The widest scope any of the roles grants for the action, or undefined: not allowed. */
export function scopeOf(roles: readonly Role[], subject: Subject, action: Action): Scope | undefined {
  let best: Scope | undefined;
  for (const role of roles) {
    const scope = permissionMatrix[role][subject]?.[action];
    if (scope && (!best || breadth[scope] > breadth[best])) best = scope;
  }
  return best;
}

export const can = (roles: readonly Role[], subject: Subject, action: Action): boolean => scopeOf(roles, subject, action) !== undefined;

/** A route's need: a subject and action, or the subject named by a path parameter (`/api/{resource}/…`). */
export type Permission = { subject: Subject; action: RouteAction } | { subjectParam: string; action: RouteAction };

/** `link` is a right on the record a write points at, checked by the reference guard, never a route's need. */
export type RouteAction = Exclude<Action, 'link'>;
