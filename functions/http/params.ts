import * as z from 'zod';

/** Path parameter schemas shared by routes. */
export const leadPath = z.object({ leadId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a lead id') });
export const formPath = z.object({ formId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a form id') });
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});
