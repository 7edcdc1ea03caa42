import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths.ts';

/** A file of the repository, by its path from the root. */
export const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
export const readPackage = (path: string) => JSON.parse(read(path)) as PackageJson;

/** What the checks read of a `package.json`. */
export interface PackageJson {
  name: string;
  scripts?: Record<string, string>;
  bin?: Record<string, string>;
  exports?: Record<string, string | { types?: string; default?: string }>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
