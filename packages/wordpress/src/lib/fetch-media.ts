/**
 * `--fetch-media`: the pictures an export names and the uploads folder lacks, downloaded from the
 * WordPress site into a cache folder, checked, and used as if they had been in `--uploads`.
 *
 * The rules, each for a reason:
 * - http and https only, at most `maxRedirects` redirects, each hop checked again;
 * - an address that resolves to a private, loopback, link-local or otherwise non-public IP is refused,
 *   unless its host name is the export's own site (`<link>`, `wp:base_site_url`, `wp:base_blog_url`):
 *   a newsroom's intranet WordPress at `http://wp.internal/` still gives its pictures, while an export
 *   that names `http://169.254.169.254/` or `http://localhost:6379/` cannot make the import reach
 *   them. The address checked is the one connected to (no second DNS answer can swap it);
 * - a size cap and a timeout per attempt; 5xx answers, timeouts and dropped connections are retried
 *   (`retries` times, with a short pause), other failures are final;
 * - the bytes must be a picture of the format the file's name says (an HTML error page served as
 *   `photo.jpg` is refused), read from its magic bytes by `file-type`;
 * - a file already in the cache is not downloaded again; a failure is never cached.
 */
import { createHash } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { dirname, join, resolve, sep } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import ipaddr from 'ipaddr.js';

export interface FetchMediaOptions {
  /** Where downloaded files are kept, under their uploads path, for the next run. */
  cacheDir: string;
  /** The export's own host names: their private addresses are allowed. */
  siteHosts: readonly string[];
  /** Per attempt, connection and body together. Default 30 s. */
  timeoutMs?: number | undefined;
  /** Per file. Default 25 MiB. */
  maxBytes?: number | undefined;
  /** Downloads at once. Default 4. */
  concurrency?: number | undefined;
  /** Further attempts after a 5xx answer or a timeout. Default 2. */
  retries?: number | undefined;
  /** Default 5. */
  maxRedirects?: number | undefined;
  /** Told how many files are done, after each. */
  progress?: ((done: number, total: number) => void) | undefined;
}

export interface MediaRequest {
  /** The address in the export. */
  url: string;
  /** Its path under uploads (`2016/12/photo.jpg`): where it is cached, and its name in the site. */
  file: string;
}

export type MediaOutcome = { ok: true; path: string; downloaded: boolean } | { ok: false; reason: string };

/** A failure of one attempt; `retry` when another attempt may succeed. */
class FetchFailure extends Error {
  readonly retry: boolean;
  constructor(message: string, retry = false) {
    super(message);
    this.retry = retry;
  }
}

const PUBLIC_RANGES = new Set(['unicast']);

/** Whether an IP address is on the public internet (not private, loopback, link-local, reserved…). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return PUBLIC_RANGES.has(ipaddr.process(address).range());
}

/** The lower-case host names of the export's site addresses (those that parse). */
export function siteHostNames(urls: readonly string[]): string[] {
  const hosts = new Set<string>();
  for (const url of urls) {
    if (!URL.canParse(url)) continue;
    hosts.add(hostName(new URL(url)));
  }
  return [...hosts].filter(Boolean);
}

/** A URL's host name, lower-case, without IPv6 brackets. */
const hostName = (url: URL) => url.hostname.toLowerCase().replace(/^\[|\]$/g, '');

/** The formats a file name's extension stands for, as `file-type` names them. */
const FORMATS: Readonly<Record<string, string>> = {
  jpg: 'jpg',
  jpeg: 'jpg',
  jpe: 'jpg',
  png: 'png',
  gif: 'gif',
  webp: 'webp',
  avif: 'avif',
  tif: 'tif',
  tiff: 'tif',
  bmp: 'bmp',
  ico: 'ico',
  heic: 'heic',
};

/**
 * Why these bytes cannot be the picture `file` names, or undefined when they can: a picture of the
 * format its extension says (`.svg`: an SVG document).
 */
export async function pictureProblem(bytes: Uint8Array, file: string): Promise<string | undefined> {
  const extension = (/\.([a-z0-9]+)$/i.exec(file)?.[1] ?? '').toLowerCase();
  if (extension === 'svg') {
    const head = new TextDecoder().decode(bytes.subarray(0, 4096));
    return /<svg[\s>]/i.test(head) && !/<html[\s>]/i.test(head) ? undefined : 'is not an SVG document';
  }
  const expected = FORMATS[extension];
  if (!expected) return `has the extension ".${extension}", which is not a picture format the site can show`;
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) {
    const text = new TextDecoder().decode(bytes.subarray(0, 512));
    return /<(!doctype|html|head|body)[\s>]/i.test(text)
      ? 'is a web page (an error page?), not a picture'
      : 'is not a picture (its first bytes are no picture format)';
  }
  if (!detected.mime.startsWith('image/'))
    return `is not a picture: the server sent ${detected.mime} (${detected.ext})`;
  if (detected.ext !== expected)
    return `is a ${detected.ext.toUpperCase()} picture under a .${extension} name`;
  return undefined;
}

/** Resolved and checked addresses: the one to connect to, or why the host is refused. */
async function checkedAddress(
  url: URL,
  siteHosts: ReadonlySet<string>,
): Promise<{ address: string; family: 4 | 6 }> {
  const host = hostName(url);
  const own = siteHosts.has(host);
  const family = isIP(host);
  const addresses =
    family === 4 || family === 6
      ? [{ address: host, family }]
      : await lookup(host, { all: true }).catch((error: unknown) => {
          const code = (error as NodeJS.ErrnoException).code ?? String(error);
          throw new FetchFailure(`the host ${host} was not found (${code})`, code === 'EAI_AGAIN');
        });
  const first = addresses[0];
  if (!first) throw new FetchFailure(`the host ${host} has no address`);
  if (!own) {
    const inside = addresses.find((entry) => !isPublicAddress(entry.address));
    if (inside)
      throw new FetchFailure(
        `refused: ${host} is at a private or local address (${inside.address}) and is not the export's own site`,
      );
  }
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** One GET, no redirects followed: the answer's status, headers and (for a 200) body. */
async function getOnce(
  url: URL,
  siteHosts: ReadonlySet<string>,
  options: { timeoutMs: number; maxBytes: number; accept: string },
): Promise<{ status: number; location?: string | undefined; body?: Buffer }> {
  const pinned = await checkedAddress(url, siteHosts);
  // Connect to the address checked: a second DNS answer (rebinding) cannot send us elsewhere.
  const pin: LookupFunction = (_host, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolvePromise, reject) => {
    const signal = AbortSignal.timeout(options.timeoutMs);
    const req = request(
      url,
      {
        method: 'GET',
        lookup: pin,
        signal,
        headers: { accept: options.accept, 'user-agent': 'khabar-wordpress (importing pictures)' },
      },
      (response: IncomingMessage) => {
        const status = response.statusCode ?? 0;
        if (status !== 200) {
          response.resume();
          resolvePromise({ status, location: response.headers.location });
          return;
        }
        const declared = Number(response.headers['content-length'] ?? 0);
        if (declared > options.maxBytes) {
          req.destroy();
          reject(new FetchFailure(`is larger (${declared} bytes) than the ${options.maxBytes}-byte limit`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            req.destroy();
            reject(new FetchFailure(`is larger than the ${options.maxBytes}-byte limit`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => {
          resolvePromise({ status, body: Buffer.concat(chunks) });
        });
        response.on('error', (error) => {
          reject(attemptFailure(error, signal, options.timeoutMs));
        });
      },
    );
    req.on('error', (error) => {
      reject(attemptFailure(error, signal, options.timeoutMs));
    });
    req.end();
  });
}

function attemptFailure(error: Error, signal: AbortSignal, timeoutMs: number): FetchFailure {
  if (error instanceof FetchFailure) return error;
  if (signal.aborted) return new FetchFailure(`timed out after ${timeoutMs / 1000} s`, true);
  const code = (error as NodeJS.ErrnoException).code ?? error.message;
  // A certificate the machine does not trust, or a server that speaks no TLS, fails the same way again.
  const tls = /CERT|TLS|SSL/.test(code) || (code === 'EPROTO' && /SSL|TLS/i.test(error.message));
  return new FetchFailure(
    tls ? `the secure connection failed (${code})` : `the connection failed (${code})`,
    !tls,
  );
}

/** The body of `url`, following redirects; throws a FetchFailure. */
async function download(
  start: string,
  siteHosts: ReadonlySet<string>,
  options: { timeoutMs: number; maxBytes: number; maxRedirects: number; accept: string },
): Promise<Buffer> {
  let url: URL;
  try {
    url = new URL(start);
  } catch {
    throw new FetchFailure(`"${start}" is not an address`);
  }
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new FetchFailure(`${url.protocol} addresses are not fetched, only http and https`);
    const answer = await getOnce(url, siteHosts, options);
    if (answer.status === 200 && answer.body) return answer.body;
    if ([301, 302, 303, 307, 308].includes(answer.status) && answer.location) {
      if (hop >= options.maxRedirects) throw new FetchFailure(`more than ${options.maxRedirects} redirects`);
      url = new URL(answer.location, url);
      continue;
    }
    throw new FetchFailure(`the server answered HTTP ${answer.status}`, answer.status >= 500);
  }
}

const MIME: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
};

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Fetches each file not already in the cache, a few at a time. Every request gets an outcome: the
 * cached file's path, or why it could not be had.
 */
export async function fetchMedia(
  requests: readonly MediaRequest[],
  options: FetchMediaOptions,
): Promise<Map<string, MediaOutcome>> {
  const cacheDir = resolve(options.cacheDir);
  const siteHosts = new Set(options.siteHosts.map((host) => host.toLowerCase()));
  const settings = {
    timeoutMs: options.timeoutMs ?? 30_000,
    maxBytes: options.maxBytes ?? 25 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
  };
  const retries = options.retries ?? 2;
  const outcomes = new Map<string, MediaOutcome>();
  const queue = [...new Map(requests.map((request) => [request.file, request])).values()];
  const total = queue.length;
  let done = 0;

  const one = async ({ url, file }: MediaRequest): Promise<MediaOutcome> => {
    const target = join(cacheDir, file);
    if (!target.startsWith(cacheDir + sep))
      return { ok: false, reason: 'its path leaves the uploads folder' };
    if (existsSync(target)) return { ok: true, path: target, downloaded: false };
    const extension = (/\.([a-z0-9]+)$/i.exec(file)?.[1] ?? '').toLowerCase();
    const mime = MIME[FORMATS[extension] ?? ''];
    const accept = mime ? `${mime},image/*;q=0.8` : 'image/*';
    let last: FetchFailure | undefined;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await pause(200 * 2 ** (attempt - 1));
      try {
        const body = await download(url, siteHosts, { ...settings, accept });
        const problem = await pictureProblem(body, file);
        if (problem) return { ok: false, reason: `the downloaded file ${problem}` };
        await mkdir(dirname(target), { recursive: true });
        const partial = `${target}.${createHash('sha1').update(url).digest('hex').slice(0, 8)}.part`;
        await writeFile(partial, body);
        await rename(partial, target);
        return { ok: true, path: target, downloaded: true };
      } catch (error) {
        if (!(error instanceof FetchFailure)) throw error;
        last = error;
        if (!error.retry) break;
      }
    }
    const tries = retries > 0 && last?.retry ? ` (tried ${retries + 1} times)` : '';
    return { ok: false, reason: `${last?.message ?? 'failed'}${tries}` };
  };

  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      outcomes.set(next.file, await one(next));
      done++;
      options.progress?.(done, total);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return outcomes;
}
