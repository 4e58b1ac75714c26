import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../../infra/definition/app';
import { describeDefinition } from '../../../infra/definition/describe-definition';
import { describeLocalRuntime } from '../../../infra/local/describe-local-runtime';
import { startLocalStack, type LocalStack } from '../../../infra/local/local-stack';

/**
 * The whole local runtime with the real app: emulators, seeding through the API, sign-in, the
 * path of a web form post through the handler, the table's stream, the bus and SES, and a stop
 * that leaves nothing listening.
 */
let stack: LocalStack;
const captured: string[] = [];

beforeAll(async () => {
  stack = await startLocalStack({ inMemory: true, fixedPorts: false, quiet: true });
  stack.bus.onEvent((event) => captured.push(event['detail-type']));
});

afterAll(() => stack?.stop());

const authorized = async (path: string) => {
  const { idToken } = await stack.signIn(stack.admin.email, stack.admin.password);
  return fetch(`${stack.url}${path}`, { headers: { authorization: `Bearer ${idToken}` } });
};

describe('the local stack', () => {
  it('is healthy once started, and registers exactly what the app definition declares', async () => {
    const health = await fetch(`${stack.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', checks: { table: 'ok' } });
    expect(stack.describe()).toEqual(describeDefinition(app, stack.client));
    expect(stack.describe()).toEqual(describeLocalRuntime(app, stack.client));
  });

  it('tells the web UI where to sign in, and the emulator lets the browser call it from the app origin', async () => {
    const config = await (await fetch(`${stack.url}/config.json`)).json();
    expect(config).toEqual({
      region: stack.client.region,
      userPoolId: stack.cognito.userPoolId,
      userPoolClientId: stack.cognito.clientId,
      cognitoEndpoint: stack.cognito.endpoint,
      locale: 'ru',
      currency: 'RUB',
      timeZone: 'Europe/Moscow',
      displayName: stack.client.displayName,
    });
    const preflight = await fetch(`${stack.cognito.endpoint}/`, {
      method: 'OPTIONS',
      headers: { origin: stack.url, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-amz-target,x-amz-user-agent' },
    });
    expect(preflight.ok).toBe(true);
    expect(preflight.headers.get('access-control-allow-origin')).toMatch(/^\*$|^http:\/\/localhost/);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-amz-target');
  });

  it('seeded the admin profile and the demo form through the API; the admin signs in and is an admin', async () => {
    const form = await authorized('/api/forms/website');
    expect(form.status).toBe(200);
    expect(await form.json()).toMatchObject({ id: 'website', name: 'Website contact form', thankYouUrl: `${stack.url}/thank-you.html` });

    const users = await authorized('/api/users');
    expect(users.status).toBe(200);
    expect(JSON.stringify(await users.json())).toContain(stack.admin.email);
  });

  it('refuses the API without a token, or with a tampered one', async () => {
    expect((await fetch(`${stack.url}/api/leads`)).status).toBe(401);
    const { idToken } = await stack.signIn(stack.admin.email, stack.admin.password);
    const [header, payload, signature] = idToken.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), 'cognito:groups': ['admin', 'executive'] })).toString('base64url');
    expect((await fetch(`${stack.url}/api/leads`, { headers: { authorization: `Bearer ${header}.${forged}.${signature}` } })).status).toBe(401);
  });

  it("takes a web form post through the handler, the table's stream and the bus to the owner's mailbox", async () => {
    const post = await fetch(`${stack.url}/api/forms/website/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stack.url },
      body: new URLSearchParams({ name: 'Соколова Мария', email: 'maria@sokolova.example', consent: 'yes' }),
      redirect: 'manual',
    });
    expect(post.status).toBe(303);
    expect(post.headers.get('location')).toBe(`${stack.url}/thank-you.html`);

    await stack.idle();
    expect(captured).toContain('LeadCaptured');
    const store = (await (await fetch(stack.mailStoreUrl)).json()) as { emails: { subject: string; destination: { to: string[] } }[] };
    const mail = store.emails.find((m) => m.subject.startsWith('Новый лид с сайта') && m.subject.includes('Соколова'));
    expect(mail?.destination.to).toEqual([stack.admin.email]);
  });

  it("keeps an activity's reminder as a one-time schedule through the stream, the bus and the Scheduler API, and deletes it when the activity is done", async () => {
    const { idToken } = await stack.signIn(stack.admin.email, stack.admin.password);
    const send = async (method: string, path: string, body: unknown) => {
      const response = await fetch(`${stack.url}${path}`, { method, headers: { authorization: `Bearer ${idToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status, `${method} ${path}`).toBeLessThan(300);
      return (await response.json()) as { id: string; version: number };
    };
    const account = await send('POST', '/api/accounts', { name: 'ООО «Напоминание»' });
    const reminderAt = '2031-03-02T06:30:00.000Z';
    const activity = await send('POST', '/api/activities', { kind: 'task', subject: 'Позвонить', regarding: { type: 'account', id: account.id }, reminderAt, dueAt: '2031-03-02T07:00:00.000Z' });
    await stack.idle();
    expect(stack.scheduler.getOneTime(`crm-${stack.client.name}`, `reminder-activity-${activity.id}`)).toMatchObject({ at: reminderAt, expression: 'at(2031-03-02T06:30:00)', actionAfterCompletion: 'DELETE' });

    await send('PATCH', `/api/activities/${activity.id}`, { version: activity.version, status: 'done' });
    await stack.idle();
    expect(stack.scheduler.getOneTime(`crm-${stack.client.name}`, `reminder-activity-${activity.id}`)).toBeUndefined();
  });

  it("runs the app's schedule on demand against the real handler", async () => {
    await expect(stack.scheduler.runNow('new-leads-morning-digest')).resolves.toEqual({ owners: expect.any(Number), leads: expect.any(Number) });
  });

  it('stops every part: nothing answers afterwards', async () => {
    const endpoints = [`${stack.url}/api/health`, stack.mailStoreUrl, `${stack.cognito.endpoint}/health`, stack.dynamoEndpoint, stack.bus.endpoint];
    await stack.stop();
    for (const endpoint of endpoints) {
      await expect(fetch(endpoint, { signal: AbortSignal.timeout(2_000) }), endpoint).rejects.toThrow();
    }
  });
});
