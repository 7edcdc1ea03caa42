import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * Every file under `dir` with a digest of its bytes, by path relative to `dir`; files `skip` matches
 * (by name) are left out.
 */
export async function digests(dir: string, skip?: RegExp): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || skip?.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(
      relative(dir, path),
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    );
  }
  return out;
}
