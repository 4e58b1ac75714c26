import * as z from 'zod';
import { formSettingsSchema, type Form } from '../../shared/domain/forms/form';

/** A web-to-lead form as the API answers it: its settings and the bookkeeping of a stored item. */
export const formAnswer = formSettingsSchema.extend({
  id: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
}).meta({ title: 'Form' }) satisfies z.ZodType<Form>;
