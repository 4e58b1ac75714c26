import { Duration, NestedStack } from 'aws-cdk-lib';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type { Construct } from 'constructs';
import type { RouteDef } from '../../definition/types';
import type { AppFunctions } from './app-functions';
import { CrmHttpApi, integrationApiThrottle } from './crm-http-api';

/**
 * The integration API (ADR 0015): server-to-server callers with an `X-Api-Key`, checked by the
 * key authorizer function; the same functions as the web's API, its own routes and budget. It is
 * a nested stack so its routes do not count against the client stack's 500 resources.
 */
export class IntegrationApiStack extends NestedStack {
  readonly http: CrmHttpApi;

  constructor(scope: Construct, id: string, props: { name: string; routes: readonly RouteDef[]; functions: AppFunctions; authorizerFunction: string }) {
    super(scope, id, { description: 'CRM integration API (API keys)' });
    this.http = new CrmHttpApi(this, 'Http', { name: props.name, throttle: integrationApiThrottle, callerLogField: '$context.authorizer.apiKeyId' });
    this.http.addRoutes({
      routes: props.routes,
      functions: props.functions,
      authorizer: new HttpLambdaAuthorizer('ApiKeyAuthorizer', props.functions.get(props.authorizerFunction), {
        responseTypes: [HttpLambdaResponseType.SIMPLE],
        identitySource: ['$request.header.X-Api-Key'],
        // A revoked key is refused at its next request anyway: the audit write checks it again.
        resultsCacheTtl: Duration.minutes(5),
      }),
    });
  }
}
