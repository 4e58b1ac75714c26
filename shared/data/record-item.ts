/** Attributes that belong to the table's layout, not to the record they are stored with. */
const layoutAttributes = new Set(['pk', 'sk', 'entity', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'gsi4pk', 'gsi4sk', 'gsi5pk', 'gsi5sk', 'expiresAt']);

export function stripLayout<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !layoutAttributes.has(key))) as T;
}

export interface Condition {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

/** The request fields of a condition, for a single-item write. */
export const conditionParams = (condition: Condition) => ({
  ConditionExpression: condition.expression,
  ...(condition.names ? { ExpressionAttributeNames: condition.names } : {}),
  ...(condition.values ? { ExpressionAttributeValues: condition.values } : {}),
});

/** Puts a new record only if its key is free. */
export const mustNotExist: Condition = { expression: 'attribute_not_exists(pk)' };

/** Replaces a record only if nobody saved it since `version` was read (optimistic locking). */
export const mustHaveVersion = (version: number): Condition => ({
  expression: '#version = :expectedVersion',
  names: { '#version': 'version' },
  values: { ':expectedVersion': version },
});
