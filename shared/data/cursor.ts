import * as z from 'zod';
import { invalidField } from '../domain/common/errors';

/**
 * Opaque page cursors: the Query's LastEvaluatedKey, base64url-encoded. A cursor that was not
 * produced by us (wrong shape, other index) is a 400 on `cursor`, never passed to DynamoDB.
 */
const keySchema = z.record(z.string().max(64), z.string().max(1024)).refine((k) => Object.keys(k).length <= 6);

export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  return lastKey ? Buffer.from(JSON.stringify(lastKey)).toString('base64url') : undefined;
}

export function decodeCursor(cursor: string | undefined, expectedKeys: readonly string[]): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidField('cursor', 'not a cursor this list produced');
  }
  const parsed = keySchema.safeParse(decoded);
  const keys = parsed.success ? Object.keys(parsed.data).sort() : [];
  if (!parsed.success || keys.join() !== [...expectedKeys].sort().join()) {
    throw invalidField('cursor', 'not a cursor this list produced');
  }
  return parsed.data;
}
