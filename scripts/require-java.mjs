// DynamoDB Local is Amazon's Java engine: fail fast with a clear message instead of a cryptic spawn error later.
import { spawnSync } from 'node:child_process';

const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
const banner = `${result.stderr ?? ''}${result.stdout ?? ''}`;
const major = Number(/version "(\d+)/.exec(banner)?.[1] ?? 0);

if (result.error || major < 17) {
  const found = result.error ? 'no `java` on the PATH' : `Java ${major} found`;
  console.error(`
The CRM needs Java 17 or newer to run DynamoDB Local (${found}).
Install it, then run the command again:
  Debian/Ubuntu:  sudo apt-get install -y openjdk-17-jre-headless
  macOS:          brew install openjdk@17
  Windows:        winget install Microsoft.OpenJDK.17
`);
  process.exit(1);
}
