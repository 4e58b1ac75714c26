import { readForm } from '../../shared/services/form-service';
import { apiHandler } from '../http/api-handler';
import { formPath } from '../http/params';

export const getFormRoute = apiHandler({ path: formPath }, async ({ path }) => ({ body: await readForm(path.formId) }));
