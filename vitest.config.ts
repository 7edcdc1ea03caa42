import { defineConfig } from 'vitest/config';

/**
 * Three projects, so a contributor can run one kind of test alone (`pnpm test:unit`, `pnpm test:build`,
 * `pnpm test:browser`) and `pnpm test` still runs all of them in one Vitest run and one JSON report.
 *
 * - `unit`: pure tests beside their unit and the checks that read files of the repository (docs, CSS).
 *   They import sources, never `dist/`, build nothing, and run in parallel in seconds.
 * - `build`: what builds or runs a site, a package or a server: fixture and example builds, the
 *   tarball, the comment receiver under load, and lint (type-aware rules read the packages' `dist/`
 *   types, and ESLint is as CPU-bound as a build).
 * - `browser`: what launches Chromium (playwright-core, axe-core, Lighthouse).
 *
 * Builds and browsers are CPU-bound and the machine has two cores: those projects run one file at a
 * time, and after each other (`sequence.groupOrder`) so a browser never measures a page while a build
 * competes for the CPU.
 */

/** Builds the example newsroom, once per run of `build`, `browser` or both, before their tests. */
const exampleSetup = ['tests/global-setup.ts'];

/** The tests that build a site or a package, read the built example, or run a server. */
const BUILD_TESTS = [
  'tests/*.test.ts',
  'tests/validity/**/*.test.ts',
  // 2,000 concurrent submissions to a receiver in a child process, and one killed with SIGKILL.
  'packages/comments/test/server.test.ts',
];

/** Tests under tests/ that only read files of the repository. */
const PURE_REPO_TESTS = [
  'tests/docs.test.ts',
  'tests/docs-samples.test.ts',
  'tests/docs-commands.test.ts',
  'tests/logical-css.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    exclude: ['**/node_modules/**', '**/dist/**', '**/fixtures/**', 'tests/.tmp/**'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // CI reads the JSON report to print its one-line summary (.ci/run).
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: 'tests/.tmp/vitest-report.json' }]]
      : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // All of packages/*/src: none builds; integrations/search-index.test.ts runs Pagefind's binary on
          // four tiny pages in a temporary folder (0.1 s), and the comments CLI test serves in-process.
          include: ['packages/*/src/**/*.test.ts', ...PURE_REPO_TESTS],
          // No test here mocks a module, stubs a global or the environment, or fakes the clock, so files
          // may share a worker: a fresh worker per file cost about 8 s of the run's 20.
          isolate: false,
          // Type tests (*.test-d.ts) pin the public config type; their tsconfig reads khabar-comments
          // from source, so they need no build either.
          typecheck: {
            enabled: true,
            include: ['packages/*/src/**/*.test-d.ts'],
            tsconfig: 'tsconfig.type-tests.json',
          },
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: BUILD_TESTS,
          exclude: PURE_REPO_TESTS,
          globalSetup: exampleSetup,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: [
            'tests/browser/**/*.test.ts',
            'tests/budgets/**/*.test.ts',
            'tests/lighthouse/**/*.test.ts',
            // Builds the comments fixture site, then submits its form in Chromium.
            'packages/comments/test/site.test.ts',
          ],
          globalSetup: exampleSetup,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
