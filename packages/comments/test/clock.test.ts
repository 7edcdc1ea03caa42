/**
 * One clock: the integration's `now` decides, for the components and for the receiver's site.json
 * alike, whether a post still takes comments. The fixture is built twice, with two clocks.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManifestSchema } from '../src/config/options.ts';
import { removeTempDirs, tempDir } from './helpers/receiver.ts';
import { buildSite, preparePackage } from './helpers/site.ts';

const POST_ID = 'روسيا-سوريا';
// The fixture closes posts about 4,700 days after publication (2016-12-01): open in 2016, closed in 2100.
const OPEN = '2016-12-05T12:00:00.000Z';
const CLOSED = '2100-01-01T00:00:00.000Z';

async function buildAt(now: string) {
  const commentsDir = await tempDir('clock');
  const outDir = await tempDir('clock-dist');
  await buildSite(
    { FIXTURE_NOW: now, FIXTURE_COMMENTS_DIR: commentsDir, FIXTURE_ORIGIN: 'https://news.example' },
    ['--outDir', outDir],
  );
  const html = await readFile(join(outDir, POST_ID, 'index.html'), 'utf8');
  const manifest = ManifestSchema.parse(JSON.parse(await readFile(join(commentsDir, 'site.json'), 'utf8')));
  return { document: parseHTML(html).document, manifest };
}

let open: Awaited<ReturnType<typeof buildAt>>;
let closed: Awaited<ReturnType<typeof buildAt>>;

beforeAll(async () => {
  await preparePackage();
  open = await buildAt(OPEN);
  closed = await buildAt(CLOSED);
});

afterAll(removeTempDirs);

describe('the integration’s now', () => {
  it('keeps the post open at one clock: the form is there, and site.json says open', () => {
    expect(open.document.querySelector('.khabar-comments form')).not.toBeNull();
    expect(open.document.querySelector('.khabar-comments__closed')).toBeNull();
    expect(open.manifest.posts.find((p) => p.id === POST_ID)?.closed).toBe(false);
    expect(open.manifest.generatedAt).toBe(OPEN);
  });

  it('closes it at a later clock, on the page and in site.json alike', () => {
    expect(closed.document.querySelector('.khabar-comments form')).toBeNull();
    expect(closed.document.querySelector('.khabar-comments__closed')?.textContent).toBe('التعليقات مغلقة.');
    expect(closed.document.querySelector('.khabar-comment__reply')).toBeNull();
    expect(closed.manifest.posts.find((p) => p.id === POST_ID)?.closed).toBe(true);
    expect(closed.manifest.generatedAt).toBe(CLOSED);
  });
});
