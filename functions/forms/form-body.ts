import busboy from 'busboy';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DomainError } from '../../shared/domain/common/errors';
import type { PostedFields } from '../../shared/domain/forms/submission';
import { decodeFields, urlencodedFields, type RawField } from './form-charset';

/**
 * Reads a form post in any of the encodings websites use: urlencoded (HTML forms), multipart (HTML
 * forms with files, FormData) and JSON (scripts, server-to-server). Form text is read in the
 * encoding the page posted it in (form-charset.ts), JSON as UTF-8; files are dropped, not stored:
 * a lead form has no business receiving them.
 */
export const maxFormBodyBytes = 64 * 1024;

export async function readFormBody(event: APIGatewayProxyEventV2): Promise<PostedFields> {
  const raw = event.body ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
  if (raw.length > maxFormBodyBytes) {
    throw new DomainError('payload_too_large', `A form post may be at most ${maxFormBodyBytes / 1024} KB`);
  }
  const type = (event.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) return decodeFields(urlencodedFields(raw), type);
  if (type.startsWith('multipart/form-data')) return decodeFields(await fromMultipart(raw, event.headers['content-type']!), type);
  if (type.startsWith('application/json')) return fromJson(raw.toString('utf8'));
  throw new DomainError('unsupported_media_type', 'Post the form as application/x-www-form-urlencoded, multipart/form-data or application/json');
}

/** A multipart body's fields as bytes (latin1 keeps each byte as it came), for decodeFields to read. */
function fromMultipart(raw: Buffer, contentType: string): Promise<RawField[]> {
  return new Promise((resolve, reject) => {
    const fields: RawField[] = [];
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': contentType }, defCharset: 'latin1', defParamCharset: 'latin1', limits: { fields: 100 } });
    } catch {
      reject(new DomainError('unsupported_media_type', 'The multipart body has no boundary'));
      return;
    }
    parser.on('field', (name, value) => fields.push([Buffer.from(name, 'latin1'), Buffer.from(value, 'latin1')]));
    parser.on('file', (_name, stream) => stream.resume());
    parser.on('error', () => reject(new DomainError('validation_failed', 'The multipart body is malformed', { fields: [{ path: 'body', message: 'malformed multipart body', code: 'invalid_body' }] })));
    parser.on('close', () => resolve(fields));
    parser.end(raw);
  });
}

function fromJson(text: string): PostedFields {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DomainError('validation_failed', 'The body is not valid JSON', { fields: [{ path: 'body', message: 'not valid JSON', code: 'invalid_json' }] });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DomainError('validation_failed', 'Post a JSON object of field names to values', { fields: [{ path: 'body', message: 'expected an object', code: 'invalid_type' }] });
  }
  const fields: PostedFields = Object.create(null) as PostedFields;
  for (const [name, v] of Object.entries(value)) {
    const values = Array.isArray(v) ? v : [v];
    fields[name] = values.filter((x) => ['string', 'number', 'boolean'].includes(typeof x)).map(String);
  }
  return fields;
}
