import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The web UI's initial JavaScript (ARCHITECTURE.md: ≤ 300 KB gzip): what `index.html` loads before
 * the first page shows — its entry script and the chunks it preloads. Each page's own chunk comes
 * with its route (web/src/app/lazy-page.ts) and is reported as the largest lazy chunk.
 */
export interface WebBundle {
  initialGzipBytes: number;
  initialBytes: number;
  largestLazyChunkGzipBytes: number;
  chunks: number;
}

export function measureWebBundle(root: string): WebBundle {
  const dist = join(root, 'web', 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!));
  const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const size = (file: string) => {
    const bytes = readFileSync(join(dist, file));
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const initialSizes = [...initial].map(size);
  const lazy = all.filter((f) => !initial.has(f)).map(size);
  return {
    initialGzipBytes: initialSizes.reduce((sum, s) => sum + s.gzip, 0),
    initialBytes: initialSizes.reduce((sum, s) => sum + s.raw, 0),
    largestLazyChunkGzipBytes: Math.max(0, ...lazy.map((s) => s.gzip)),
    chunks: all.length,
  };
}
