import type { EventPattern, PatternMatcher } from '../definition/types';

/**
 * EventBridge event pattern matching for the subset the app definition may use
 * (docs/decisions/0003-event-patterns.md): exact values, `prefix`, `anything-but` (one value or a
 * list), `exists`, `numeric` ranges, nested objects. Semantics follow EventBridge:
 * - every field of the pattern must match (AND), any matcher of a field's list may match (OR);
 * - matchers apply to leaf values only; an object is not a leaf, so `exists` is false for it;
 * - an array in the event matches when any of its elements matches, and the fields of a nested
 *   pattern are matched against one array element at a time (EventBridge's array consistency);
 * - values are typed: the number 5 does not match the string "5".
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export function matchesPattern(pattern: EventPattern, event: unknown): boolean {
  return isObject(event) && matchesObject(pattern, event as JsonObject);
}

function matchesObject(pattern: EventPattern, event: JsonObject): boolean {
  return Object.entries(pattern).every(([field, rule]) => {
    const value = Object.hasOwn(event, field) ? event[field] : undefined;
    if (Array.isArray(rule)) return matchesLeaves(rule as readonly PatternMatcher[], leavesOf(value));
    // A nested pattern is matched against each object the field holds (one, or an array of them).
    return objectsOf(value).some((inner) => matchesObject(rule as EventPattern, inner));
  });
}

function matchesLeaves(matchers: readonly PatternMatcher[], leaves: readonly Leaf[]): boolean {
  return matchers.some((matcher) => {
    if (isObject(matcher) && 'exists' in matcher) return matcher.exists === leaves.length > 0;
    return leaves.some((leaf) => matchesLeaf(matcher, leaf));
  });
}

type Leaf = null | boolean | number | string;

function matchesLeaf(matcher: PatternMatcher, leaf: Leaf): boolean {
  if (!isObject(matcher)) return matcher === leaf;
  if ('prefix' in matcher) return typeof leaf === 'string' && leaf.startsWith(matcher.prefix);
  if ('anything-but' in matcher) {
    const excluded = matcher['anything-but'];
    return !(Array.isArray(excluded) ? excluded : [excluded]).includes(leaf as string | number);
  }
  if ('numeric' in matcher) return typeof leaf === 'number' && inNumericRange(matcher.numeric, leaf);
  return false;
}

function inNumericRange(conditions: readonly (string | number)[], value: number): boolean {
  for (let i = 0; i < conditions.length; i += 2) {
    if (!numericOperators[conditions[i] as string]!(value, conditions[i + 1] as number)) return false;
  }
  return true;
}

const numericOperators: Record<string, (value: number, bound: number) => boolean> = {
  '=': (value, bound) => value === bound,
  '<': (value, bound) => value < bound,
  '<=': (value, bound) => value <= bound,
  '>': (value, bound) => value > bound,
  '>=': (value, bound) => value >= bound,
};

/** The leaf values a field holds: none when absent or an object, the elements of an array. */
function leavesOf(value: Json | undefined): Leaf[] {
  if (value === undefined || isObject(value)) return [];
  if (Array.isArray(value)) return value.flatMap((v) => leavesOf(v));
  return [value as Leaf];
}

function objectsOf(value: Json | undefined): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap((v) => objectsOf(v));
  return isObject(value) ? [value as JsonObject] : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class UnsupportedPatternError extends Error {
  override name = 'UnsupportedPatternError';
}

/**
 * Throws unless the pattern stays inside the supported subset, naming the offending field, so a
 * rule the local bus cannot evaluate exactly is refused instead of silently matching differently.
 */
export function assertSupportedPattern(pattern: unknown, path = '$'): asserts pattern is EventPattern {
  if (!isObject(pattern) || Object.keys(pattern).length === 0) {
    throw new UnsupportedPatternError(`${path}: a pattern is a non-empty object of fields`);
  }
  for (const [field, rule] of Object.entries(pattern)) {
    const at = `${path}.${field}`;
    if (Array.isArray(rule)) {
      if (rule.length === 0) throw new UnsupportedPatternError(`${at}: an empty list matches nothing`);
      rule.forEach((matcher, i) => assertSupportedMatcher(matcher, `${at}[${i}]`));
    } else {
      assertSupportedPattern(rule, at);
    }
  }
}

function assertSupportedMatcher(matcher: unknown, at: string): void {
  if (matcher === null || ['string', 'number', 'boolean'].includes(typeof matcher)) return;
  if (!isObject(matcher) || Object.keys(matcher).length !== 1) {
    throw new UnsupportedPatternError(`${at}: a matcher is a value or an object with one operator`);
  }
  const [operator, operand] = Object.entries(matcher)[0]!;
  const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number';
  switch (operator) {
    case 'prefix':
      if (typeof operand === 'string') return;
      break;
    case 'exists':
      if (typeof operand === 'boolean') return;
      break;
    case 'anything-but':
      if (scalar(operand) || (Array.isArray(operand) && operand.length > 0 && operand.every(scalar))) return;
      break;
    case 'numeric':
      if (isNumericRange(operand)) return;
      break;
    default:
      throw new UnsupportedPatternError(`${at}: operator "${operator}" is outside the supported subset (exact, prefix, anything-but, exists, numeric)`);
  }
  throw new UnsupportedPatternError(`${at}: malformed "${operator}" operand ${JSON.stringify(operand)}`);
}

function isNumericRange(operand: unknown): boolean {
  if (!Array.isArray(operand) || operand.length === 0 || operand.length > 4 || operand.length % 2 !== 0) return false;
  for (let i = 0; i < operand.length; i += 2) {
    if (!Object.hasOwn(numericOperators, String(operand[i])) || typeof operand[i + 1] !== 'number') return false;
  }
  return true;
}
