/**
 * --fetch-media against a real HTTP server on this machine, serving real pictures made with sharp:
 * what is downloaded, what is refused and why, what is retried, and what the cache spares.
 */
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchMedia, isPublicAddress, pictureProblem, siteHostNames } from './fetch-media.ts';

const picture = (format: 'jpeg' | 'png', r: number) =>
  sharp({ create: { width: 8, height: 6, channels: 3, background: { r, g: 40, b: 90 } } })
    .toFormat(format)
    .toBuffer();

describe('the address rules', () => {
  it('takes only public addresses as public', () => {
    expect(isPublicAddress('93.184.216.34')).toBe(true);
    expect(isPublicAddress('2606:4700::1111')).toBe(true);
    for (const inside of ['127.0.0.1', '10.1.2.3', '192.168.0.10', '169.254.169.254', '::1', 'fd00::1'])
      expect(isPublicAddress(inside), inside).toBe(false);
    // An IPv4 address written as IPv6 is judged as the IPv4 address it is.
    expect(isPublicAddress('::ffff:127.0.0.1')).toBe(false);
    expect(isPublicAddress('not an address')).toBe(false);
  });

  it("reads the export's own host names from its addresses", () => {
    expect(siteHostNames(['https://Akhbar.example/', 'http://wp.internal:8080', '', 'nonsense'])).toEqual([
      'akhbar.example',
      'wp.internal',
    ]);
  });
});

describe('checking the bytes', () => {
  it('takes a picture of the format its name says, and refuses the others with a reason', async () => {
    const jpeg = await picture('jpeg', 200);
    expect(await pictureProblem(jpeg, '2024/05/photo.jpg')).toBeUndefined();
    expect(await pictureProblem(jpeg, '2024/05/photo.JPEG')).toBeUndefined();
    expect(await pictureProblem(jpeg, '2024/05/photo.png')).toBe('is a JPG picture under a .png name');
    const page = Buffer.from('<!DOCTYPE html><html><body>Not Found</body></html>');
    expect(await pictureProblem(page, 'photo.jpg')).toContain('web page');
    expect(await pictureProblem(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.svg')).toBe(
      undefined,
    );
    expect(await pictureProblem(jpeg, 'clip.mp4')).toContain('not a picture format');
  });
});

describe('fetching from a server', () => {
  let server: Server;
  let base: string;
  let cacheDir: string;
  const hits = new Map<string, number>();
  const files = new Map<string, Buffer>();

  beforeAll(async () => {
    files.set('/ok.jpg', await picture('jpeg', 10));
    files.set('/flaky.png', await picture('png', 20));
    files.set('/target.jpg', await picture('jpeg', 30));
    cacheDir = await mkdtemp(join(tmpdir(), 'khabar-fetch-media-'));
    server = createServer((request, response) => {
      const path = request.url ?? '';
      const count = (hits.get(path) ?? 0) + 1;
      hits.set(path, count);
      const send = (status: number, body?: string | Buffer, headers: Record<string, string> = {}) => {
        response.writeHead(status, headers).end(body);
      };
      const body = files.get(path);
      if (path === '/flaky.png' && count === 1) send(500, 'busy');
      else if (path === '/moved.jpg') send(302, undefined, { location: '/target.jpg' });
      else if (path === '/loop.jpg') send(301, undefined, { location: '/loop.jpg' });
      else if (path === '/always-500.jpg') send(503);
      else if (path === '/slow.jpg')
        setTimeout(() => {
          send(200, files.get('/ok.jpg'));
        }, 1500).unref();
      else if (path === '/error-page.jpg')
        send(200, '<!DOCTYPE html><html><body>Error</body></html>', { 'content-type': 'text/html' });
      else if (body) send(200, body, { 'content-type': 'image/jpeg' });
      else send(404, 'not found');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((done) => server.close(done));
    await rm(cacheDir, { recursive: true, force: true });
  });

  const options = () => ({
    cacheDir,
    siteHosts: ['127.0.0.1'],
    timeoutMs: 400,
    retries: 1,
    concurrency: 3,
  });

  it('downloads, retries, follows redirects, and says why each failure failed', async () => {
    const requests = [
      ['ok.jpg', '2024/05/ok.jpg'],
      ['flaky.png', '2024/05/flaky.png'],
      ['moved.jpg', '2024/05/moved.jpg'],
      ['missing.jpg', '2024/05/missing.jpg'],
      ['slow.jpg', '2024/05/slow.jpg'],
      ['error-page.jpg', '2024/05/error-page.jpg'],
      ['loop.jpg', '2024/05/loop.jpg'],
      ['always-500.jpg', '2024/05/always-500.jpg'],
    ].map(([path, file]) => ({ url: `${base}/${path}`, file: file ?? '' }));
    const progress: number[] = [];
    const outcomes = await fetchMedia(requests, { ...options(), progress: (done) => progress.push(done) });
    const reason = (file: string) => {
      const outcome = outcomes.get(file);
      return outcome && !outcome.ok ? outcome.reason : 'downloaded';
    };
    expect(reason('2024/05/ok.jpg')).toBe('downloaded');
    expect(await readFile(join(cacheDir, '2024/05/ok.jpg'))).toEqual(files.get('/ok.jpg'));
    expect(reason('2024/05/flaky.png')).toBe('downloaded');
    expect(hits.get('/flaky.png')).toBe(2);
    expect(await readFile(join(cacheDir, '2024/05/moved.jpg'))).toEqual(files.get('/target.jpg'));
    expect(reason('2024/05/missing.jpg')).toBe('the server answered HTTP 404');
    expect(hits.get('/missing.jpg')).toBe(1);
    expect(reason('2024/05/slow.jpg')).toBe('timed out after 0.4 s (tried 2 times)');
    expect(reason('2024/05/error-page.jpg')).toContain('web page');
    expect(existsSync(join(cacheDir, '2024/05/error-page.jpg'))).toBe(false);
    expect(reason('2024/05/loop.jpg')).toBe('more than 5 redirects');
    expect(reason('2024/05/always-500.jpg')).toBe('the server answered HTTP 503 (tried 2 times)');
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('takes what is cached from the cache, and tries the failures again', async () => {
    const before = new Map(hits);
    const outcomes = await fetchMedia(
      [
        { url: `${base}/ok.jpg`, file: '2024/05/ok.jpg' },
        { url: `${base}/missing.jpg`, file: '2024/05/missing.jpg' },
      ],
      options(),
    );
    expect(outcomes.get('2024/05/ok.jpg')).toMatchObject({ ok: true, downloaded: false });
    expect(hits.get('/ok.jpg')).toBe(before.get('/ok.jpg'));
    expect(hits.get('/missing.jpg')).toBe((before.get('/missing.jpg') ?? 0) + 1);
  });

  it("refuses a local address that is not the export's own host, and other schemes, without a request", async () => {
    const before = [...hits.values()].reduce((a, b) => a + b, 0);
    const port = (server.address() as AddressInfo).port;
    const outcomes = await fetchMedia(
      [
        { url: `http://localhost:${port}/ok.jpg`, file: 'a/local.jpg' },
        { url: `file:///etc/passwd.jpg`, file: 'a/file.jpg' },
        { url: `http://[::1]:${port}/ok.jpg`, file: 'a/v6.jpg' },
      ],
      { ...options(), siteHosts: ['akhbar.example'] },
    );
    expect(outcomes.get('a/local.jpg')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^refused: localhost is at a private or local address/) as unknown,
    });
    expect(outcomes.get('a/file.jpg')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('file:') as unknown,
    });
    expect(outcomes.get('a/v6.jpg')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('refused') as unknown,
    });
    expect([...hits.values()].reduce((a, b) => a + b, 0)).toBe(before);
  });

  it('refuses a redirect from the own host to a local address that is not', async () => {
    const port = (server.address() as AddressInfo).port;
    const redirecting = createServer((_request, response) =>
      response.writeHead(302, { location: `http://localhost:${port}/ok.jpg` }).end(),
    );
    await new Promise<void>((done) => redirecting.listen(0, '127.0.0.1', done));
    const before = hits.get('/ok.jpg');
    try {
      const outcomes = await fetchMedia(
        [{ url: `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/x.jpg`, file: 'b/x.jpg' }],
        options(),
      );
      expect(outcomes.get('b/x.jpg')).toMatchObject({
        ok: false,
        reason: expect.stringContaining('refused') as unknown,
      });
      expect(hits.get('/ok.jpg')).toBe(before);
    } finally {
      await new Promise((done) => redirecting.close(done));
    }
  });

  it('does not try a failed TLS handshake again', async () => {
    const port = (server.address() as AddressInfo).port;
    const outcomes = await fetchMedia(
      [{ url: `https://127.0.0.1:${port}/ok.jpg`, file: 'd/tls.jpg' }],
      options(),
    );
    const outcome = outcomes.get('d/tls.jpg');
    expect(outcome?.ok).toBe(false);
    expect(outcome && !outcome.ok ? outcome.reason : '').toMatch(
      /^the secure connection failed \([A-Z_]+\)$/,
    );
  });

  it('stops a file larger than the limit', async () => {
    const outcomes = await fetchMedia([{ url: `${base}/target.jpg`, file: 'c/big.jpg' }], {
      ...options(),
      maxBytes: 100,
    });
    expect(outcomes.get('c/big.jpg')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('100-byte') as unknown,
    });
  });
});
