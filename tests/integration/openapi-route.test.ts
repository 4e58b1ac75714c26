import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/openapi/openapi-api';
import { apiEvent, invoke } from '../support/api-event';

/** GET /api/openapi.json (ADR 0017): anyone reads the committed document, through the app's edge only. */
const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'api', 'openapi.json'), 'utf8')) as unknown;

describe('GET /api/openapi.json', () => {
  it('answers the committed OpenAPI document to a caller who is not signed in, and lets caches keep it', async () => {
    const res = await invoke(handler, apiEvent({ route: 'GET /api/openapi.json', user: null }));
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' });
    expect(res.body).toEqual(committed);
  });

  it('is refused to a caller who went around the edge', async () => {
    const res = await invoke(handler, apiEvent({ route: 'GET /api/openapi.json', user: null, throughEdge: false }));
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { code: 'forbidden', message: "Call the API at the app's own address" } });
  });
});
