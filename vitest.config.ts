import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/fixtures/**', 'tests/.tmp/**'],
    globalSetup: ['tests/global-setup.ts'],
    // Type tests (*.test-d.ts) pin the public config type.
    typecheck: {
      enabled: true,
      include: ['packages/*/src/**/*.test-d.ts'],
      tsconfig: 'packages/theme/tsconfig.json',
    },
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
