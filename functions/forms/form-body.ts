import busboy from 'busboy';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DomainError } from '../../shared/domain/common/errors';
import type { PostedFields } from '../../shared/domain/forms/submission';

/**
 * Reads a form post in any of the encodings websites use: urlencoded (HTML forms), multipart (HTML
 * forms with files, FormData) and JSON (scripts, server-to-server). Text is UTF-8; files are
 * dropped, not stored: a lead form has no business receiving them.
 */
export const maxFormBodyBytes = 64 * 1024;

export async function readFormBody(event: APIGatewayProxyEventV2): Promise<PostedFields> {
  const raw = event.body ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
  if (raw.length > maxFormBodyBytes) {
    throw new DomainError('payload_too_large', `A form post may be at most ${maxFormBodyBytes / 1024} KB`);
  }
  const type = (event.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) return fromSearchParams(new URLSearchParams(raw.toString('utf8')));
  if (type.startsWith('multipart/form-data')) return fromMultipart(raw, event.headers['content-type']!);
  if (type.startsWith('application/json')) return fromJson(raw.toString('utf8'));
  throw new DomainError('unsupported_media_type', 'Post the form as application/x-www-form-urlencoded, multipart/form-data or application/json');
}

function fromSearchParams(params: URLSearchParams): PostedFields {
  const fields: PostedFields = {};
  for (const [name, value] of params) (fields[name] ??= []).push(value);
  return fields;
}

function fromMultipart(raw: Buffer, contentType: string): Promise<PostedFields> {
  return new Promise((resolve, reject) => {
    const fields: PostedFields = {};
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': contentType }, defCharset: 'utf8', defParamCharset: 'utf8', limits: { fields: 100 } });
    } catch {
      reject(new DomainError('unsupported_media_type', 'The multipart body has no boundary'));
      return;
    }
    parser.on('field', (name, value) => (fields[name] ??= []).push(value));
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
  const fields: PostedFields = {};
  for (const [name, v] of Object.entries(value)) {
    const values = Array.isArray(v) ? v : [v];
    fields[name] = values.filter((x) => ['string', 'number', 'boolean'].includes(typeof x)).map(String);
  }
  return fields;
}
