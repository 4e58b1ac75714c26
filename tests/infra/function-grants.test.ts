import { describe, expect, it } from 'vitest';
import { app, functionById } from '../../infra/definition/app';
import type { FunctionGrants } from '../../infra/definition/types';
import { resourcesOfType, synthCached } from './support/synth';

/**
 * Least privilege, per function: each role in the synthesized stack is granted what the function's
 * FunctionGrants declare and nothing more. The local runtime does not enforce IAM, so this is
 * where a grant that is missing or too broad shows up before a deploy.
 */
const { template } = synthCached('acme');
const functions = Object.values(resourcesOfType(template, 'AWS::Lambda::Function'));
const roles = resourcesOfType(template, 'AWS::IAM::Role');
const policies = Object.values(resourcesOfType(template, 'AWS::IAM::Policy'));

// Written out here rather than imported from the stack, so that the two are checked against each other.
const userPoolAdminActions = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
];
const readActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:DescribeTable'];
const writeActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem'];
const expectedTableActions: Record<FunctionGrants['table'], string[]> = {
  none: [],
  read: readActions,
  'read-write': [...readActions, ...writeActions],
};

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

const actionsOf = (statements: Statement[]): string[] => [...new Set(statements.flatMap((s) => [s.Action].flat()))].sort();
const onStream = (s: Statement): boolean => JSON.stringify(s.Resource).includes('"StreamArn"');

/** Every statement granted to the role of the function whose CRM_FUNCTION_ID is `id`: attached policies and inline ones. */
function statementsOf(id: string): Statement[] {
  const fn = functions.find((r) => r.Properties?.Environment?.Variables?.CRM_FUNCTION_ID === id);
  if (!fn) throw new Error(`no function ${id} in the template`);
  const roleId = fn.Properties!.Role['Fn::GetAtt'][0] as string;
  const role = roles[roleId];
  if (!role) throw new Error(`no role ${roleId} for function ${id}`);
  // Nothing but what is declared: no managed policy (AWSLambdaBasicExecutionRole or broader) rides along.
  expect(role.Properties?.ManagedPolicyArns ?? []).toEqual([]);
  const attached = policies.filter((p) => (p.Properties!.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })));
  const documents = [
    ...attached.map((p) => p.Properties!.PolicyDocument),
    ...((role.Properties?.Policies ?? []) as { PolicyDocument: unknown }[]).map((p) => p.PolicyDocument),
  ] as { Statement: Statement[] }[];
  const statements = documents.flatMap((d) => d.Statement);
  expect(statements.every((s) => s.Effect === 'Allow')).toBe(true);
  return statements;
}

/** DynamoDB actions on the table and its indexes (the stream read of a stream consumer is not table access). */
const tableActionsOf = (id: string): string[] =>
  actionsOf(statementsOf(id).filter((s) => !onStream(s))).filter((a) => a.startsWith('dynamodb:'));
const streamActionsOf = (id: string): string[] => actionsOf(statementsOf(id).filter(onStream));
const actionsOfFunction = (id: string): string[] => actionsOf(statementsOf(id));

describe('function grants', () => {
  it('the template has a function for every function in the definition', () => {
    expect(functions.filter((r) => r.Properties?.Environment?.Variables?.CRM_FUNCTION_ID)).toHaveLength(app.functions.length);
  });

  describe.each(app.functions.map((fn) => [fn.id, fn.grants] as const))('%s', (id, grants) => {
    it(`table "${grants.table}": exactly the DynamoDB actions that implies, on the table and its named indexes`, () => {
      expect(tableActionsOf(id)).toEqual([...expectedTableActions[grants.table]].sort());
      for (const s of statementsOf(id).filter((s) => !onStream(s) && [s.Action].flat().some((a) => a.startsWith('dynamodb:')))) {
        expect(JSON.stringify(s.Resource)).toContain('DataTable');
        expect(JSON.stringify(s.Resource)).not.toContain('"*"');
      }
    });

    it(`putEvents ${grants.putEvents}: events:PutEvents iff declared`, () => {
      expect(actionsOfFunction(id).includes('events:PutEvents')).toBe(grants.putEvents);
      expect(actionsOfFunction(id).filter((a) => a.startsWith('events:') && a !== 'events:PutEvents')).toEqual([]);
    });

    it(`sendEmail ${grants.sendEmail}: SES sending iff declared`, () => {
      const actions = actionsOfFunction(id);
      expect(actions.includes('ses:SendEmail')).toBe(grants.sendEmail);
      if (!grants.sendEmail) expect(actions.filter((a) => a.startsWith('ses:'))).toEqual([]);
    });

    it(`userPool ${grants.userPool ?? 'none'}: the Cognito admin actions on the user pool iff declared, nothing else of Cognito`, () => {
      const cognito = actionsOfFunction(id).filter((a) => a.startsWith('cognito-idp:'));
      expect(cognito).toEqual(grants.userPool === 'admin' ? [...userPoolAdminActions].sort() : []);
      for (const s of statementsOf(id).filter((s) => [s.Action].flat().some((a) => a.startsWith('cognito-idp:')))) {
        expect(JSON.stringify(s.Resource)).toContain('UsersUserPool');
      }
    });

    it(`oneTimeSchedules ${grants.oneTimeSchedules ?? false}: the group's schedules and PassRole on Scheduler's invoke role iff declared`, () => {
      const statements = statementsOf(id);
      const scheduling = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('scheduler:')));
      const passing = statements.filter((s) => [s.Action].flat().includes('iam:PassRole'));
      expect(actionsOf(scheduling)).toEqual(grants.oneTimeSchedules ? ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'scheduler:UpdateSchedule'] : []);
      for (const s of scheduling) expect(JSON.stringify(s.Resource)).toContain(':schedule/crm-acme/*');
      expect(passing.length > 0).toBe(Boolean(grants.oneTimeSchedules));
      for (const s of passing) expect(JSON.stringify(s.Resource)).toContain('OneTimeTargetsInvokeRole');
    });

    it('reads the table stream only if it is a stream consumer (granted with its event source mapping)', () => {
      const consumer = app.streamConsumers.some((c) => c.function === id);
      expect(streamActionsOf(id).length > 0).toBe(consumer);
    });
  });

  it('health reads but cannot write', () => {
    const actions = tableActionsOf('health');
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    expect(actions).not.toContain('dynamodb:PutItem');
    expect(actions).not.toContain('dynamodb:UpdateItem');
  });

  it('outbox-publish has no access to table items, reads the stream and puts events', () => {
    expect(tableActionsOf('outbox-publish')).toEqual([]);
    expect(streamActionsOf('outbox-publish')).toEqual(expect.arrayContaining(['dynamodb:GetRecords', 'dynamodb:GetShardIterator']));
    expect(actionsOfFunction('outbox-publish')).toContain('events:PutEvents');
  });

  it('notify-lead-owner sends email and writes (its idempotency records)', () => {
    expect(actionsOfFunction('notify-lead-owner')).toContain('ses:SendEmail');
    expect(tableActionsOf('notify-lead-owner')).toContain('dynamodb:PutItem');
    expect(actionsOfFunction('notify-lead-owner')).not.toContain('events:PutEvents');
  });

  it('only the outbox publisher puts events; no function scans', () => {
    expect(app.functions.filter((fn) => actionsOfFunction(fn.id).includes('events:PutEvents')).map((fn) => fn.id)).toEqual(['outbox-publish']);
    for (const fn of app.functions) expect(actionsOfFunction(fn.id)).not.toContain('dynamodb:Scan');
  });

  it('functions that only serve public GET routes only read', () => {
    // Signed-in routes write their call to the audit trail (ADR 0014), even the GET-only ones.
    const routed = [...new Set(app.routes.map((r) => r.function))];
    const getters = routed.filter((id) => app.routes.filter((r) => r.function === id).every((r) => r.method === 'GET' && r.access === 'public'));
    expect(getters).toEqual(['health', 'openapi']);
    for (const id of getters) expect(['read', 'none'], id).toContain(functionById(id).grants.table);
  });

  it('the OpenAPI document is served from the bundle: its function touches nothing of the app', () => {
    expect(functionById('openapi').grants).toEqual({ table: 'none', putEvents: false, sendEmail: false });
    expect(tableActionsOf('openapi')).toEqual([]);
  });

  it("Scheduler's invoke role for one-time moments may invoke exactly the definition's one-time targets, for this account only", () => {
    const [roleId, role] = Object.entries(roles).find(([logicalId]) => logicalId.includes('OneTimeTargetsInvokeRole'))!;
    expect(JSON.stringify(role.Properties?.AssumeRolePolicyDocument)).toContain('scheduler.amazonaws.com');
    expect(JSON.stringify(role.Properties?.AssumeRolePolicyDocument)).toContain('aws:SourceAccount');
    const attached = policies.filter((p) => (p.Properties!.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })));
    const statements = attached.flatMap((p) => (p.Properties!.PolicyDocument as { Statement: Statement[] }).Statement);
    expect(actionsOf(statements)).toEqual(['lambda:InvokeFunction']);
    const targetLogicalIds = app.oneTimeTargets.map((t) => Object.entries(resourcesOfType(template, 'AWS::Lambda::Function')).find(([, fn]) => fn.Properties?.Environment?.Variables?.CRM_FUNCTION_ID === t.function)![0]);
    const named = new Set(JSON.stringify(statements.map((s) => s.Resource)).match(/Functions[A-Za-z0-9]+/g) ?? []);
    expect([...named].sort()).toEqual([...targetLogicalIds].sort());
  });
});
