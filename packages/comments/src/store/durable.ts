import { open, unlink } from 'node:fs/promises';

/**
 * Writes `text` to `path` and fsyncs the file before resolving, so a later rename or link puts whole,
 * durable bytes in place. `flag: 'wx'` refuses a file that already exists. When writing or syncing fails,
 * the file is removed before the error is passed on.
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
  } catch (error) {
    // A write cut short (a full disk, a file size limit) leaves no half-written file behind.
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw error;
  }
  await handle.close();
}
