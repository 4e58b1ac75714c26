import { assertCan } from '../auth/assert-can';
import { getForm, listForms, putForm } from '../data/forms-repository';
import { getUser } from '../data/users-repository';
import type { Actor } from '../domain/common/actor';
import { systemClock, type Clock } from '../domain/common/clock';
import { invalidField, notFound, versionConflict } from '../domain/common/errors';
import type { CreateFormInput, Form, UpdateFormInput } from '../domain/forms/form';

/** Managing web-to-lead forms (MKT-1): those the permission matrix lets manage forms (admins, marketers). */
const assertCanManage = (actor: Actor): void => assertCan(actor, 'forms', 'manage');

async function assertOwnersExist(ownerIds: readonly string[]): Promise<void> {
  const users = await Promise.all(ownerIds.map((id) => getUser(id)));
  const missing = users.findIndex((user) => !user);
  if (missing >= 0) throw invalidField(`ownerIds.${missing}`, 'no such user');
}

export async function createFormAs(actor: Actor, input: CreateFormInput, clock: Clock = systemClock): Promise<Form> {
  assertCanManage(actor);
  await assertOwnersExist(input.ownerIds);
  const at = clock.now().toISOString();
  const form: Form = { ...input, createdAt: at, createdBy: actor.id, updatedAt: at, version: 1 };
  if (!(await putForm(form))) throw invalidField('id', 'a form with this id exists', 'duplicate');
  return form;
}

export async function updateFormAs(actor: Actor, id: string, input: UpdateFormInput, clock: Clock = systemClock): Promise<Form> {
  assertCanManage(actor);
  const current = await readForm(id);
  if (current.version !== input.version) throw versionConflict(current.version);
  await assertOwnersExist(input.ownerIds);
  const { version, ...settings } = input;
  const form: Form = { ...current, ...settings, id, updatedAt: clock.now().toISOString(), version: version + 1 };
  if (!(await putForm(form, version))) throw versionConflict(undefined);
  return form;
}

export async function readForm(id: string): Promise<Form> {
  const form = await getForm(id);
  if (!form) throw notFound('Form');
  return form;
}

export const findForms = (): Promise<Form[]> => listForms();
