import { describe, expect, it } from 'vitest';
import { parseGroupsClaim } from '../../../functions/http/actor';

describe('cognito:groups claim', () => {
  it.each([
    ['[admin sales-rep]', ['admin', 'sales-rep']],
    ['[admin]', ['admin']],
    ['["admin","marketer"]', ['admin', 'marketer']],
    [['executive'], ['executive']],
    ['[superuser admin]', ['admin']],
    [undefined, []],
  ])('%j → %j', (claim, roles) => expect(parseGroupsClaim(claim)).toEqual(roles));
});
