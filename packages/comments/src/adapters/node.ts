/**
 * `khabar-comments serve`: the Web-standard handler behind Node's HTTP server, through
 * `@hono/node-server` (which turns Node's requests into `Request`s and back, streaming, and refuses a
 * request with a malformed host or path before the handler sees it).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import type { CommentsHandler } from '../receiver/index.ts';

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
  const server = createAdaptorServer({
    fetch: (request, env) =>
      handler(request, { clientAddress: (env as HttpBindings).incoming.socket.remoteAddress }).catch(
        (error: unknown) => {
          logger.error(
            `khabar-comments: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
          return new Response('Internal error', { status: 500 });
        },
      ),
    serverOptions: { requestTimeout: 30_000, headersTimeout: 10_000, maxHeaderSize: 16_384 },
  }) as Server;
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
