/**
 * A newsroom rendered entirely on request (`rendering.prerender: 'none'`, no pinned clock), built once and
 * served at three instants (the server's clock shifted, tests/helpers/fake-clock.mjs): what follows the
 * clock — a story scheduled for later, the breaking strip, the news sitemap's 48 hours, a live story's
 * update timed for later, in its page and in its file of updates — is right at request time without a
 * rebuild, and cached no longer than until the next change.
 */
import { existsSync } from 'node:fs';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrThrow } from './helpers/astro.ts';
import { sMaxAge, startNodeServer, type NodeServer } from './helpers/node-server.ts';
import { tmpRoot } from './helpers/paths.ts';

const root = join(tmpRoot, 'on-demand-clock');
const entry = join(root, 'dist', 'server', 'entry.mjs');
const SCHEDULED = `/politics/scheduled/`;
const PAST = `/politics/past/`;
const LIVE = `/politics/vote-live/`;
const LIVE_FILE = `/live/vote-live.json`;
/** The scheduled story is due at 2099-01-01T12:00Z and flagged breaking (in the strip for 6 hours). */
const DUE = Date.parse('2099-01-01T12:00:00Z');

const servers: NodeServer[] = [];
async function serverAt(fakeNow?: string): Promise<NodeServer> {
  const server = await startNodeServer(entry, { cwd: root, ...(fakeNow && { fakeNow }) });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  await cp(new URL('./fixtures/on-demand/', import.meta.url), root, { recursive: true });
  await buildOrThrow(root);
}, 300_000);

afterAll(async () => {
  for (const server of servers) server.stop();
  await rm(root, { recursive: true, force: true });
});

/** The updates a live story's page shows, and those its file of updates lists, by anchor. */
async function liveUpdates(server: NodeServer) {
  const page = await server.get(LIVE);
  const file = await server.get(LIVE_FILE);
  expect(page.status).toBe(200);
  expect(file.status).toBe(200);
  const data = JSON.parse(file.text) as { updates: { id: string }[] };
  return {
    page: [...parseHTML(page.text).document.querySelectorAll('.khabar-live-update')].map((u) => u.id),
    file: data.updates.map((update) => update.id),
    fileCache: sMaxAge(file.headers),
    pageCache: sMaxAge(page.headers),
  };
}

function breakingStrip(html: string): string {
  return parseHTML(html).document.querySelector('.khabar-breaking-strip')?.textContent ?? '';
}

describe('a site rendered on request follows the clock without a rebuild', () => {
  it('before the scheduled story is due: not there, and cached no longer than until it is', async () => {
    const server = await serverAt('2099-01-01T11:59:00Z');
    const story = await server.get(SCHEDULED);
    expect(story.status).toBe(404);
    expect(sMaxAge(story.headers)).toBeLessThanOrEqual(60);
    expect((await server.get(PAST)).status).toBe(200);
    const home = await server.get('/');
    expect(home.status).toBe(200);
    expect(home.text).not.toContain('خبر مجدول');
    // The home page changes when the story is due: a minute from now at most.
    expect(sMaxAge(home.headers)).toBeLessThanOrEqual(60);
    expect((await server.get('/news-sitemap.xml')).text).not.toContain('scheduled');
    // The live story's update timed for 12:30 is in neither its page nor its file yet.
    const before = await liveUpdates(server);
    expect(before.page).toEqual(['update-0900']);
    expect(before.file).toEqual(before.page);
    // Kept briefly: a minute at most (the scheduled story is due in one; the clock runs on meanwhile).
    expect(before.fileCache).toBeGreaterThan(0);
    expect(before.fileCache).toBeLessThanOrEqual(60);
    // So is its page, for readers without JavaScript: not a story's day-long lifetime.
    expect(before.pageCache).toBeGreaterThan(0);
    expect(before.pageCache).toBeLessThanOrEqual(60);
  });

  it('once it is due: its page, in the breaking strip and in the news sitemap', async () => {
    const server = await serverAt('2099-01-01T13:00:00Z');
    const story = await server.get(SCHEDULED);
    expect(story.status).toBe(200);
    expect(parseHTML(story.text).document.querySelector('h1')?.textContent).toContain('خبر مجدول');
    const home = await server.get('/');
    expect(breakingStrip(home.text)).toContain('خبر مجدول');
    // Cached until the story leaves the strip (6 hours after it was published), not past it.
    const leaves = (DUE + 6 * 3_600_000 - Date.parse('2099-01-01T13:00:00Z')) / 1000;
    expect(sMaxAge(home.headers)).toBeLessThanOrEqual(leaves);
    expect((await server.get('/news-sitemap.xml')).text).toContain(
      'https://on-demand.example/politics/scheduled/',
    );
    expect((await server.get('/rss.xml')).text).toContain('خبر مجدول');
    // Its time has come: the page and its file show it, with no rebuild (the file was never built).
    expect(existsSync(join(root, 'dist', 'client', 'live'))).toBe(false);
    const updates = await liveUpdates(server);
    expect(updates.page).toEqual(['update-results', 'update-0900']);
    expect(updates.file).toEqual(updates.page);
  });

  it('a day later: out of the strip, still in the 48-hour news sitemap', async () => {
    const server = await serverAt('2099-01-02T13:00:00Z');
    const home = await server.get('/');
    expect(home.status).toBe(200);
    expect(breakingStrip(home.text)).not.toContain('خبر مجدول');
    expect(home.text).toContain('خبر مجدول');
    expect((await server.get('/news-sitemap.xml')).text).toContain(
      'https://on-demand.example/politics/scheduled/',
    );
  });

  it('at the real time, the story is years away and the site says so to caches', async () => {
    const server = await serverAt();
    const story = await server.get(SCHEDULED);
    expect(story.status).toBe(404);
    expect(story.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
  });
});
