import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { exampleDist } from './paths.ts';

/** Content types of what an Astro build writes. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.xml',
  '.txt',
  '.svg',
  '.webmanifest',
]);

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The absolute URL of a site path. */
  url(path: string): string;
  close(): Promise<void>;
}

/** The file a request path maps to, or undefined when the path escapes the root or is malformed. */
async function resolveFile(root: string, pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const candidate = normalize(join(root, decoded));
  if (
    candidate !== root.replace(/[\\/]$/, '') &&
    !candidate.startsWith(root.endsWith(sep) ? root : root + sep)
  ) {
    return undefined;
  }
  for (const file of decoded.endsWith('/')
    ? [join(candidate, 'index.html')]
    : [candidate, join(candidate, 'index.html')]) {
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return file;
  }
  return undefined;
}

/**
 * Serves a built static site the way a production host does: percent-decoded paths to files, `index.html`
 * for directories, the site's `404.html` with status 404 for misses, correct content types, gzip for text
 * when the client accepts it, and long caching for Astro's hashed `/_astro/` assets. Listens on a random
 * port of 127.0.0.1.
 */
export async function serveDist(root: string = exampleDist): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      let file = await resolveFile(root, url.pathname);
      let status = 200;
      if (!file) {
        status = 404;
        file = join(root, '404.html');
      } else if (
        !url.pathname.endsWith('/') &&
        file.endsWith(`${sep}index.html`) &&
        !url.pathname.endsWith('.html')
      ) {
        // A directory asked for without its slash: send the reader to the canonical URL.
        response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      const ext = extname(file);
      const headers: Record<string, string> = {
        'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
        'cache-control': url.pathname.startsWith('/_astro/')
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
        'x-content-type-options': 'nosniff',
      };
      const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
      if (gzip) {
        headers['content-encoding'] = 'gzip';
        headers.vary = 'accept-encoding';
      } else {
        const info = await stat(file);
        headers['content-length'] = String(info.size);
      }
      response.writeHead(status, headers);
      if (request.method === 'HEAD') {
        response.end();
        return;
      }
      const source = createReadStream(file);
      await (gzip ? pipeline(source, createGzip(), response) : pipeline(source, response));
    })().catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  // Browsers keep connections alive; close them with the server so a suite never hangs on teardown.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}
