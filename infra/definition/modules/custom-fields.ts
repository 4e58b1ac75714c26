import { customFieldRoutes } from '../../../shared/api/routes/custom-fields';
import { readWrite } from '../grants';
import { api, serve } from '../module-kit';
import type { ModuleDef } from '../types';

const customFields = api('custom-fields', 'functions/custom-fields/custom-fields-api.ts', 'Custom field definitions per record type', readWrite);

export const customFieldsModule: ModuleDef = { functions: [customFields], routes: serve(customFields, customFieldRoutes) };
