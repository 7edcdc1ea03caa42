import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleComment, storeContract } from './contract.ts';
import { FileStore } from './fs.ts';
import { CorruptCommentError } from './types.ts';

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

  it('leaves nothing in .tmp/ when a write is cut short (the file size limit of a full disk)', async () => {
    const store = await fresh();
    await store.init();
    const comment = sampleComment({ public: { author: 'سارة', body: 'ن'.repeat(3000) } });
    // A real limit in a real process: `ulimit -f 4` (2 KiB) makes the public half's write fail with EFBIG.
    const script = `import { FileStore } from ${JSON.stringify(new URL('./fs.ts', import.meta.url).href)};
      await new FileStore(process.env.DIR).add(JSON.parse(process.env.COMMENT)).then(
        () => console.log('stored'), (error) => console.log(error.code));`;
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        'sh',
        ['-c', 'ulimit -f 4; exec "$0" --input-type=module -e "$1"', process.execPath, script],
        { env: { ...process.env, DIR: store.dir, COMMENT: JSON.stringify(comment) } },
      );
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('error', reject);
      child.on('exit', () => {
        resolve(out.trim());
      });
    });
    expect(output).toBe('EFBIG');
    expect(await readdir(join(store.dir, '.tmp'))).toEqual([]);
    expect(await readdir(join(store.dir, 'private'))).toEqual([]);
    expect(await store.get(comment.public.id)).toBeUndefined();
  });

  it('takes back the private half when the public one cannot be put in place', async () => {
    const store = await fresh();
    await store.init();
    const comment = sampleComment();
    await writeFile(join(store.dir, 'pending', `${comment.public.id}.json`), 'in the way');
    await expect(store.add(comment)).rejects.toThrow(/already exists/);
    expect(await readdir(join(store.dir, 'private'))).toEqual([]);
    expect(await readdir(join(store.dir, '.tmp'))).toEqual([]);
  });

  it('clears on start what crashed writes left in .tmp/, never a running writer’s file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'khabar-comments-'));
    await new FileStore(dir).init();
    const deadPid = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', '']);
      child.on('exit', () => {
        resolve(child.pid ?? 0);
      });
    });
    const id = sampleComment().public.id;
    const files = {
      crashed: `${id}.json.${deadPid}.0123456789ab.tmp`,
      oldFormat: `${id}.json.0123456789ab.tmp`,
      running: `${id}.json.${process.pid}.0123456789ab.tmp`,
      otherRunning: `${id}.json.1.0123456789ab.tmp`,
    };
    for (const file of Object.values(files)) await writeFile(join(dir, '.tmp', file), '{"author":"سارة"}');
    const twoHoursAgo = (Date.now() - 2 * 3600_000) / 1000;
    await utimes(join(dir, '.tmp', files.oldFormat), twoHoursAgo, twoHoursAgo);
    await new FileStore(dir).init();
    expect((await readdir(join(dir, '.tmp'))).sort()).toEqual([files.otherRunning, files.running].sort());
  });

  it('delete erases what a failed write left of the comment in .tmp/', async () => {
    const store = await fresh();
    await store.init();
    const id = sampleComment().public.id;
    await writeFile(
      join(store.dir, '.tmp', `${id}.json.${process.pid}.0123456789ab.tmp`),
      '{"author":"سارة"}',
    );
    expect(await store.delete(id)).toBe(true);
    expect(await readdir(join(store.dir, '.tmp'))).toEqual([]);
  });

  it('reports a damaged comment as corrupt and refuses to move it', async () => {
    const store = await fresh();
    const comment = sampleComment();
    await store.add(comment);
    const id = comment.public.id;
    const file = join(store.dir, 'pending', `${id}.json`);
    await writeFile(file, JSON.stringify({ ...comment.public, body: 42 }));
    expect(await store.get(id)).toBeUndefined();
    const [record] = await store.corrupt();
    expect(record).toMatchObject({ id, status: 'pending', file });
    expect(record?.reason).toMatch(/does not hold a valid comment:\n- body: /);
    await expect(store.setStatus(id, 'approved')).rejects.toBeInstanceOf(CorruptCommentError);
    expect(await readdir(join(store.dir, 'approved'))).toEqual([]);
    // Another comment's id in the file is damage too.
    await writeFile(file, JSON.stringify({ ...comment.public, id: 'abcdef-00000000' }));
    expect((await store.corrupt({ id }))[0]?.reason).toBe(`holds the comment abcdef-00000000, not ${id}`);
    expect(await store.list()).toEqual([]);
  });
});
