import { updateFormSchema } from '../../shared/domain/forms/form';
import { updateFormAs } from '../../shared/services/form-service';
import { apiHandler } from '../http/api-handler';
import { formPath } from '../http/params';
import { formAnswer } from './form-answer';

export const updateFormRoute = apiHandler({ path: formPath, body: updateFormSchema, answer: formAnswer }, async ({ actor, path, body }) => ({
  body: await updateFormAs(actor, path.formId, body),
}));
