import { signedInRoutes } from './route';

/** A record's files are the record's: reading them needs read on it, changing them update. */
export const attachmentRoutes = signedInRoutes(undefined, {
  'GET /api/{resource}/{id}/attachments': { subjectParam: 'resource', action: 'read' },
  'POST /api/{resource}/{id}/attachments': { subjectParam: 'resource', action: 'update' },
  'POST /api/{resource}/{id}/attachments/{attachmentId}/complete': { subjectParam: 'resource', action: 'update' },
  'GET /api/{resource}/{id}/attachments/{attachmentId}/download': { subjectParam: 'resource', action: 'read' },
  'DELETE /api/{resource}/{id}/attachments/{attachmentId}': { subjectParam: 'resource', action: 'update' },
});
