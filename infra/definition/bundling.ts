/**
 * How every function is bundled, shared by the CDK stack (NodejsFunction) and `npm run bench`
 * (which measures the same bundles). The AWS SDK v3 ships with the Node 22 Lambda runtime, so
 * it stays outside the bundle, as NodejsFunction does by default.
 */
export const bundling = {
  target: 'node22',
  format: 'esm',
  minify: true,
  sourceMap: true,
  externalModules: ['@aws-sdk/*'],
  /** ESM bundles need `require` for the odd CommonJS dependency. */
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
} as const;
