import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeFields, urlencodedFields } from '../../../functions/forms/form-charset';
import { webUrlSchema } from '../../../shared/domain/common/values';
import { DomainError } from '../../../shared/domain/common/errors';
import { customFieldKey, customValuesInput } from '../../../shared/domain/custom-fields/custom-field';

/** The pure parts of "public input stays data" (issue 12 §4, §5); the API's answers are in tests/integration/public-input.test.ts. */
describe('webUrlSchema', () => {
  const url = webUrlSchema(100);

  it.each(['https://okna.example/каталог?a=1', 'http://localhost:3000/thanks', 'https://сайт.рф', 'HTTPS://OKNA.EXAMPLE'])('takes %s', (value) => {
    expect(url.safeParse(value).success).toBe(true);
  });

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,<b>', 'vbscript:x', 'file:///etc/passwd', 'ftp://okna.example', 'mailto:a@okna.example', 'okna.example', ''])(
    'refuses %j',
    (value) => {
      expect(url.safeParse(value).success).toBe(false);
    },
  );

  it('refuses an address over the field’s length', () => {
    expect(url.safeParse(`https://okna.example/${'a'.repeat(100)}`).success).toBe(false);
  });
});

describe('custom value keys', () => {
  it('names every key that is no custom field key, __proto__ made by JSON.parse included', () => {
    const result = customValuesInput.safeParse(JSON.parse('{"__proto__":{"isAdmin":true},"constructor":1,"prototype":2,"Bad Key":3,"segment":"smb"}'));
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['__proto__', 'constructor', 'prototype', 'Bad Key'], path: [] })]);
  });

  it('passes plain keys through, and refuses what is not an object', () => {
    expect(customValuesInput.parse({ segment: 'smb', contractNumber: 7 })).toEqual({ segment: 'smb', contractNumber: 7 });
    expect(customValuesInput.parse(undefined)).toBeUndefined();
    for (const value of [null, [], 'x', 1]) expect(customValuesInput.safeParse(value).success, JSON.stringify(value)).toBe(false);
  });

  it('never defines a field under a name a plain object answers to', () => {
    for (const key of ['constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) expect(customFieldKey.safeParse(key).success, key).toBe(false);
    expect(customFieldKey.safeParse('contractNumber').success).toBe(true);
  });
});

describe('a form post’s encoding', () => {
  const cp1251 = (text: string) => iconv.encode(text, 'win1251');
  const field = (name: string, value: Buffer | string) => [Buffer.from(name), typeof value === 'string' ? Buffer.from(value) : value] as const;

  it('reads bytes that are not UTF-8 as Windows-1251, all fields alike', () => {
    const fields = decodeFields([field('name', cp1251('Ёлкин Пётр')), field('email', 'a@okna.example'), field('note', cp1251('«окна» — 5 шт.'))], 'application/x-www-form-urlencoded');
    expect({ ...fields }).toEqual({ name: ['Ёлкин Пётр'], email: ['a@okna.example'], note: ['«окна» — 5 шт.'] });
  });

  it('reads valid UTF-8 as UTF-8', () => {
    expect({ ...decodeFields([field('name', 'Ёлкин Пётр')], undefined) }).toEqual({ name: ['Ёлкин Пётр'] });
  });

  it('honours _charset_ over guessing, and the Content-Type’s charset, and consumes _charset_', () => {
    // These bytes are valid UTF-8 ("Р°" read as UTF-8), but the form says they are Windows-1251.
    const ambiguous = Buffer.from('Р°', 'utf8');
    expect({ ...decodeFields([field('_charset_', 'windows-1251'), field('x', ambiguous)], undefined) }).toEqual({ x: [iconv.decode(ambiguous, 'win1251')] });
    expect({ ...decodeFields([field('x', ambiguous)], 'application/x-www-form-urlencoded; charset=windows-1251') }).toEqual({ x: [iconv.decode(ambiguous, 'win1251')] });
    expect({ ...decodeFields([field('_charset_', 'UTF-8'), field('x', ambiguous)], 'application/x-www-form-urlencoded; charset=windows-1251') }).toEqual({ x: ['Р°'] });
  });

  it('refuses a _charset_ it does not know, naming the field', () => {
    const refusal = (() => {
      try {
        decodeFields([field('_charset_', 'klingon-8')], undefined);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).details).toEqual({ fields: [{ path: '_charset_', message: expect.any(String), code: 'unknown_charset' }] });
  });

  it('keeps a field named __proto__ as a field', () => {
    const fields = decodeFields([field('__proto__', 'x'), field('__proto__', 'y'), field('constructor', 'z')], undefined);
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(Object.entries(fields)).toEqual([
      ['__proto__', ['x', 'y']],
      ['constructor', ['z']],
    ]);
  });

  it('splits an urlencoded body into bytes: + is a space, %XX a byte, other bytes as they came', () => {
    const body = Buffer.concat([Buffer.from('a=%C8%E2+1&b&&c=x%3Dy&'), Buffer.from('d='), cp1251('Я')]);
    expect(urlencodedFields(body).map(([n, v]) => [n.toString('latin1'), [...v]])).toEqual([
      ['a', [0xc8, 0xe2, 0x20, 0x31]],
      ['b', []],
      ['c', [...Buffer.from('x=y')]],
      ['d', [0xdf]],
    ]);
  });
});
