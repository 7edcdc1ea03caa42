import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManifestSchema } from './config/options.ts';
import { describeJsonError, ManifestError, ManifestPosts, readManifest, writeManifest } from './manifest.ts';

const dirs: string[] = [];
async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'khabar-manifest-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const manifest = (ids: string[]) =>
  ManifestSchema.parse({
    version: 1,
    generatedAt: '2016-12-01T12:00:00+03:00',
    origins: ['https://news.example'],
    endpoint: '/api/comments/',
    posts: ids.map((id) => ({ id, url: `/${id}/` })),
  });

/** Writes `text` as site.json with a new mtime, as a rebuild would. */
async function overwrite(dir: string, text: string, mtime: number): Promise<void> {
  const file = join(dir, 'site.json');
  await writeFile(file, text);
  await utimes(file, mtime, mtime);
}

describe('a damaged site.json', () => {
  it('names the file, and the line and column of a JSON fault', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'site.json'), '{\n  "version": 1\n  "posts": []\n}\n');
    const error = await readManifest(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ManifestError);
    expect((error as Error).message).toMatch(
      new RegExp(`^site\\.json at ${join(dir, 'site.json')} is not valid JSON: line 3, column 3: `),
    );
    expect((error as Error).message).not.toContain('position');
  });

  it('says a file cut short is cut short, and an empty one too', () => {
    expect(describeJsonError('{"version": 1, "po', new SyntaxError('Unexpected end of JSON input'))).toBe(
      'line 1, column 19: the file ends in the middle of a value (it was cut short)',
    );
  });

  it('names the field that is wrong', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'site.json'), JSON.stringify({ ...manifest(['a']), posts: [{ id: 'a' }] }));
    await expect(readManifest(dir)).rejects.toThrow(/is not a valid manifest:\n- posts\[0\]\.url: /);
  });

  it('keeps the last good manifest in a running receiver, and warns naming the file', async () => {
    const dir = await folder();
    let clock = 0;
    const warnings: string[] = [];
    const posts = new ManifestPosts(dir, () => clock, { warn: (line: string) => warnings.push(line) });
    await writeManifest(dir, manifest(['a']));
    expect(await posts.lookup('a')).toMatchObject({ id: 'a' });

    clock += 2000;
    await overwrite(dir, '{"version": 1, "posts": [', Date.now() / 1000 + 10);
    expect(await posts.lookup('a')).toMatchObject({ id: 'a' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`site.json at ${join(dir, 'site.json')} is not valid JSON`);
    expect(warnings[0]).toContain('last good one');
    // Once per change of the file, not once per request.
    clock += 2000;
    await posts.lookup('a');
    expect(warnings).toHaveLength(1);

    clock += 2000;
    await overwrite(dir, JSON.stringify(manifest(['a', 'b'])), Date.now() / 1000 + 20);
    expect(await posts.lookup('b')).toMatchObject({ id: 'b' });
  });

  it('with no good manifest at all, the lookup fails with the fault', async () => {
    const dir = await folder();
    const warnings: string[] = [];
    const posts = new ManifestPosts(dir, () => 0, { warn: (line: string) => warnings.push(line) });
    await writeFile(join(dir, 'site.json'), 'not json');
    await expect(posts.lookup('a')).rejects.toBeInstanceOf(ManifestError);
    expect(warnings[0]).toContain('No post takes comments until it is fixed');
  });

  it('answers every lookup that arrives while the first read is under way', async () => {
    const dir = await folder();
    // Large enough that reading and validating it takes a while, as a big newsroom's does.
    await writeManifest(dir, manifest(Array.from({ length: 20_000 }, (_, i) => `post-${i}`)));
    const posts = new ManifestPosts(dir);
    const found = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        new Promise((resolve) => setTimeout(resolve, i)).then(() => posts.lookup('post-7')),
      ),
    );
    expect(found.filter((post) => post?.id !== 'post-7')).toEqual([]);
  });
});
