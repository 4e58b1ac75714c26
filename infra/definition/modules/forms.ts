import { formRoutes, formSubmissionRoutes } from '../../../shared/api/routes/forms';
import { readWrite } from '../grants';
import { api, serve } from '../module-kit';
import type { ModuleDef } from '../types';

const forms = api('forms', 'functions/forms/forms-api.ts', 'Web-to-lead form settings', readWrite);
const submit = api('forms-submit', 'functions/forms/submit-form.ts', 'Public web-to-lead endpoint', readWrite);

/** Web-to-lead (MKT-1): the public endpoint has a function of its own, apart from the settings. */
export const formsModule: ModuleDef = { functions: [forms, submit], routes: [...serve(submit, formSubmissionRoutes), ...serve(forms, formRoutes)] };
