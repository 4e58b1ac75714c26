import { Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpNoneAuthorizer, LogGroupLogDestination, type HttpStage, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteDef } from '../../definition/types';
import { acknowledge } from '../acknowledge';
import type { AppFunctions } from './app-functions';

/** Stage-wide throttling: well above a CRM team's use, low enough to cap a runaway client. */
export const apiThrottle = { rateLimit: 200, burstLimit: 400 } as const;
/** The integration API's own budget, so scripts and telephony cannot starve the people's API. */
export const integrationApiThrottle = { rateLimit: 50, burstLimit: 100 } as const;

/**
 * An HTTP API: one route per RouteDef, a Lambda proxy integration (payload 2.0) per function,
 * the given authorizer on every `signed-in` route and none on `public` ones, and one `$default`
 * stage with access logs and throttling. The stack has two: the web's, behind CloudFront with the
 * Cognito JWT authorizer, and the integration API, called directly with API keys (ADR 0015).
 */
export class CrmHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: { name: string; throttle?: { rateLimit: number; burstLimit: number }; callerLogField?: string }) {
    super(scope, id);
    // No CORS: the web UI reaches the API through the same CloudFront origin, integrations from servers.
    this.api = new HttpApi(this, 'Api', { apiName: props.name, createDefaultStage: false });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? apiThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            length: '$context.responseLength',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            user: props.callerLogField ?? '$context.authorizer.claims.sub',
          }),
        ),
      },
    });
  }

  /** Host name of the execute-api endpoint, for the CloudFront origin. */
  get domainName(): string {
    const stack = Stack.of(this);
    return `${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }

  /** The endpoint URL (direct, not through CloudFront). */
  get url(): string {
    return this.api.apiEndpoint;
  }

  addRoutes(props: { routes: readonly RouteDef[]; functions: AppFunctions; authorizer: IHttpRouteAuthorizer }): void {
    const integrations = new Map<string, HttpLambdaIntegration>();
    const integrationFor = (functionId: string) => {
      let integration = integrations.get(functionId);
      if (!integration) {
        // One invoke permission per function and API rather than per route: the 500-resource budget.
        integration = new HttpLambdaIntegration(`${functionId}-integration`, props.functions.get(functionId), { scopePermissionToRoute: false });
        integrations.set(functionId, integration);
      }
      return integration;
    };

    for (const route of props.routes) {
      const [httpRoute] = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrationFor(route.function),
        authorizer: route.access === 'signed-in' ? props.authorizer : new HttpNoneAuthorizer(),
      });
      if (route.access === 'public' && httpRoute) {
        acknowledge(
          httpRoute,
          'AwsSolutions-APIG4',
          'Public by design in the app definition (health check, web-to-lead form posts); guarded by the public-route allow-list test, validation and per-IP rate limits in the handler.',
        );
      }
    }
  }
}
