import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEmbedUrl } from './platforms.ts';
import { posterFetcher } from './posters.ts';

/** A local stand-in for the platforms' hosts: the requests are real HTTP, to 127.0.0.1. */
let server: Server;
let origin: string;
let requests: string[] = [];
let dir: string;

beforeAll(async () => {
  const jpeg = await sharp({ create: { width: 48, height: 36, channels: 3, background: '#a3131b' } })
    .jpeg()
    .toBuffer();
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url?.startsWith('/oembed')) {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ title: 'جولة داخل المحطة' }));
    } else if (request.url?.startsWith('/vi/')) {
      response.setHeader('content-type', 'image/jpeg');
      response.end(jpeg);
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'khabar-posters-'));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** Sends the platform's request to the local server, path and query kept. */
const local: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : input);
  return fetch(`${origin}${url.pathname}${url.search}`, init);
};

function target(url: string) {
  const found = parseEmbedUrl(url);
  if (!found) throw new Error(`not an embed: ${url}`);
  return found;
}

const video = target('https://youtu.be/M7lc1UVf-VE');

describe('posterFetcher', () => {
  it('fetches the title and the poster once, and keeps them for the next build', async () => {
    requests = [];
    const warnings: string[] = [];
    const first = posterFetcher({ dir, warn: (m) => warnings.push(m), fetch: local });
    const info = await first.get(video);
    expect(info).toMatchObject({ title: 'جولة داخل المحطة', width: 48, height: 36 });
    expect(info.file).toMatch(/^[0-9a-f]{16}\.jpg$/);
    expect(requests).toEqual([
      '/oembed?format=json&url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DM7lc1UVf-VE',
      '/vi/M7lc1UVf-VE/hqdefault.jpg',
    ]);
    expect((await readdir(dir)).sort()).toEqual([info.file, info.file?.replace('.jpg', '.json')].sort());
    // A second build reads the cache: no request.
    const again = await posterFetcher({ dir, warn: (m) => warnings.push(m), fetch: local }).get(video);
    expect(again).toEqual(info);
    expect(requests.length).toBe(2);
    expect(warnings).toEqual([]);
  });

  it('falls back to the card with one warning when the platform cannot be reached, and tries again next time', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'khabar-posters-'));
    try {
      const warnings: string[] = [];
      const offline: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
      const fetcher = posterFetcher({ dir: empty, warn: (m) => warnings.push(m), fetch: offline });
      expect(await fetcher.get(video)).toEqual({});
      expect(await fetcher.get(video)).toEqual({});
      expect(warnings).toEqual([
        'No poster for https://www.youtube.com/watch?v=M7lc1UVf-VE (fetch failed): it shows as a card. Set embeds.posters to false to skip the fetch.',
      ]);
      expect(await readdir(empty)).toEqual([]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('asks nothing for a platform without a keyless poster', async () => {
    requests = [];
    const post = target('https://x.com/khabar_example/status/1804315829405716480');
    expect(await posterFetcher({ dir, warn: () => {}, fetch: local }).get(post)).toEqual({});
    expect(requests).toEqual([]);
  });
});
