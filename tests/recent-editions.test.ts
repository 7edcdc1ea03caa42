/**
 * A newsroom with an English edition, built for @astrojs/node with `rendering.prerender: 'recent'`
 * (tests/fixtures/recent-editions): each edition has a story of the last two days, built ahead (its
 * Markdown rendered by the content layer), and an older one rendered on request by the built server (its
 * Markdown rendered from its file). In all four, what the theme writes into the story's text is in the
 * story's language: a bare YouTube link's facade reads «افتحه على يوتيوب» in Arabic and «Open it on
 * YouTube» in English, and the footnotes are headed and numbered in the story's words and digits.
 */
import { existsSync } from 'node:fs';
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../packages/theme/src/translations/ar.json' with { type: 'json' };
import en from '../packages/theme/src/translations/en.json' with { type: 'json' };
import { buildOrThrow } from './helpers/astro.ts';
import { cacheTags, sMaxAge, startNodeServer, type NodeServer } from './helpers/node-server.ts';
import { tmpRoot } from './helpers/paths.ts';

const root = join(tmpRoot, 'recent-editions');
const client = join(root, 'dist', 'client');
let server: NodeServer | undefined;

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  await cp(new URL('./fixtures/recent-editions/', import.meta.url), root, { recursive: true });
  await buildOrThrow(root);
  server = await startNodeServer(join(root, 'dist', 'server', 'entry.mjs'), { cwd: root });
}, 300_000);

afterAll(async () => {
  server?.stop();
  await rm(root, { recursive: true, force: true });
});

/** A story's page: from the built files when it was built ahead, else from the server. */
async function page(path: string, builtAhead: boolean): Promise<Document> {
  const file = join(client, path, 'index.html');
  expect(existsSync(file), `${path} built ahead`).toBe(builtAhead);
  if (builtAhead) return parseHTML(await readFile(file, 'utf8')).document;
  if (!server) throw new Error('the server is not running');
  const response = await server.get(path);
  expect(response.status, path).toBe(200);
  return parseHTML(response.text).document;
}

/** The words of a story's embed facade: its action, its platform's name and its click-to-load label. */
function facade(document: Document) {
  const embed = document.querySelector('.khabar-prose .khabar-embed');
  return {
    open: embed?.querySelector('.khabar-embed__action')?.textContent,
    platform: embed?.querySelector('.khabar-embed__platform')?.textContent,
    load: embed?.getAttribute('data-load'),
  };
}

const words = (strings: typeof ar) => {
  const platform = strings['embed.youtube'];
  return {
    open: strings['embed.open'].replace('{platform}', platform),
    platform,
    load: strings['embed.load'].replace('{platform}', platform),
  };
};

describe('a bare-link embed is worded in its story’s language', () => {
  it.each([
    ['the Arabic story built ahead', '/politics/recent-video/', true, ar],
    ['the English story built ahead', '/en/politics/recent-video/', true, en],
    ['the Arabic story rendered on request', '/politics/archive-video/', false, ar],
    ['the English story rendered on request', '/en/politics/archive-video/', false, en],
  ] as const)('%s', async (_, path, builtAhead, strings) => {
    const document = await page(path, builtAhead);
    expect(facade(document)).toEqual(words(strings));
  });
});

describe('footnotes are worded and numbered in their story’s language', () => {
  it.each([
    ['the Arabic story built ahead', '/politics/recent-video/', true, ar, '١'],
    ['the English story built ahead', '/en/politics/recent-video/', true, en, '1'],
    ['the Arabic story rendered on request', '/politics/archive-video/', false, ar, '١'],
    ['the English story rendered on request', '/en/politics/archive-video/', false, en, '1'],
  ] as const)('%s', async (_, path, builtAhead, strings, one) => {
    const document = await page(path, builtAhead);
    expect(document.querySelector('.khabar-prose #footnote-label')?.textContent).toBe(
      strings['footnotes.label'],
    );
    expect(document.querySelector('.khabar-prose a[data-footnote-ref]')?.textContent).toBe(one);
    expect(document.querySelector('.khabar-prose a[data-footnote-backref]')?.getAttribute('aria-label')).toBe(
      strings['footnotes.back'].replace('{reference}', one),
    );
  });
});

describe('a live story’s file of updates follows its story', () => {
  const get = (path: string) => {
    if (!server) throw new Error('the server is not running');
    return server.get(path);
  };
  const updateIds = (document: Document) =>
    [...document.querySelectorAll('.khabar-live-update')].map((update) => update.id);

  it('is built ahead with a story built ahead, and served as the build wrote it', async () => {
    const file = join(client, 'live/recent-live.json');
    expect(existsSync(file)).toBe(true);
    const built = await readFile(file, 'utf8');
    const data = JSON.parse(built) as { live: boolean; updates: { id: string }[] };
    expect(data.updates.map((u) => u.id)).toEqual(updateIds(await page('/politics/recent-live/', true)));
    expect(data.live).toBe(true);
    expect((await get('/live/recent-live.json')).text).toBe(built);
  });

  it('is rendered on request with a story rendered on request: the page’s updates, cached briefly', async () => {
    expect(existsSync(join(client, 'live/archive-live.json'))).toBe(false);
    const shown = updateIds(await page('/politics/archive-live/', false));
    expect(shown).toEqual(['update-2100', 'update-0900']);
    const { status, headers, text } = await get('/live/archive-live.json');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    const data = JSON.parse(text) as { live: boolean; status: string; updates: { id: string }[] };
    expect(data.updates.map((u) => u.id)).toEqual(shown);
    expect(data).toMatchObject({ live: false, status: ar['live.ended'] });
    // As briefly as the pages that follow the clock (rendering.cache.timely), not a story's day.
    expect(sMaxAge(headers)).toBe(60);
    expect(cacheTags(headers)).toEqual(['story:archive-live']);
  });

  it('answers 404 for a story that is not live and for an address without .json', async () => {
    expect((await get('/live/archive-video.json')).status).toBe(404);
    expect((await get('/live/no-such-story.json')).status).toBe(404);
    expect((await get('/live/archive-live')).status).toBe(404);
  });
});
