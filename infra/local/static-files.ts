import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/**
 * The built web UI, served as S3 + CloudFront serve it in the cloud: files by path with their
 * content type, fingerprinted assets cached for a year, everything else revalidated, and the
 * SPA's index.html for any path that is not a file (client-side routes such as /leads/123).
 */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export async function serveStatic(req: IncomingMessage, res: ServerResponse, distDir: string, pathname: string): Promise<void> {
  const root = resolve(distDir);
  if (!existsSync(join(root, 'index.html'))) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The web UI is not built: run `npm run build:web` (npm start does it for you).\n');
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = '';
  }
  const requested = resolve(root, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  // Never outside the build folder, whatever the path says.
  const inside = requested === root || requested.startsWith(root + sep);
  const file = inside && (await isFile(requested)) ? requested : undefined;
  if (!file && extname(decoded) !== '' && extname(decoded) !== '.html') {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
    res.end('Not found\n');
    return;
  }
  const target = file ?? join(root, 'index.html');
  const { size } = await stat(target);
  const fingerprinted = target.startsWith(join(root, 'assets') + sep);
  res.writeHead(200, {
    'content-type': contentTypes[extname(target).toLowerCase()] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': fingerprinted ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(target).pipe(res);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
