import * as z from 'zod';
import { customFieldSetSchema, customizableTypes } from '../../shared/domain/custom-fields/custom-field';
import { readCustomFields, saveCustomFieldsAs } from '../../shared/services/custom-field-service';
import { apiHandler } from '../http/api-handler';
import { apiRouter } from '../http/api-router';

/** Custom field definitions per record type (REC-9): read by forms and lists, set by admins. */
const typePath = z.object({ recordType: z.enum(customizableTypes) });

export const handler = apiRouter({
  'GET /api/custom-fields/{recordType}': apiHandler({ path: typePath, answer: customFieldSetSchema }, async ({ path }) => ({ body: await readCustomFields(path.recordType) })),
  'PUT /api/custom-fields/{recordType}': apiHandler({ path: typePath, body: customFieldSetSchema, answer: customFieldSetSchema }, async ({ actor, path, body }) => ({
    body: await saveCustomFieldsAs(actor, path.recordType, body.fields, body.version),
  })),
});
