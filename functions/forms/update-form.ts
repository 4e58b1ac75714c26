import { updateFormSchema } from '../../shared/domain/forms/form';
import { updateFormAs } from '../../shared/services/form-service';
import { apiHandler } from '../http/api-handler';
import { formPath } from '../http/params';

export const updateFormRoute = apiHandler({ path: formPath, body: updateFormSchema }, async ({ actor, path, body }) => ({
  body: await updateFormAs(actor, path.formId, body),
}));
