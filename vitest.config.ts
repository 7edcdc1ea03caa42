import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/fixtures/**', 'tests/.tmp/**'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // Site builds are CPU-bound and the machine has two cores: do not run two test files at once.
    fileParallelism: false,
    // CI reads the JSON report to print its one-line summary (.ci/run).
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: 'tests/.tmp/vitest-report.json' }]]
      : ['default'],
  },
});
