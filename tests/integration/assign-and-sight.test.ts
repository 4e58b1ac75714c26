import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as attachmentsApi } from '../../functions/attachments/attachments-api';
import { handler as activitiesApi } from '../../functions/activities/activities-api';
import { handler as contactsApi } from '../../functions/contacts/contacts-api';
import { handler as dealsApi } from '../../functions/deals/deals-api';
import { handler as teamsApi } from '../../functions/teams/teams-api';
import { fileStore } from '../../shared/adapters/file-store';
import { putUser } from '../../shared/data/users-repository';
import { visibilityFor } from '../../shared/services/visibility-service';
import { admin, apiEvent, invoke, rep, type TestUser } from '../support/api-event';
import { byEntity, recordItems } from '../support/table-items';

/**
 * Who may give a record to another owner (SAL-12) and who may touch the files beside a record
 * (ACC-2), through the API: the branches of shared/services/visibility-service.ts that Stryker
 * found no test of outside the route × role matrix.
 */
process.env.FILES_DIR = mkdtempSync(join(tmpdir(), 'crm-files-'));
process.env.FILES_URL_SECRET = 'test-files-secret';

const manager: TestUser = { sub: 'user-manager', email: 'manager@example.com', groups: ['sales-manager'] };
const teamRep: TestUser = { sub: 'user-team-rep', email: 'team-rep@example.com', groups: ['sales-rep'] };
const outsider: TestUser = { sub: 'user-outsider', email: 'outsider@example.com', groups: ['sales-rep'] };

type Answer = { status: number; body: any };
const contact = (user: TestUser, body: Record<string, unknown>): Promise<Answer> => invoke(contactsApi, apiEvent({ route: 'POST /api/contacts', user, body }));
const move = (user: TestUser, record: { id: string; version: number }, ownerId: string): Promise<Answer> =>
  invoke(contactsApi, apiEvent({ route: 'PATCH /api/contacts/{id}', user, pathParameters: { id: record.id }, body: { ownerId, version: record.version } }));
const refusedOwner = (message: string) => ({ code: 'forbidden', fields: [{ path: 'ownerId', message, code: 'forbidden' }] });

beforeAll(async () => {
  for (const user of [admin, rep, manager, teamRep, outsider]) await putUser({ id: user.sub, email: user.email, roles: [...user.groups] });
  const teams = await invoke<{ version: number }>(teamsApi, apiEvent({ route: 'GET /api/teams', user: admin }));
  const put = await invoke(teamsApi, apiEvent({ route: 'PUT /api/teams', user: admin, body: { version: teams.body.version, teams: [{ id: 'north', name: 'Север', managerId: manager.sub, memberIds: [teamRep.sub] }] } }));
  expect(put.status).toBe(200);
});

describe('giving a record to another owner', () => {
  it("is refused to a seller, naming ownerId; a seller's own name as owner is no move", async () => {
    const before = byEntity(await recordItems(), 'CONTACT').length;
    const refused = await contact(rep, { lastName: 'Чужому', ownerId: outsider.sub });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ ...refusedOwner('only a manager assigns records to others'), message: 'Your role may not give records to other owners' });
    expect(byEntity(await recordItems(), 'CONTACT')).toHaveLength(before);
    const own = await contact(rep, { lastName: 'Себе', ownerId: rep.sub });
    expect(own.status).toBe(201);
    expect(own.body.ownerId).toBe(rep.sub);
    // Keeping the owner a record has is no move either.
    const kept = await invoke(contactsApi, apiEvent({ route: 'PATCH /api/contacts/{id}', user: rep, pathParameters: { id: own.body.id }, body: { ownerId: rep.sub, jobTitle: 'Директор', version: own.body.version } }));
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ ownerId: rep.sub, jobTitle: 'Директор' });
  });

  it("is a team manager's within the team only: to a member, not to an outsider, and not away from one", async () => {
    const toMember = await contact(manager, { lastName: 'Члену команды', ownerId: teamRep.sub });
    expect(toMember.status).toBe(201);
    expect(toMember.body.ownerId).toBe(teamRep.sub);
    const toOutsider = await contact(manager, { lastName: 'Постороннему', ownerId: outsider.sub });
    expect(toOutsider.status).toBe(403);
    expect(toOutsider.body.error).toMatchObject({ ...refusedOwner('outside your team'), message: 'The owner is outside your team' });
    // The admin gives the outsider a contact; the manager may not take it into the team.
    const outsiders = await contact(admin, { lastName: 'Со стороны', ownerId: outsider.sub });
    expect(outsiders.status).toBe(201);
    const take = () => invoke(contactsApi, apiEvent({ route: 'PATCH /api/contacts/{id}', user: manager, pathParameters: { id: outsiders.body.id }, body: { ownerId: teamRep.sub, version: outsiders.body.version } }));
    expect((await take()).status).toBe(404);
    // Even with contacts shared for editing, which lets the manager see and edit it: sharing never widens a transfer.
    const sharing = await invoke<{ version: number }>(teamsApi, apiEvent({ route: 'GET /api/sharing', user: admin }));
    expect((await invoke(teamsApi, apiEvent({ route: 'PUT /api/sharing', user: admin, body: { types: { contacts: 'edit' }, version: sharing.body.version } }))).status).toBe(200);
    const taken = await take();
    expect(taken.status).toBe(403);
    expect(taken.body.error).toMatchObject({ ...refusedOwner('outside your team'), message: 'The owner is outside your team' });
    await invoke(teamsApi, apiEvent({ route: 'PUT /api/sharing', user: admin, body: { types: {}, version: sharing.body.version + 1 } }));
    // An admin gives anything to anyone.
    const moved = await move(admin, toMember.body, outsider.sub);
    expect(moved.status).toBe(200);
    expect(moved.body.ownerId).toBe(outsider.sub);
  });
});

describe('the files beside a record', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7 счёт');

  it("are another seller's to list, download, confirm and remove: a rep gets 404 on each, as if the record did not exist", async () => {
    const record = await contact(admin, { lastName: 'С файлами', ownerId: outsider.sub });
    const at = { resource: 'contacts', id: record.body.id };
    const started = await invoke(attachmentsApi, apiEvent({ route: 'POST /api/{resource}/{id}/attachments', user: outsider, pathParameters: at, body: { fileName: 'счёт.pdf', contentType: 'application/pdf', bytes: pdf.length } }));
    expect(started.status).toBe(201);
    await fileStore().write(started.body.attachment.fileKey, pdf, 'application/pdf');
    const one = { ...at, attachmentId: started.body.attachment.id };
    for (const [route, pathParameters] of [
      ['GET /api/{resource}/{id}/attachments', at],
      ['POST /api/{resource}/{id}/attachments/{attachmentId}/complete', one],
      ['GET /api/{resource}/{id}/attachments/{attachmentId}/download', one],
      ['DELETE /api/{resource}/{id}/attachments/{attachmentId}', one],
    ] as const) {
      const answer = await invoke(attachmentsApi, apiEvent({ route, user: rep, pathParameters }));
      expect(answer.status, route).toBe(404);
    }
    // Untouched: its owner confirms it and downloads it.
    expect((await invoke(attachmentsApi, apiEvent({ route: 'POST /api/{resource}/{id}/attachments/{attachmentId}/complete', user: outsider, pathParameters: one }))).body.status).toBe('stored');
    expect((await invoke(attachmentsApi, apiEvent({ route: 'GET /api/{resource}/{id}/attachments/{attachmentId}/download', user: outsider, pathParameters: one }))).status).toBe(200);
    // Someone who sees every contact lists them without a read of the record.
    expect((await invoke(attachmentsApi, apiEvent({ route: 'GET /api/{resource}/{id}/attachments', user: admin, pathParameters: at }))).body.items).toHaveLength(1);
    // …and a record that does not exist is still 404 to them, not an empty list.
    expect((await invoke(attachmentsApi, apiEvent({ route: 'GET /api/{resource}/{id}/attachments', user: admin, pathParameters: { resource: 'contacts', id: '01JAAAAAAAAAAAAAAAAAAAAAAA' } }))).status).toBe(404);
  });
});

describe('pointing at a record of a type the role has nothing of', () => {
  it("answers as for a record that does not exist: a service agent's task about a deal", async () => {
    const agent: TestUser = { sub: 'user-agent', email: 'agent@example.com', groups: ['service-agent'] };
    await putUser({ id: agent.sub, email: agent.email, roles: ['service-agent'] });
    const deal = await invoke(dealsApi, apiEvent({ route: 'POST /api/deals', user: rep, body: { title: 'Сделка продавца' } }));
    expect(deal.status).toBe(201);
    const task = (id: string) => invoke(activitiesApi, apiEvent({ route: 'POST /api/activities', user: agent, body: { kind: 'task', subject: 'Позвонить', regarding: { type: 'deal', id } } }));
    const real = await task(deal.body.id);
    const madeUp = await task(`01J${'B'.repeat(23)}`);
    expect(real.status).toBe(400);
    expect(real.body.error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'regarding.id', message: 'no such deal', code: 'not_found' }] });
    expect(real.body).toEqual(madeUp.body);
  });
});

describe('whose records a role sees', () => {
  it('is refused, naming the action and subject, to a role the matrix grants nothing of it', async () => {
    await expect(visibilityFor({ type: 'user', id: 'p1', roles: ['portal-user'] }, 'leads', 'read')).rejects.toMatchObject({ code: 'forbidden', message: 'Your role may not read leads' });
    await expect(visibilityFor({ type: 'user', id: 'r1', roles: ['sales-rep'] }, 'leads', 'read')).resolves.toEqual(new Set(['r1']));
    expect(await visibilityFor({ type: 'system', id: 'web-form' } as never, 'leads', 'read')).toBe('all');
  });
});
