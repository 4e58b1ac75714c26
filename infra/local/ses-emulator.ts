import { createRequire } from 'node:module';
import { answers, spawnService, waitUntilReady } from './child-process';

/**
 * SES on a laptop: aws-ses-v2-local as a child process. SESv2 SendEmail reaches it through
 * AWS_ENDPOINT_URL_SESV2; sent mail is shown at `/` and listed as JSON at `/store`.
 */
export interface SesEmulator {
  readonly endpoint: string;
  readonly viewerUrl: string;
  readonly storeUrl: string;
  stop(): Promise<void>;
}

export async function startSesEmulator(options: { port: number }): Promise<SesEmulator> {
  const cli = createRequire(import.meta.url).resolve('aws-ses-v2-local/dist/cli.js');
  const service = spawnService(process.execPath, [cli, '--port', String(options.port), '--host', 'localhost']);
  const endpoint = `http://localhost:${options.port}`;
  await waitUntilReady('aws-ses-v2-local', service, answers(`${endpoint}/health-check`));
  return { endpoint, viewerUrl: `${endpoint}/`, storeUrl: `${endpoint}/store`, stop: service.stop };
}
