import { useQuery } from '@tanstack/react-query';
import type { CustomField, CustomizableType } from '@shared/domain/custom-fields/custom-field';
import { recordKeys, useRecordsHttp } from '../records-http';

/** A type's custom field definitions (REC-9); they change rarely. */
export function useCustomFields(type: CustomizableType, enabled = true) {
  const http = useRecordsHttp();
  return useQuery({
    queryKey: recordKeys.customFields(type),
    queryFn: () => http.get<{ fields: CustomField[]; version: number }>(`/api/custom-fields/${type}`),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** Custom fields that can be filtered on by an exact value in lists: selects and yes/no. */
export const isFilterable = (field: CustomField): boolean => field.type === 'select' || field.type === 'boolean';
