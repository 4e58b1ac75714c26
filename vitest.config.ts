import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * One run, four projects. Integration tests share one DynamoDB Local started by the global setup;
 * each test file gets its own table. End-to-end tests start the whole local stack themselves.
 */
export default defineConfig({
  test: {
    projects: [
      {
        // The web's pure modules are unit-tested too; they import the domain as the web build does.
        resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/dynamodb-global-setup.ts'],
          setupFiles: ['tests/support/test-table.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['tests/infra/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A browser waits on a whole local stack (cold functions, Cognito, the stream poller): waiting
          // for what a user would see may take seconds on a loaded machine, never a failure by itself.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
