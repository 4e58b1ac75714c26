import { readForm } from '../../shared/services/form-service';
import { apiHandler } from '../http/api-handler';
import { formPath } from '../http/params';
import { formAnswer } from './form-answer';

export const getFormRoute = apiHandler({ path: formPath, answer: formAnswer }, async ({ path }) => ({ body: await readForm(path.formId) }));
