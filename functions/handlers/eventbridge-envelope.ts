import * as z from 'zod';

/**
 * The EventBridge envelope, field for field as Powertools' parser declares it
 * (`EventBridgeSchema`). Declared here because that module imports zod's `z` object, which pulls
 * all of zod (about 450 KB, locales included) into every consumer's bundle, where the namespace
 * import used across the app keeps only what is used.
 */
export const eventBridgeEnvelope = z.object({
  version: z.string(),
  id: z.string(),
  source: z.string(),
  account: z.string(),
  time: z.iso.datetime(),
  region: z.string(),
  resources: z.array(z.string()),
  'detail-type': z.string(),
  detail: z.unknown(),
  'replay-name': z.string().optional(),
});
