import { envNames } from '../../shared/config/runtime-env';

/** Environment a handler sees in tests: the local emulators and a client configured like `local`. */
/** What apiEvent() presents as the edge, unless a test plays a caller that went around it. */
export const testEdgeSecret = 'test-edge-secret';

export function localTestEnv(options: { dynamoEndpoint: string; tableName: string; sesEndpoint?: string; cognitoEndpoint?: string; userPoolId?: string }): Record<string, string> {
  return {
    ...(options.sesEndpoint ? { AWS_ENDPOINT_URL_SESV2: options.sesEndpoint } : {}),
    ...(options.cognitoEndpoint ? { AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: options.cognitoEndpoint } : {}),
    ...(options.userPoolId ? { [envNames.userPoolId]: options.userPoolId } : {}),
    [envNames.displayName]: 'Тест',
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: options.dynamoEndpoint,
    [envNames.tableName]: options.tableName,
    [envNames.tableIndexes]: '{}',
    [envNames.eventBusName]: 'crm-test',
    [envNames.senderEmail]: 'crm@example.com',
    [envNames.appUrl]: 'http://localhost:3000',
    [envNames.locale]: 'ru',
    [envNames.timeZone]: 'Europe/Moscow',
    [envNames.currency]: 'RUB',
    [envNames.allowedFormOrigins]: 'http://localhost:3000',
    [envNames.edgeSecret]: testEdgeSecret,
  };
}
