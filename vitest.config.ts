import { defineConfig } from 'vitest/config';

// Three kinds of tests, one runner:
//   unit         *.test.ts beside the code, no I/O beyond the process
//   integration  *.int.test.ts through app.inject on a cloned PGlite template; a second
//                project runs the same files on PostgreSQL when TEST_DATABASE_URL is set
//   e2e          e2e/*.e2e.ts, Playwright driving Debian Chromium against a real server
const integrationFiles = ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'];

const integration = (name: string, engine: 'pglite' | 'postgres') => ({
  test: {
    name,
    include: integrationFiles,
    globalSetup: ['test/global-setup.ts'],
    env: { KELISIM_TEST_ENGINE: engine },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: integrationFiles } },
      integration('integration', 'pglite'),
      ...(process.env.TEST_DATABASE_URL ? [integration('integration-postgres', 'postgres')] : []),
      { test: { name: 'e2e', include: ['e2e/**/*.e2e.ts'], testTimeout: 120_000, hookTimeout: 180_000 } },
    ],
  },
});
