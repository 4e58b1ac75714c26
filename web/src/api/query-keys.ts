/** TanStack Query keys of what is no record (the records' are `recordKeys` in records/records-http). */
export const queryKeys = {
  users: ['users'] as const,
  /** Access requests (ACC-5): an admin's list by status (`all` when unfiltered), a user's own. */
  accessRequests: {
    all: ['access-requests'] as const,
    list: (status: string) => ['access-requests', 'list', status] as const,
  },
  /** Integration API keys (admins). */
  apiKeys: ['api-keys'] as const,
};
