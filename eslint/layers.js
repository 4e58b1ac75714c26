import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The layers (ADR 0019): which folder may import which, as zones of import-x's
 * `no-restricted-paths`. A zone forbids files under `target` to import anything under `from`;
 * imports are resolved first (relative paths, the web's `@shared/*` alias, packages into
 * node_modules), so a zone holds however an import is spelt.
 */
export const root = fileURLToPath(new URL('..', import.meta.url));

const awsSdk = 'node_modules/@aws-sdk';
const powertools = 'node_modules/@aws-lambda-powertools';

/**
 * Where I/O lives (the table, other AWS services, the environment) and the services that drive it;
 * the pure core (domain, rules, contracts) never imports it. shared/notifications (mail templates)
 * is pure too, so the core may name its types.
 */
const io = ['shared/data', 'shared/services', 'shared/adapters', 'shared/config', awsSdk, powertools];

export const zones = [
  {
    target: 'functions',
    from: 'infra',
    message: 'Handlers run without the cloud folder: read what a route needs from shared/api, never infra/.',
  },
  {
    target: 'shared',
    from: ['functions', 'infra', 'web'],
    message: 'shared/ is below the handlers, the infrastructure and the web: it imports none of them.',
  },
  {
    target: ['shared/domain', 'shared/auth', 'shared/api', 'shared/events', 'shared/i18n'],
    from: io,
    message: 'The domain and its contracts are pure: no data access, services, adapters, configuration or AWS SDK.',
  },
  {
    // The AWS SDK is I/O: only the data-access and adapter modules call it (infra/, tests/, bench/ and scripts/ drive AWS themselves).
    target: ['functions', 'shared/services', 'shared/config', 'shared/notifications'],
    from: awsSdk,
    message: 'Call AWS through shared/data (the table) or shared/adapters (everything else).',
  },
  {
    target: ['shared/data', 'shared/adapters'],
    from: 'shared/services',
    message: 'Data access and adapters are below the services.',
  },
  {
    target: 'web',
    from: ['functions', 'infra', 'shared/data', 'shared/services', 'shared/adapters', 'shared/config', 'shared/notifications', awsSdk, powertools],
    message: 'The web shares only the pure part of shared/ (domain, api, auth, events, i18n) with the server.',
  },
  {
    // The web's shared folders serve every feature and know none; app/ composes the features.
    target: ['web/src/api', 'web/src/auth', 'web/src/config', 'web/src/i18n', 'web/src/ui', 'web/src/records', 'web/src/styles'],
    from: 'web/src/features',
    message: 'The web\'s shared folders may not import a feature: move what both need down here.',
  },
  ...featureZones(),
];

/**
 * One zone per web feature: it imports no other feature, except through that feature's public
 * entry (its index.ts, when it has one); what several features need lives in web/src/records, ui or api.
 */
function featureZones() {
  const features = readdirSync(new URL('../web/src/features', import.meta.url), { withFileTypes: true }).filter((d) => d.isDirectory());
  return features.map(({ name }) => ({
    target: `web/src/features/${name}`,
    from: 'web/src/features',
    except: [`./${name}`, ...features.filter((other) => other.name !== name).flatMap((other) => [`./${other.name}/index.ts`, `./${other.name}/index.tsx`])],
    message: `A feature imports no other feature's files but its index.ts: move what ${name} shares to web/src/records, web/src/ui or web/src/api.`,
  }));
}

/** App code reads its environment through shared/config (typed, one list of names); tooling (infra/, scripts/, bench/, tests/, build configs) reads process.env itself. */
export const appCode = ['functions/**', 'shared/**', 'web/src/**'];
export const envReaders = ['shared/config/**'];
export const noProcessEnv = ['error', { object: 'process', property: 'env', message: 'Read the environment through shared/config/runtime-env.ts.' }];
