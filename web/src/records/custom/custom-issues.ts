import { customValuesSchema, type CustomField } from '@shared/domain/custom-fields/custom-field';

/**
 * Custom values checked in the browser by the API's own schema for the type's definitions, as
 * issues under `custom.<key>` (the API's paths). `partial`: an update, where `null` clears.
 */
export function customSchemaIssues(fields: readonly CustomField[], values: unknown, partial: boolean): { path: string; code: string; message: string; maximum?: number }[] {
  const parsed = customValuesSchema(fields, partial).safeParse(values ?? {});
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    path: ['custom', ...issue.path].map(String).join('.'),
    code: issue.code,
    message: issue.message,
    ...('maximum' in issue && typeof issue.maximum === 'number' ? { maximum: issue.maximum } : {}),
  }));
}
