/**
 * Mutation testing on demand (`npm run mutation`, never in CI or `npm test`): Stryker changes the
 * code of the services and the HTTP layer one mutant at a time and runs the tests that cover it;
 * a mutant no test notices is a gap. The real tests run through vitest.config.ts, so the
 * integration project's global setup starts DynamoDB Local, SES and Cognito as usual.
 * Narrow it: `npm run mutation -- --mutate shared/auth/visibility.ts --testFiles tests/unit/auth/visibility.test.ts`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['shared/services/**/*.ts', 'functions/http/**/*.ts'],
  // The unit and integration projects: infra (CDK synthesis) and e2e (a browser) test neither layer directly.
  testFiles: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
  coverageAnalysis: 'perTest',
  // Mutants only run while a module loads would need every test for each: skipped, counted apart.
  ignoreStatic: true,
  // Each runner is a Vitest with its own emulators; raise it on a machine with cores to spare (--concurrency 4).
  concurrency: 1,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: '.test-results/mutation/index.html' },
  jsonReporter: { fileName: '.test-results/mutation/mutation.json' },
  ignorePatterns: ['.local', '.test-results', '.test-data', '.bench', 'cdk.out', 'web/dist', 'coverage'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
