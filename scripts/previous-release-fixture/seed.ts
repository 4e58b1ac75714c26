/**
 * Runs INSIDE a checkout of the previous release (scripts/make-previous-release-fixture.sh copies
 * it there): starts that release's own local stack on a data folder and creates, through its own
 * API as people would, the data the migrations of issue 14 §2 move — leads with phones as people
 * write them, accounts and contacts with phone entries, a portal user invited to an account, a
 * deal and activities. Nothing here may import code of the current release.
 *
 * Usage (from the old checkout): npx tsx seed.ts <data folder>
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What this script uses of the old release's local stack (imported from the old checkout at run time). */
interface OldLocalStack {
  url: string;
  admin: { email: string; password: string };
  signIn(email: string, password: string): Promise<{ idToken: string }>;
  idle(): Promise<void>;
  stop(): Promise<void>;
}
type StartLocalStack = (options: { dataDir: string; fresh: boolean; fixedPorts: boolean; quiet: boolean }) => Promise<OldLocalStack>;

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: tsx seed.ts <data folder>');
// The old checkout's own stack: this file is copied into its root and run from there.
const { startLocalStack } = (await import(pathToFileURL(join(process.cwd(), 'infra', 'local', 'local-stack.ts')).href)) as { startLocalStack: StartLocalStack };

const stack = await startLocalStack({ dataDir, fresh: true, fixedPorts: false, quiet: true });
try {
  const { idToken } = await stack.signIn(stack.admin.email, stack.admin.password);
  const call = async (method: string, path: string, body?: unknown, token = idToken): Promise<Record<string, unknown>> => {
    const response = await fetch(`${stack.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  await call('POST', '/api/session');

  // Leads with phones written the ways people write them (the release stored them as typed).
  const leads = [
    { lastName: 'Смирнов', firstName: 'Пётр', company: 'ООО «Ромашка»', email: 'smirnov@romashka.ru', phone: '8 (916) 123-45-67' },
    { lastName: 'Кузнецова', firstName: 'Анна', email: 'anna.k@mail.ru', phone: '+7 903 765-43-21' },
    { lastName: 'Орлов', firstName: 'Денис', email: 'orlov@example.com', phone: '+79991112233' },
    { company: 'Берёзка', phone: '8-495-555-12-12' },
    { lastName: 'Иванов', firstName: 'Иван', email: 'ivanov@example.com' },
  ];
  const leadIds: string[] = [];
  for (const lead of leads) leadIds.push(String((await call('POST', '/api/leads', lead)).id));

  // A web-form lead, as the public form posts it.
  const form = await fetch(`${stack.url}/api/forms/website/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: stack.url },
    body: JSON.stringify({ name: 'Сергеев Олег', email: 'oleg.sergeev@yandex.ru', phone: '8 (926) 000-11-22', consent: 'yes', message: 'Перезвоните' }),
  });
  if (!form.ok) throw new Error(`web form: ${form.status} ${await form.text()}`);

  const account = await call('POST', '/api/accounts', {
    name: 'Ромашка',
    legalName: 'ООО «Ромашка»',
    taxId: '7707083893',
    phones: [
      { kind: 'work', number: '8 (495) 123-45-67' },
      { kind: 'mobile', number: '+7 (916) 765-43-21' },
    ],
  });
  const accountId = String(account.id);
  const contact = await call('POST', '/api/contacts', {
    lastName: 'Петрова',
    firstName: 'Мария',
    middleName: 'Ивановна',
    accountId,
    phones: [
      { kind: 'mobile', number: '8 916 555 44 33' },
      { kind: 'work', number: '+74951234567' },
    ],
    emails: [{ kind: 'work', address: 'petrova@romashka.ru' }],
  });
  const contactId = String(contact.id);
  const deal = await call('POST', '/api/deals', { title: 'Поставка оборудования', accountId, contactIds: [contactId], amount: { amount: 150000, currency: 'RUB' } });
  await call('POST', '/api/activities', { kind: 'call', subject: 'Созвон по КП', regarding: { type: 'deal', id: String(deal.id) }, dueAt: '2030-01-15T09:00:00.000Z' });
  await call('POST', '/api/activities', { kind: 'task', subject: 'Перезвонить', regarding: { type: 'lead', id: leadIds[0] }, dueAt: '2030-01-16T09:00:00.000Z' });

  // A portal user invited to the account: this release kept the account in Cognito only.
  await call('POST', '/api/users/invitations', { email: 'client@romashka.ru', name: 'Клиент Ромашки', roles: ['portal-user'], accountId });

  await stack.idle();
  console.log(JSON.stringify({ leads: leadIds, accountId, contactId, dealId: deal.id }));
} finally {
  await stack.stop();
}
