import { itemsOf } from '../../shared/api/contracts';
import { findForms } from '../../shared/services/form-service';
import { apiHandler } from '../http/api-handler';
import { formAnswer } from './form-answer';

export const listFormsRoute = apiHandler({ answer: itemsOf(formAnswer) }, async () => ({ body: { items: await findForms() } }));
