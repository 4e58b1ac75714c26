import { createRequire } from 'node:module';
import { spawnService } from './child-process';
import { answersAs, identityEnv, nodeWithIdentity, startOnOwnPort } from './service-identity';

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

/** `port`: the one to use when it is free (npm start's usual 8005); otherwise, or without it, any free one. */
export async function startSesEmulator(options: { port?: number } = {}): Promise<SesEmulator> {
  const cli = createRequire(import.meta.url).resolve('aws-ses-v2-local/dist/cli.js');
  // 127.0.0.1, not localhost: the address probed is the one bound and the one every client calls.
  const endpointOn = (port: number) => `http://127.0.0.1:${port}`;
  const { port, service } = await startOnOwnPort('aws-ses-v2-local', options.port, (port, identity) => ({
    service: spawnService(process.execPath, [...nodeWithIdentity(), cli, '--port', String(port), '--host', '127.0.0.1'], {
      env: { ...process.env, [identityEnv]: identity },
    }),
    isOurs: answersAs(`${endpointOn(port)}/health-check`, identity),
  }));
  const endpoint = endpointOn(port);
  return { endpoint, viewerUrl: `${endpoint}/`, storeUrl: `${endpoint}/store`, stop: service.stop };
}
