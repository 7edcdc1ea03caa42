import { rm } from 'node:fs/promises';
import { buildOrThrow } from './helpers/astro.ts';
import { exampleDist, exampleRoot } from './helpers/paths.ts';

/** The build, shared by the projects of one Vitest process (each loads this file on its own). */
interface SharedBuild {
  khabarExampleBuild?: Promise<void>;
}

async function buildExample(): Promise<void> {
  await rm(exampleDist, { recursive: true, force: true });
  await buildOrThrow(exampleRoot);
}

/**
 * Builds the example newsroom for the projects that read it, `build` and `browser` (`pnpm test:unit`
 * never builds it). Both declare this setup and Vitest runs each project's setup, so the build is
 * shared: a run of both builds the example once. Set KHABAR_SKIP_BUILD=1 to reuse an
 * existing build while iterating on tests.
 */
export default async function setup(): Promise<void> {
  if (process.env.KHABAR_SKIP_BUILD === '1') return;
  const shared = globalThis as SharedBuild;
  shared.khabarExampleBuild ??= buildExample();
  await shared.khabarExampleBuild;
}
