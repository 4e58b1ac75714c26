import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web UI: a React SPA built into web/dist, which the local runtime serves at `/` and the
 * stack uploads to S3 behind CloudFront. The API lives on the same origin under /api, so the dev
 * server proxies /api and /config.json to a running `npm start` (port 3000).
 */
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiOrigin = process.env.CRM_API_ORIGIN ?? 'http://localhost:3000';

export default defineConfig({
  root: webRoot,
  publicDir: 'public',
  cacheDir: fileURLToPath(new URL('../node_modules/.vite-web', import.meta.url)),
  resolve: {
    alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) },
  },
  // Vite 8 transforms TSX with Oxc; React 19's automatic runtime, no plugin needed.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // React libraries mark modules "use client" for server components; meaningless in an SPA bundle.
    rolldownOptions: { checks: { moduleLevelDirective: false } },
  },
  server: {
    port: 5173,
    proxy: { '/api': apiOrigin, '/config.json': apiOrigin },
  },
});
