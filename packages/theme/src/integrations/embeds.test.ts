import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KhabarConfigSchema } from '../config/user-config.ts';
import { copyPosters, EMBEDS_PATH, embedsCacheDir, embedsModules } from './embeds.ts';

let root: string;
const logged: string[] = [];
const logger = { info: (message: string) => logged.push(message) } as unknown as AstroIntegrationLogger;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'khabar-embeds-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const options = (embeds: object) =>
  KhabarConfigSchema.parse({ title: 'خبر', sections: [{ slug: 'news', name: 'أخبار' }], embeds });

describe('the embeds’ wiring', () => {
  it('fetches posters only while the build prerenders, and only when the site wants them', () => {
    const cacheDir = pathToFileURL(join(root, 'cache/'));
    const on = embedsModules(options({}), { cacheDir });
    expect(on.runtime).toBe(
      `export default ${JSON.stringify({ path: EMBEDS_PATH, bareLinks: true, posters: false })};`,
    );
    expect(on.prerender).toContain(JSON.stringify(embedsCacheDir({ cacheDir })));
    const off = embedsModules(options({ posters: false, bareLinks: false }), { cacheDir });
    expect(off.prerender).toBe(
      `export default ${JSON.stringify({ path: EMBEDS_PATH, bareLinks: false, posters: false })};`,
    );
  });

  it('copies the fetched posters into the built site, and not what was learnt about them', async () => {
    const cacheDir = pathToFileURL(join(root, 'cache/'));
    const dir = embedsCacheDir({ cacheDir });
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'abc.jpg'), 'jpeg bytes');
    await writeFile(join(dir, 'abc.json'), '{}');
    const out = pathToFileURL(join(root, 'dist/'));
    await copyPosters({ cacheDir }, out, logger);
    expect(await readdir(join(root, 'dist', EMBEDS_PATH))).toEqual(['abc.jpg']);
    expect(await readFile(join(root, 'dist', EMBEDS_PATH, 'abc.jpg'), 'utf8')).toBe('jpeg bytes');
    expect(logged).toEqual([`copied 1 embed poster(s) to /${EMBEDS_PATH}`]);
  });

  it('copies nothing when no poster was fetched', async () => {
    const cacheDir = pathToFileURL(join(root, 'empty-cache/'));
    await copyPosters({ cacheDir }, pathToFileURL(join(root, 'dist-2/')), logger);
    await expect(readdir(join(root, 'dist-2'))).rejects.toThrow();
  });
});
