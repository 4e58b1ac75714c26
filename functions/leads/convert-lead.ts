import * as z from 'zod';
import { accountKind, createAccountSchema } from '../../shared/domain/accounts/account';
import { contactKind, createContactSchema } from '../../shared/domain/contacts/contact';
import { createDealSchema, dealKind } from '../../shared/domain/deals/deal';
import { convertLeadSchema } from '../../shared/domain/leads/lead-conversion';
import { convertLeadAs } from '../../shared/services/lead-conversion-service';
import { apiHandler } from '../http/api-handler';
import { leadPath } from '../http/params';
import { recordAnswerOf } from '../records/record-routes';
import { leadAnswer } from './lead-answer';

/** The converted lead and what it became or was linked to (REC-1). */
const conversionAnswer = z.object({
  lead: leadAnswer,
  deal: recordAnswerOf(dealKind, createDealSchema),
  account: recordAnswerOf(accountKind, createAccountSchema).optional(),
  contact: recordAnswerOf(contactKind, createContactSchema).optional(),
});

export const convertLeadRoute = apiHandler({ path: leadPath, body: convertLeadSchema, answer: conversionAnswer, status: 201 }, async ({ actor, path, body }) => ({
  status: 201,
  body: await convertLeadAs(actor, path.leadId, body),
}));
