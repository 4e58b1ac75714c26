import { attachmentRoutes } from '../../../shared/api/routes/attachments';
import { readWriteAndFiles } from '../grants';
import { api, serve } from '../module-kit';
import type { ModuleDef } from '../types';

const attachments = api('attachments', 'functions/attachments/attachments-api.ts', 'Files on leads, accounts, contacts and deals', readWriteAndFiles);

export const attachmentsModule: ModuleDef = { functions: [attachments], routes: serve(attachments, attachmentRoutes) };
