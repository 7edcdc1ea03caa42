import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { digest } from './manifest.ts';
import { writeText } from './text-file.ts';

const folder = await mkdtemp(join(tmpdir(), 'khabar-text-file-'));
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('writeText', () => {
  it('writes a string and gives the digest of the bytes on disk', async () => {
    const path = join(folder, 'story.md');
    const sum = await writeText(path, 'خبر  عاجل\n');
    expect(await readFile(path, 'utf8')).toBe('خبر  عاجل\n');
    expect(sum).toBe(digest(await readFile(path)));
  });

  it('writes pieces across its write size as one text, with the same digest', async () => {
    const path = join(folder, 'map');
    const lines = Array.from({ length: 60_000 }, (_, n) => `"/سياسة/خبر-${n}/" "/x/${n}/";\n`);
    const sum = await writeText(path, lines);
    const written = await readFile(path);
    expect(written.toString('utf8')).toBe(lines.join(''));
    expect(sum).toBe(digest(lines.join('')));
  });

  it('writes an empty file for no pieces', async () => {
    const path = join(folder, 'empty');
    expect(await writeText(path, [])).toBe(digest(''));
    expect(await readFile(path, 'utf8')).toBe('');
  });
});
