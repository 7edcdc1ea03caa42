import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The example newsroom. */
export const exampleRoot = fileURLToPath(new URL('../../examples/news/', import.meta.url));
/** Where the example is built for tests. */
export const exampleDist = fileURLToPath(new URL('../../examples/news/dist/', import.meta.url));
/** Scratch space for tests; ignored by git. */
export const tmpRoot = fileURLToPath(new URL('../.tmp/', import.meta.url));
