import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { app } from '../../infra/definition/app';
import { integrationRoutes } from '../../infra/definition/integration-api';
import { integrationApiThrottle } from '../../infra/stack/constructs/crm-http-api';
import { IntegrationApiStack } from '../../infra/stack/constructs/integration-api-stack';
import { auditMetric } from '../../infra/stack/constructs/operations-alarms';
import { verificationCodeTemplate } from '../../shared/notifications/account-emails';
import { loadClientConfig } from '../../infra/config/client-config';
import { resourcesOfType, synthCached } from './support/synth';

/**
 * The integration API (ADR 0015), the user pool's own mail and the audit alarm, as synthesized:
 * every key route behind the key authorizer, none public, nothing people-only exposed.
 */
const { stack, template } = synthCached('acme');
const nested = stack.node.children.find((c): c is IntegrationApiStack => c instanceof IntegrationApiStack);
if (!nested) throw new Error('the stack has no integration API');
const integration = Template.fromStack(nested);
const routes = Object.values(resourcesOfType(integration, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties!);

describe('integration API', () => {
  it('serves exactly the definition’s integration routes, every one behind the API key authorizer', () => {
    expect(routes.map((r) => r.RouteKey as string).sort()).toEqual(integrationRoutes(app).map((r) => `${r.method} ${r.path}`).sort());
    const [authorizerId] = Object.keys(resourcesOfType(integration, 'AWS::ApiGatewayV2::Authorizer'));
    for (const route of routes) expect(route, route.RouteKey as string).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: authorizerId } });
  });

  it('leaves out what only people do: sessions, keys, access requests, user administration, the portal', () => {
    const keys = routes.map((r) => r.RouteKey as string);
    for (const peopleOnly of ['POST /api/session', 'POST /api/api-keys', 'POST /api/access-requests', 'POST /api/users/invitations', 'PUT /api/users/{userId}/roles', 'GET /api/portal/deals']) {
      expect(keys).not.toContain(peopleOnly);
    }
    expect(keys).toContain('GET /api/leads');
    expect(keys).toContain('GET /api/users');
  });

  it('authorizes with the key authorizer function: simple responses, the X-Api-Key header, a short cache', () => {
    integration.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      AuthorizerPayloadFormatVersion: '2.0',
      EnableSimpleResponses: true,
      IdentitySource: ['$request.header.X-Api-Key'],
      AuthorizerResultTtlInSeconds: 300,
    });
  });

  it('has its own, lower throttling than the web API', () => {
    integration.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: integrationApiThrottle.rateLimit, ThrottlingBurstLimit: integrationApiThrottle.burstLimit },
    });
  });
});

describe('user pool mail and alarms', () => {
  const client = loadClientConfig('acme');

  it('mails password-reset codes from the client address through SES, with the CRM’s template', () => {
    const code = verificationCodeTemplate(client.locale, client.displayName);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      // CDK encodes a non-ASCII sender name as RFC 2047.
      EmailConfiguration: { EmailSendingAccount: 'DEVELOPER', From: Match.stringLikeRegexp(`<${client.senderEmail.replace(/\./g, '\\.')}>$`) },
      VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE', EmailMessage: code.body, EmailSubject: code.subject },
    });
  });

  it('alarms the admin on the first failed audit write, counted from every signed-in API function’s log', () => {
    const apiFunctions = new Set(app.routes.filter((r) => r.access === 'signed-in').map((r) => r.function));
    expect(Object.keys(resourcesOfType(template, 'AWS::Logs::MetricFilter'))).toHaveLength(apiFunctions.size);
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      MetricTransformations: [{ MetricNamespace: auditMetric.namespace, MetricName: auditMetric.name, MetricValue: '1', DefaultValue: 0 }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: auditMetric.name, Namespace: auditMetric.namespace, Threshold: 1, Statistic: 'Sum' });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: client.adminEmail });
  });
});
