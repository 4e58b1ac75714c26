import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocument } from '../infra/definition/openapi-document';

/** Writes the API's OpenAPI document to shared/api/openapi.json, which GET /api/openapi.json serves (ADR 0017). */
const target = join(import.meta.dirname, '..', 'shared', 'api', 'openapi.json');
writeFileSync(target, `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
console.log(`Wrote ${target}`);
