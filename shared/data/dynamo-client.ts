import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env } from '../config/runtime-env';

/**
 * One document client per process, created on first use (not at import, so a cold start pays
 * only when the table is needed). The endpoint comes from AWS_ENDPOINT_URL_DYNAMODB locally.
 */
let documentClient: DynamoDBDocumentClient | undefined;

export function dynamo(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return documentClient;
}

export const tableName = (): string => env('tableName');
