/**
 * Writing a file the import produced: whole (a story) or in pieces (the redirect files and the manifest
 * of a large site, hundreds of megabytes of text that are never whole in memory), and its SHA-256 on
 * the way, for the manifest, so nothing is read back from the disk to be hashed.
 */
import { open, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';

/** Pieces are gathered into writes of about this many characters. */
const WRITE_SIZE = 1 << 20;

/** Writes `text` (a string, or pieces of one) to `path`; resolves to the SHA-256 (hex) of its bytes. */
export async function writeText(path: string, text: string | Iterable<string>): Promise<string> {
  const hash = createHash('sha256');
  if (typeof text === 'string') {
    const bytes = Buffer.from(text, 'utf8');
    await writeFile(path, bytes);
    return hash.update(bytes).digest('hex');
  }
  const handle = await open(path, 'w');
  try {
    let pending = '';
    const flush = async () => {
      const bytes = Buffer.from(pending, 'utf8');
      pending = '';
      hash.update(bytes);
      await handle.write(bytes);
    };
    for (const piece of text) {
      pending += piece;
      if (pending.length >= WRITE_SIZE) await flush();
    }
    if (pending) await flush();
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}
