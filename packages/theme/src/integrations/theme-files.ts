import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const themeRoot = new URL('../../', import.meta.url);

/** The absolute path of a file of the theme's package, from the package's root (`src/routes/…`). */
export function themeFile(path: string): string {
  return fileURLToPath(new URL(path, themeRoot));
}

/** A path from the project root made absolute; a package specifier left as it is. */
export function resolveSpecifier(specifier: string, projectRoot: string): string {
  const isPath = specifier.startsWith('.') || isAbsolute(specifier);
  return isPath ? resolve(projectRoot, specifier) : specifier;
}
