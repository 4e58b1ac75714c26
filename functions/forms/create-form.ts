import { createFormSchema } from '../../shared/domain/forms/form';
import { createFormAs } from '../../shared/services/form-service';
import { apiHandler } from '../http/api-handler';

export const createFormRoute = apiHandler({ body: createFormSchema }, async ({ actor, body }) => ({
  status: 201,
  body: await createFormAs(actor, body),
}));
