import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleComment, storeContract } from './contract.ts';
import { FileStore } from './fs.ts';

const fresh = async () => new FileStore(await mkdtemp(join(tmpdir(), 'khabar-comments-')));

storeContract('FileStore', fresh);

describe('FileStore on disk', () => {
  it('keeps private fields apart from what the build reads', async () => {
    const store = await fresh();
    const comment = sampleComment({ status: 'approved', private: { email: 'secret@example.com' } });
    await store.add(comment);
    const published = await readFile(join(store.dir, 'approved', `${comment.public.id}.json`), 'utf8');
    expect(published).not.toContain('secret@example.com');
    expect(published).not.toContain('192.0.2');
    expect(JSON.parse(published)).toEqual(comment.public);
    const hidden = await readFile(join(store.dir, 'private', `${comment.public.id}.json`), 'utf8');
    expect(JSON.parse(hidden)).toEqual(comment.private);
    expect((await stat(join(store.dir, 'private', `${comment.public.id}.json`))).mode & 0o077).toBe(0);
  });
  it('leaves no temporary files behind and ignores stray files', async () => {
    const store = await fresh();
    await store.add(sampleComment());
    expect(await readdir(join(store.dir, '.tmp'))).toEqual([]);
    await writeFile(join(store.dir, 'pending', 'notes.txt'), 'x');
    await writeFile(join(store.dir, 'pending', '..json'), '{}');
    await writeFile(join(store.dir, 'pending', 'zzzzzzzz-00000000.json'), '{broken');
    expect((await store.list()).length).toBe(1);
  });

  it('never shows a comment whose private half could not be stored', async () => {
    const store = await fresh();
    await store.init();
    // The private folder is gone and a file stands in its place: storing the private half fails.
    await rm(join(store.dir, 'private'), { recursive: true });
    await writeFile(join(store.dir, 'private'), 'not a folder');
    await expect(store.add(sampleComment())).rejects.toThrow(/private\/.+\.json/);
    expect(await readdir(join(store.dir, 'pending'))).toEqual([]);
    expect(await readdir(join(store.dir, '.tmp'))).toEqual([]);
  });
});
