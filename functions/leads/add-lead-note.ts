import { timelineEntrySchema } from '../../shared/api/contracts';
import * as z from 'zod';
import { addNoteAs } from '../../shared/services/note-service';
import { apiHandler } from '../http/api-handler';
import { leadPath } from '../http/params';

/** A note on a lead's timeline (REC-8), as on the other records. */
export const addLeadNoteRoute = apiHandler({ path: leadPath, body: z.strictObject({ text: z.string().trim().min(1).max(10_000) }), answer: timelineEntrySchema, status: 201 }, async ({ actor, path, body }) => ({
  status: 201,
  body: await addNoteAs(actor, { type: 'lead', id: path.leadId }, body.text),
}));
