import { rm } from 'node:fs/promises';
import { buildOrThrow } from './helpers/astro.ts';
import { exampleDist, exampleRoot } from './helpers/paths.ts';

/**
 * Builds the example newsroom once before the suites that read it. Set KHABAR_SKIP_BUILD=1 to reuse an
 * existing build while iterating on tests.
 */
export default async function setup() {
  if (process.env.KHABAR_SKIP_BUILD === '1') return;
  await rm(exampleDist, { recursive: true, force: true });
  await buildOrThrow(exampleRoot);
}
