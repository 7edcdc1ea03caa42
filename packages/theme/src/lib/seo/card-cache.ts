/** The cache of drawn cards and logos: a folder of PNG files named by their key (`cardKey`). */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The card from the cache folder when an identical one was drawn before, else drawn and stored.
 * @returns the PNG and whether it came from the cache.
 */
export async function cachedCard(
  cacheDir: string,
  key: string,
  draw: () => Promise<Buffer>,
): Promise<{ png: Buffer; cached: boolean }> {
  const file = join(cacheDir, `${key}.png`);
  try {
    return { png: await readFile(file), cached: true };
  } catch {
    const png = await draw();
    await mkdir(cacheDir, { recursive: true });
    // Write then rename, so a build killed mid-write never leaves half a card in the cache.
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, png);
    await rename(partial, file);
    return { png, cached: false };
  }
}
