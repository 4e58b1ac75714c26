import { describe, expect, it } from 'vitest';
import { app } from '../../../infra/definition/app';
import type { EventPattern } from '../../../infra/definition/types';
import { assertSupportedPattern, matchesPattern, UnsupportedPatternError } from '../../../infra/local/event-pattern';

/**
 * Golden cases for the local bus's pattern matcher, taken from how EventBridge documents its
 * patterns (content filtering, arrays, exists on leaves, typed values, array consistency).
 */
const ec2Event = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-12-22T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0', 'arn:aws:ec2:us-west-1:123456789012:instance/i-0b'],
  detail: {
    'instance-id': 'i-1234567890abcdef0',
    state: 'terminated',
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.123',
    responseElements: null,
    comment: '',
    tags: ['prod', 'web'],
  },
};

const cases: { name: string; pattern: EventPattern; matches: boolean }[] = [
  { name: 'exact value', pattern: { source: ['aws.ec2'] }, matches: true },
  { name: 'exact value is case-sensitive', pattern: { source: ['AWS.EC2'] }, matches: false },
  { name: 'exact value is whole, not a substring', pattern: { source: ['aws.ec'] }, matches: false },
  { name: 'any value of the list (OR)', pattern: { detail: { state: ['running', 'terminated'] } }, matches: true },
  { name: 'every field (AND), one failing', pattern: { source: ['aws.ec2'], detail: { state: ['running'] } }, matches: false },
  { name: 'every field (AND), all matching', pattern: { source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'], detail: { state: ['terminated'] } }, matches: true },
  { name: 'a field the event lacks', pattern: { detail: { missing: ['x'] } }, matches: false },
  { name: 'a nested field the event lacks entirely', pattern: { nothere: { deeper: ['x'] } }, matches: false },
  { name: 'prefix', pattern: { time: [{ prefix: '2017-12-22' }] }, matches: true },
  { name: 'prefix that differs', pattern: { time: [{ prefix: '2018' }] }, matches: false },
  { name: 'prefix never matches a number', pattern: { detail: { 'c-count': [{ prefix: '5' }] } }, matches: false },
  { name: 'anything-but a value', pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } }, matches: true },
  { name: 'anything-but the same value', pattern: { detail: { state: [{ 'anything-but': 'terminated' }] } }, matches: false },
  { name: 'anything-but a list', pattern: { detail: { state: [{ 'anything-but': ['stopped', 'terminated'] }] } }, matches: false },
  { name: 'anything-but a list not containing it', pattern: { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } }, matches: true },
  { name: 'anything-but a number', pattern: { detail: { 'c-count': [{ 'anything-but': 5 }] } }, matches: false },
  { name: 'anything-but numbers not containing it', pattern: { detail: { 'c-count': [{ 'anything-but': [1, 2] }] } }, matches: true },
  { name: 'anything-but needs the field to exist', pattern: { detail: { missing: [{ 'anything-but': 'x' }] } }, matches: false },
  { name: 'numeric range', pattern: { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }], 'd-count': [{ numeric: ['<', 10] }], 'x-limit': [{ numeric: ['=', 3.018e2] }] } }, matches: true },
  { name: 'numeric range excluding the value', pattern: { detail: { 'c-count': [{ numeric: ['>', 5] }] } }, matches: false },
  { name: 'numeric lower bound inclusive', pattern: { detail: { 'c-count': [{ numeric: ['>=', 5, '<', 6] }] } }, matches: true },
  { name: 'numeric never matches a string', pattern: { detail: { state: [{ numeric: ['>', 0] }] } }, matches: false },
  { name: 'exists true on a present leaf', pattern: { detail: { state: [{ exists: true }] } }, matches: true },
  { name: 'exists true on an absent field', pattern: { detail: { missing: [{ exists: true }] } }, matches: false },
  { name: 'exists false on an absent field', pattern: { detail: { missing: [{ exists: false }] } }, matches: true },
  { name: 'exists false on a present leaf', pattern: { detail: { state: [{ exists: false }] } }, matches: false },
  { name: 'exists only works on leaves, not on an object', pattern: { detail: [{ exists: true }] }, matches: false },
  { name: 'null matches a null value', pattern: { detail: { responseElements: [null] } }, matches: true },
  { name: 'null does not match an absent field', pattern: { detail: { missing: [null] } }, matches: false },
  { name: 'empty string matches an empty string', pattern: { detail: { comment: [''] } }, matches: true },
  { name: 'values are typed: 5 is not "5"', pattern: { detail: { 'c-count': ['5'] } }, matches: false },
  { name: 'values are typed: "terminated" is not a number', pattern: { detail: { state: [5] } }, matches: false },
  { name: 'numbers compare as numbers', pattern: { detail: { 'x-limit': [301.80] } }, matches: true },
  { name: 'an event array matches when any element does', pattern: { resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-0b'] }, matches: true },
  { name: 'an event array matches none', pattern: { detail: { tags: ['staging'] } }, matches: false },
  { name: 'anything-but over an array: some element differs', pattern: { detail: { tags: [{ 'anything-but': 'prod' }] } }, matches: true },
  { name: 'prefix over an array', pattern: { resources: [{ prefix: 'arn:aws:ec2:us-west-1' }] }, matches: true },
  { name: 'OR across different matchers', pattern: { detail: { state: [{ prefix: 'run' }, 'terminated'] } }, matches: true },
];

describe('EventBridge pattern matching (golden cases)', () => {
  it.each(cases)('$name → $matches', ({ pattern, matches }) => {
    expect(matchesPattern(pattern, ec2Event)).toBe(matches);
  });

  it('matches fields of a nested pattern within one array element at a time (array consistency)', () => {
    const event = {
      detail: {
        employees: [
          { first: 'John', last: 'Doe' },
          { first: 'Anna', last: 'Smith' },
        ],
      },
    };
    expect(matchesPattern({ detail: { employees: { first: ['Anna'], last: ['Smith'] } } }, event)).toBe(true);
    expect(matchesPattern({ detail: { employees: { first: ['Anna'], last: ['Doe'] } } }, event)).toBe(false);
  });

  it('matches the CRM rule on the events the outbox publishes, and only those', () => {
    const rule = app.rules.find((r) => r.id === 'lead-captured-notify-owner')!;
    const captured = { ...ec2Event, source: 'crm.leads', 'detail-type': 'LeadCaptured', detail: { lead: { id: 'L1' } } };
    expect(matchesPattern(rule.eventPattern, captured)).toBe(true);
    expect(matchesPattern(rule.eventPattern, { ...captured, 'detail-type': 'LeadUpdated' })).toBe(false);
    expect(matchesPattern(rule.eventPattern, { ...captured, source: 'crm.deals' })).toBe(false);
  });

  it('never matches something that is not an event object', () => {
    expect(matchesPattern({ source: ['x'] }, null)).toBe(false);
    expect(matchesPattern({ source: ['x'] }, ['x'])).toBe(false);
  });
});

describe('the supported subset', () => {
  it('every rule of the app definition uses only the subset the local bus evaluates exactly', () => {
    expect(app.rules.length).toBeGreaterThan(0);
    for (const rule of app.rules) expect(() => assertSupportedPattern(rule.eventPattern), rule.id).not.toThrow();
  });

  it.each([
    ['suffix', { source: [{ suffix: '.png' }] }, /operator "suffix"/],
    ['wildcard', { source: [{ wildcard: 'crm.*' }] }, /operator "wildcard"/],
    ['equals-ignore-case', { source: [{ 'equals-ignore-case': 'CRM' }] }, /operator "equals-ignore-case"/],
    ['cidr', { detail: { ip: [{ cidr: '10.0.0.0/24' }] } }, /\$\.detail\.ip\[0\]: operator "cidr"/],
    ['$or', { $or: [{ source: ['a'] }, { source: ['b'] }] }, /\$\.\$or/],
    ['anything-but with a prefix', { source: [{ 'anything-but': { prefix: 'crm' } }] }, /malformed "anything-but"/],
    ['a malformed numeric range', { detail: { n: [{ numeric: ['>', '5'] }] } }, /malformed "numeric"/],
    ['an unknown numeric operator', { detail: { n: [{ numeric: ['!=', 5] }] } }, /malformed "numeric"/],
    ['two operators in one matcher', { source: [{ prefix: 'a', exists: true }] }, /one operator/],
    ['an empty list', { source: [] }, /empty list/],
    ['an empty pattern', {}, /non-empty object/],
    ['a bare value instead of a list', { source: 'crm.leads' }, /non-empty object/],
  ])('refuses %s', (_name, pattern, message) => {
    expect(() => assertSupportedPattern(pattern)).toThrow(UnsupportedPatternError);
    expect(() => assertSupportedPattern(pattern)).toThrow(message);
  });

  it('accepts every operator of the subset', () => {
    expect(() =>
      assertSupportedPattern({
        source: ['crm.leads', { prefix: 'crm.' }],
        detail: { n: [{ numeric: ['>=', 0, '<', 10] }], s: [{ 'anything-but': ['a', 1] }], t: [{ exists: false }], u: [null, true, 3] },
      }),
    ).not.toThrow();
  });
});
