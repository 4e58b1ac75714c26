import { relative } from 'node:path';
import { startLocalStack, type LocalStack } from './local-stack';
import { repoRoot } from './local-paths';

/**
 * `npm start`: the whole CRM on this machine. `npm start -- --fresh` starts with empty data.
 * Ctrl-C (SIGINT) or SIGTERM stops every part and every child process.
 */
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--fresh');
if (unknown.length) {
  console.error(`Unknown option ${unknown.join(' ')}. Usage: npm start [-- --fresh]`);
  process.exit(2);
}

let stack: LocalStack | undefined;
let stopping = false;

async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    // A second Ctrl-C: stop waiting; the exit hook still kills the child processes.
    process.exit(130);
  }
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  await stack?.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  console.log('Starting DynamoDB Local, the SES and Cognito emulators, the event bus, stream poller, scheduler and the app…');
  stack = await startLocalStack({ fresh: args.includes('--fresh') });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') console.error(`The app port is taken (${(error as Error).message}). Start with PORT=<another port> npm start.`);
  // Another stack holds the data directory: the message says all there is to say.
  else if (code === 'ELOCKED') console.error((error as Error).message);
  else console.error(error);
  process.exit(1);
}
if (stopping) process.exit(0);

const dataDir = relative(repoRoot, stack.dataDir) || '.';
const next = Object.entries(stack.scheduler.nextFireTimes())
  .map(([id, at]) => `${id} ${at ? at.toLocaleString('en-GB', { timeZone: stack!.client.timeZone, dateStyle: 'medium', timeStyle: 'short' }) : 'never'}`)
  .join('; ');
console.log(`
  CRM for "${stack.client.displayName}" is running.

  App            ${stack.url}
  Admin login    ${stack.admin.email}
  Password       ${stack.admin.password}   (kept in ${dataDir}/cognito.json)
  Mail viewer    ${stack.mailViewerUrl}
  Web-to-lead    POST ${stack.url}/api/forms/website/submissions
  Health         ${stack.url}/api/health
  Schedules      ${next} (${stack.client.timeZone})
  Data           ${dataDir}/ (npm start -- --fresh starts empty)

  Ctrl-C stops everything.
`);
