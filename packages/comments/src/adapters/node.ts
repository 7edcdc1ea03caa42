/** `khabar-comments serve`: the Web-standard handler behind Node's own HTTP server. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CommentsHandler } from '../receiver/index.ts';

/** The most the Node server reads of a body before it gives up (the handler's own cap is usually lower). */
export const HARD_BODY_CAP = 4 * 1024 * 1024;

/** Turns a Node request and its (already read) body into a Web `Request`. */
export function toWebRequest(req: IncomingMessage, origin: string, body: Buffer | null): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? '';
    const value = req.rawHeaders[i + 1] ?? '';
    try {
      headers.append(name, value);
    } catch {
      // A header Node accepted but the Fetch standard does not: leave it out.
    }
  }
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    body: body ? new Uint8Array(body) : null,
  });
}

/** Reads the body into memory, up to `cap` bytes; resolves to undefined when it is larger. */
function readBody(req: IncomingMessage, cap: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        req.removeAllListeners('data');
        req.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      resolve(Buffer.concat(chunks, size));
    });
    req.on('error', reject);
  });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  if (body) headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

export interface NodeServerOptions {
  handler: CommentsHandler;
  port: number;
  host?: string;
  logger?: Pick<Console, 'error'>;
}

/** Starts the receiver; resolves once it listens. */
export async function startNodeServer(
  options: NodeServerOptions,
): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const { handler, logger = console } = options;
  const server = createServer(
    { requestTimeout: 30_000, headersTimeout: 10_000, maxHeaderSize: 16_384 },
    (req, res) => {
      const origin = `http://${req.headers.host && /^[\w.:[\]-]+$/.test(req.headers.host) ? req.headers.host : 'localhost'}`;
      const method = req.method ?? 'GET';
      const hasBody = method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
      (hasBody ? readBody(req, HARD_BODY_CAP) : Promise.resolve(null))
        .then(async (body) => {
          if (body === undefined) {
            res
              .writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' })
              .end('Request body too large');
            return;
          }
          let request: Request;
          try {
            request = toWebRequest(req, origin, body);
          } catch {
            res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request');
            return;
          }
          await send(res, await handler(request, { clientAddress: req.socket.remoteAddress }));
        })
        .catch((error: unknown) => {
          logger.error(
            `khabar-comments: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          res.end('Internal error');
        });
    },
  );
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
