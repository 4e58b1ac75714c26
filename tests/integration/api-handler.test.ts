import { beforeAll, describe, expect, it } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { putUser } from '../../shared/data/users-repository';
import { apiEvent, invoke, rep } from '../support/api-event';
import { allItems, byEntity } from '../support/table-items';

/**
 * How the one API handler shape reads a body (functions/http/api-handler.ts): JSON only, said so
 * by its content type; a missing, mistyped or malformed body is refused with the problem named,
 * and nothing is written. The bad-input matrix covers every route's fields; this pins the body.
 */
const create = (options: { rawBody?: string; headers?: Record<string, string>; isBase64Encoded?: boolean }) =>
  invoke<{ error: { code: string; message: string; fields?: { path: string; code: string }[] } }>(accountsApi, apiEvent({ route: 'POST /api/accounts', user: rep, ...options }));

beforeAll(async () => {
  await putUser({ id: rep.sub, email: rep.email, roles: ['sales-rep'] });
});

describe('the body of a call', () => {
  it('is required where the route takes one', async () => {
    const answer = await create({ headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({ code: 'validation_failed', message: 'A JSON body is required', fields: [{ path: 'body', message: 'required', code: 'required' }] });
  });

  it('must say it is JSON: another content type, or one that only mentions JSON later, is 415', async () => {
    for (const type of ['text/plain', 'text/plain; application/json', 'application/jsonx']) {
      const answer = await create({ rawBody: '{"name":"Ромашка"}', headers: { 'content-type': type } });
      expect(answer.status, type).toBe(415);
      expect(answer.body.error).toEqual({ code: 'unsupported_media_type', message: 'Send the body as application/json' });
    }
  });

  it('is read as UTF-8 JSON, base64-encoded or not, with a charset or not', async () => {
    const base64 = await create({ rawBody: Buffer.from('{"name":"Ромашка"}').toString('base64'), isBase64Encoded: true, headers: { 'content-type': 'application/json' } });
    expect(base64.status).toBe(201);
    expect(base64.body).toMatchObject({ name: 'Ромашка' });
    const charset = await create({ rawBody: '{"name":"Лютик"}', headers: { 'content-type': 'Application/JSON; charset=utf-8' } });
    expect(charset.status).toBe(201);
  });

  it("names each invalid field in the message as 'field: problem', and writes nothing", async () => {
    const before = byEntity(await allItems(), 'ACCOUNT').length;
    // The two the test above made.
    expect(before).toBe(2);
    const answer = await create({ rawBody: '{"name":"","rating":9}', headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
    expect(answer.body.error.message.split('; ').map((part: string) => part.split(':')[0])).toEqual(['name', 'rating']);
    expect(answer.body.error.fields!.map((f: { path: string }) => f.path)).toEqual(['name', 'rating']);
    const malformed = await create({ rawBody: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(malformed.body.error).toEqual({ code: 'validation_failed', message: 'The body is not valid JSON', fields: [{ path: 'body', message: 'not valid JSON', code: 'invalid_json' }] });
    expect(byEntity(await allItems(), 'ACCOUNT').length).toBe(before);
  });
});

describe('a call that changes something', () => {
  it("roots a chain: the events its change announces carry the request's id as their correlation id", async () => {
    const event = apiEvent({ route: 'POST /api/accounts', user: rep, body: { name: 'Цепочка' } });
    const created = await invoke<{ id: string }>(accountsApi, event);
    expect(created.status).toBe(201);
    const announced = (await allItems())
      .flatMap((item) => (Array.isArray(item.events) ? (item.events as { type: string; detail: { record?: { id: string }; correlationId?: string } }[]) : []))
      .filter((e) => e.detail.record?.id === created.body.id);
    expect(announced.map((e) => [e.type, e.detail.correlationId])).toEqual([['RecordCreated', event.requestContext.requestId]]);
  });
});
