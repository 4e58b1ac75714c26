/** TanStack Query keys, one place: invalidating `leads.all` refreshes every lead query. */
export const queryKeys = {
  users: ['users'] as const,
  leads: {
    all: ['leads'] as const,
    detail: (id: string) => ['leads', 'detail', id] as const,
    timeline: (id: string) => ['leads', 'timeline', id] as const,
  },
};
