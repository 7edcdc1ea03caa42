import { open } from 'node:fs/promises';

/**
 * Writes `text` to `path` and fsyncs the file before resolving, so a later rename or link puts whole,
 * durable bytes in place. `flag: 'wx'` refuses a file that already exists.
 */
export async function writeSynced(
  path: string,
  text: string,
  { mode, flag }: { mode: number; flag: 'w' | 'wx' },
): Promise<void> {
  const handle = await open(path, flag, mode);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}
