import { describe, expect, it } from 'vitest';
import { authorize } from '../../../functions/http/authorize';
import type { Role } from '../../../shared/auth/roles';

/**
 * The route-level check (ACC-1) on its own: deny by default, the route's declared permission,
 * a subject named by a path parameter. The route × role matrix (tests/integration/route-permissions
 * .test.ts) covers every route through the handlers; this pins each branch of the check.
 */
const as = (...roles: Role[]) => ({ type: 'user' as const, id: 'u1', roles });
const refusal = (run: () => void): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return `${(error as { code?: string }).code}: ${(error as Error).message}`;
  }
};

describe('authorize', () => {
  it("lets a role through to a route its permission allows, and refuses one it does not, naming the action and subject", () => {
    expect(refusal(() => authorize('GET /api/leads', {}, as('sales-rep')))).toBeUndefined();
    expect(refusal(() => authorize('PUT /api/pipelines/{pipelineId}', { pipelineId: 'p1' }, as('sales-rep')))).toBe('forbidden: Your role may not manage pipelines');
    expect(refusal(() => authorize('GET /api/audit', {}, as('sales-rep')))).toBe('forbidden: Your role may not read audit');
    // Any one of several roles is enough.
    expect(refusal(() => authorize('GET /api/audit', {}, as('sales-rep', 'admin')))).toBeUndefined();
    // No role, no access.
    expect(refusal(() => authorize('GET /api/leads', {}, as()))).toBe('forbidden: Your role may not read leads');
  });

  it('refuses a route key the definition does not know, and a public route asked as a signed-in one', () => {
    expect(refusal(() => authorize('DELETE /api/leads/{leadId}', { leadId: 'l1' }, as('admin')))).toBe('forbidden: No signed-in route DELETE /api/leads/{leadId}');
    expect(refusal(() => authorize('GET /api/health', {}, as('admin')))).toBe('forbidden: No signed-in route GET /api/health');
  });

  it('lets every signed-in user through a route that declares no permission (the session)', () => {
    expect(refusal(() => authorize('POST /api/session', {}, as()))).toBeUndefined();
  });

  it('checks a route whose subject is a path parameter against that subject', () => {
    const files = 'GET /api/{resource}/{id}/attachments';
    expect(refusal(() => authorize(files, { resource: 'deals', id: 'd1' }, as('sales-rep')))).toBeUndefined();
    expect(refusal(() => authorize(files, { resource: 'audit', id: 'x' }, as('sales-rep')))).toBe('forbidden: Your role may not read audit');
    expect(refusal(() => authorize('DELETE /api/{resource}/{id}/attachments/{attachmentId}', { resource: 'leads', id: 'l1', attachmentId: 'a1' }, as('executive')))).toBe('forbidden: Your role may not update leads');
    // A parameter that names no subject is the handler's to refuse as bad input naming the field.
    expect(refusal(() => authorize(files, { resource: 'nonsense', id: 'x' }, as('sales-rep')))).toBeUndefined();
    expect(refusal(() => authorize(files, {}, as('sales-rep')))).toBeUndefined();
    expect(refusal(() => authorize(files, undefined, as('sales-rep')))).toBeUndefined();
  });
});
