import { resourceOfType as sharedResources, resourcesOf, type RecordType } from '@shared/domain/records/record-type';
import type { HttpClient } from '../api/http-client';
import { useHttpClient } from '../api/use-http';

/**
 * The record pages' HTTP: the app's JSON client (same origin, the user's token, sign-out on 401),
 * and the query keys of the record features.
 */
export type RegardingType = 'lead' | 'account' | 'contact' | 'deal';

export const typeOfResource = resourcesOf<RegardingType>(['lead', 'account', 'contact', 'deal']);
export type RecordResource = keyof typeof typeOfResource;
export const resourceOfType: Record<RegardingType, RecordResource> = sharedResources;

/** The record types people write notes on: the regarding types and service cases. */
export type NotedResource = RecordResource | 'cases';

export const recordUrl = (resource: string, id: string): string => `/api/${resource}/${encodeURIComponent(id)}`;

export type RecordsHttp = HttpClient;

/** The app's JSON client, under the name the record features know it by. */
export const useRecordsHttp = (): RecordsHttp => useHttpClient();

/**
 * Keys by resource first (`['leads', 'timeline', id]`), so that invalidating `['accounts']`
 * refreshes every account query.
 */
export const recordKeys = {
  all: (resource: string) => [resource] as const,
  lists: (resource: string) => [resource, 'list'] as const,
  list: (resource: string, query: Record<string, unknown>) => [resource, 'list', query] as const,
  detail: (resource: string, id: string) => [resource, 'detail', id] as const,
  timeline: (resource: string, id: string) => [resource, 'timeline', id] as const,
  attachments: (resource: string, id: string) => [resource, 'attachments', id] as const,
  activities: (type: RecordType, id: string) => ['activities', 'list', { parentType: type, parentId: id }] as const,
  customFields: (type: RecordType) => ['records', 'custom-fields', type] as const,
  search: (query: Record<string, unknown>) => ['search', query] as const,
};
