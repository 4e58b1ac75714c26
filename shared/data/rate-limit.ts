import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './dynamo-client';
import { entities, rateLimitKeys } from './keys';

/**
 * Fixed-window counter in the table: one atomic ADD per hit, so every Lambda instance shares the
 * same count. Windows expire through TTL shortly after they close.
 */
export async function withinRateLimit(scope: string, subject: string, limit: number, windowSeconds: number, now: Date): Promise<boolean> {
  const windowStart = Math.floor(now.getTime() / 1000 / windowSeconds) * windowSeconds;
  const result = await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: rateLimitKeys.window(scope, subject, String(windowStart)),
      UpdateExpression: 'ADD #hits :one SET #entity = :entity, #expiresAt = :expiresAt',
      ExpressionAttributeNames: { '#hits': 'hits', '#entity': 'entity', '#expiresAt': 'expiresAt' },
      ExpressionAttributeValues: { ':one': 1, ':entity': entities.rateLimit, ':expiresAt': windowStart + 2 * windowSeconds },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(result.Attributes?.hits ?? 0) <= limit;
}
