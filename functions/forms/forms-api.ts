import { apiRouter } from '../http/api-router';
import { createFormRoute } from './create-form';
import { getFormRoute } from './get-form';
import { listFormsRoute } from './list-forms';
import { updateFormRoute } from './update-form';

/** Web-to-lead form settings (MKT-1). Public submissions have a function of their own (submit-form.ts). */
export const handler = apiRouter({
  'GET /api/forms': listFormsRoute,
  'POST /api/forms': createFormRoute,
  'GET /api/forms/{formId}': getFormRoute,
  'PUT /api/forms/{formId}': updateFormRoute,
});
