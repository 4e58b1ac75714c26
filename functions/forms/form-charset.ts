import { TextDecoder } from 'node:util';
import { invalidField } from '../../shared/domain/common/errors';
import type { PostedFields } from '../../shared/domain/forms/submission';

/**
 * Which encoding a form post's text is in. Browsers name none for urlencoded and multipart posts:
 * they send the page's encoding, and many Russian sites are still Windows-1251. So: the `_charset_`
 * field a form may carry (browsers fill it with the encoding they used), else a charset the
 * Content-Type names, else UTF-8 if every byte reads as strict UTF-8, else Windows-1251. The
 * whole post is read in one encoding, as a browser sends it.
 */

/** A posted field as the bytes that came over the wire. */
export type RawField = readonly [name: Buffer, value: Buffer];

/** The field browsers fill with the encoding of the post (HTML: the `_charset_` hidden input). */
export const charsetField = '_charset_';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A decoder for an encoding the Encoding Standard knows by that label (`windows-1251`, `cp1251`,
 * `koi8-r`, `utf-8`…), or undefined. Node's own TextDecoder (full ICU, as in Lambda's runtime):
 * iconv-lite's tables would triple the public form's bundle.
 */
function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

const isUtf8 = (bytes: Buffer): boolean => {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** The encoding the post names: its `_charset_` field (which must be one we know), else the Content-Type's charset when known. */
function namedCharset(fields: readonly RawField[], contentType: string | undefined): string | undefined {
  const field = fields.find(([name]) => name.toString('latin1') === charsetField);
  if (field) {
    const named = field[1].toString('latin1').trim();
    if (!decoderFor(named)) throw invalidField(charsetField, 'an encoding such as UTF-8 or windows-1251', 'unknown_charset');
    return named;
  }
  const declared = /;\s*charset="?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1];
  return declared && decoderFor(declared) ? declared : undefined;
}

/** The fields as text, `_charset_` consumed; a null-prototype map, so a field named `__proto__` is just a field. */
export function decodeFields(fields: readonly RawField[], contentType: string | undefined): PostedFields {
  const charset = namedCharset(fields, contentType) ?? (fields.every(([name, value]) => isUtf8(name) && isUtf8(value)) ? 'utf-8' : 'windows-1251');
  const decoder = decoderFor(charset)!;
  const decoded: PostedFields = Object.create(null) as PostedFields;
  for (const [rawName, rawValue] of fields) {
    const name = decoder.decode(rawName);
    if (name === charsetField) continue;
    (decoded[name] ??= []).push(decoder.decode(rawValue));
  }
  return decoded;
}

/** An urlencoded body's fields as bytes: `+` is a space, `%XX` a byte, anything else the byte it is. */
export function urlencodedFields(body: Buffer): RawField[] {
  const bytes = (text: string) => Buffer.from(text.replace(/\+/g, ' ').replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  return body
    .toString('latin1')
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const at = pair.indexOf('=');
      return at < 0 ? [bytes(pair), Buffer.alloc(0)] : [bytes(pair.slice(0, at)), bytes(pair.slice(at + 1))];
    });
}
