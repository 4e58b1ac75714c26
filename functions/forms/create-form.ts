import { createFormSchema } from '../../shared/domain/forms/form';
import { createFormAs } from '../../shared/services/form-service';
import { apiHandler } from '../http/api-handler';
import { formAnswer } from './form-answer';

export const createFormRoute = apiHandler({ body: createFormSchema, answer: formAnswer, status: 201 }, async ({ actor, body }) => ({
  status: 201,
  body: await createFormAs(actor, body),
}));
