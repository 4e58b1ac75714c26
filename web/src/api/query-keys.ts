/** TanStack Query keys, one place: invalidating `leads.all` refreshes every lead query. */
export const queryKeys = {
  users: ['users'] as const,
  leads: {
    all: ['leads'] as const,
    detail: (id: string) => ['leads', 'detail', id] as const,
    timeline: (id: string) => ['leads', 'timeline', id] as const,
  },
  /** Access requests (ACC-5): an admin's list by status (`all` when unfiltered), a user's own. */
  accessRequests: {
    all: ['access-requests'] as const,
    list: (status: string) => ['access-requests', 'list', status] as const,
  },
  /** Integration API keys (admins). */
  apiKeys: ['api-keys'] as const,
};
