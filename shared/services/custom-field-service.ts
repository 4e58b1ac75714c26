import { assertCan } from '../auth/assert-can';
import { getCustomFields, putCustomFields, type CustomFieldSet } from '../data/custom-fields-repository';
import type { FieldIssue } from '../api/contracts';
import type { Actor } from '../domain/common/actor';
import type { CustomFilter } from '../data/records-repository';
import { DomainError, invalidField, versionConflict } from '../domain/common/errors';
import { customFilterValue, customizableTypes, customValuesSchema, type CustomField, type CustomizableType, type CustomValues } from '../domain/custom-fields/custom-field';
import type { RecordType } from '../domain/records/record-type';

/** Custom field definitions (REC-9): everyone reads them, admins change them. */
export const readCustomFields = (type: CustomizableType): Promise<CustomFieldSet> => getCustomFields(type);

export async function saveCustomFieldsAs(actor: Actor, type: CustomizableType, fields: CustomField[], version: number): Promise<CustomFieldSet> {
  assertCan(actor, 'custom-fields', 'manage');
  const current = await getCustomFields(type);
  if (current.version !== version) throw versionConflict(current.version);
  const retyped = fields.filter((f) => current.fields.some((old) => old.key === f.key && old.type !== f.type));
  if (retyped.length) {
    // Stored values would no longer fit: a new key is the honest way to change a field's type.
    throw new DomainError('unprocessable', 'A field keeps its type; add a new field instead', {
      fields: retyped.map((f) => ({ path: `fields.${fields.indexOf(f)}.type`, message: `was ${current.fields.find((o) => o.key === f.key)!.type}`, code: 'type_change' })),
    });
  }
  // Values of removed fields stay on the records (their timelines keep them) but are no longer shown or accepted.
  if (!(await putCustomFields(type, { fields, version }))) throw versionConflict(undefined);
  return { fields, version: version + 1 };
}

export const isCustomizable = (type: RecordType): type is CustomizableType => (customizableTypes as readonly string[]).includes(type);

/**
 * A record's custom values checked against the current definitions. On create every required
 * field must be given; on update the patch is merged into the stored values (`null` clears one)
 * and the result must still have every required field.
 */
export async function checkedCustomValues(type: RecordType, given: unknown, stored: CustomValues | undefined, creating: boolean): Promise<CustomValues | undefined> {
  if (!isCustomizable(type)) {
    if (given === undefined) return stored;
    throw new DomainError('validation_failed', 'This record type has no custom fields', { fields: [{ path: 'custom', message: 'not supported here', code: 'unrecognized_keys' }] });
  }
  if (given === undefined && !creating) return stored;
  const { fields } = await getCustomFields(type);
  const patch = customValuesSchema(fields, !creating).safeParse(given ?? {});
  if (!patch.success) {
    throw new DomainError('validation_failed', 'Some custom fields are not filled in correctly', {
      fields: patch.error.issues.flatMap((issue): FieldIssue[] =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((k) => ({ path: `custom.${k}`, message: 'no such custom field', code: issue.code }))
          : [{ path: ['custom', ...issue.path.map(String)].join('.'), message: issue.message, code: issue.code }],
      ),
    });
  }
  const merged: CustomValues = { ...(creating ? {} : stored) };
  for (const [key, value] of Object.entries(patch.data)) {
    if (value === null || value === undefined) delete merged[key];
    else merged[key] = value;
  }
  const missing = fields.filter((f) => f.required && merged[f.key] === undefined);
  if (missing.length) {
    throw new DomainError('validation_failed', 'Some required custom fields are empty', {
      fields: missing.map((f) => ({ path: `custom.${f.key}`, message: `${f.label} is required`, code: 'required' })),
    });
  }
  return Object.keys(merged).length ? merged : undefined;
}

/** List filters on custom fields, typed by their definitions: 400 naming `custom.<key>` for an unknown field. */
export async function customFilters(type: RecordType, params: readonly [string, string][]): Promise<CustomFilter[]> {
  if (params.length === 0) return [];
  const fields = isCustomizable(type) ? (await getCustomFields(type)).fields : [];
  return params.map(([key, raw]) => {
    const field = fields.find((f) => f.key === key);
    if (!field || field.type === 'money') throw invalidField(`custom.${key}`, field ? 'money fields are not filtered by value' : 'no such custom field');
    const value = customFilterValue(field, raw);
    if (typeof value === 'number' && Number.isNaN(value)) throw invalidField(`custom.${key}`, 'a number');
    return { key, value, multi: field.type === 'multiselect' };
  });
}
