/**
 * `khabar-comments serve`: the Web-standard handler behind Node's HTTP server, through
 * `@hono/node-server` (which turns Node's requests into `Request`s and back, streaming, and refuses a
 * request with a malformed host or path before the handler sees it).
 *
 * The server guards its file descriptors, so slow or idle connections (a slowloris) cannot starve the
 * readers and the store: connections are capped in total (below the process's open-file limit) and per
 * client address (a trusted proxy, which carries everyone's requests, is exempt), headers must arrive
 * within 10 s and the whole request within 30 s, and a connection idle for 30 s is closed.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import { inRanges } from '../lib/address.ts';
import type { CommentsHandler } from '../receiver/index.ts';

export interface NodeServerOptions {
  handler: CommentsHandler;
  port: number;
  host?: string;
  logger?: Pick<Console, 'error' | 'warn'>;
  /** Peers that may open any number of connections (the site's reverse proxy). */
  trustedProxies?: readonly string[];
  /** Most open connections in all; by default the open-file limit less 128 for the store and logs. */
  maxConnections?: number;
  /** Most open connections from one client address. @example 64 */
  maxConnectionsPerAddress?: number;
}

/** File descriptors kept back from connections: the store's files, fsyncs, logs, the manifest. */
const RESERVED_FILES = 128;

/** The soft limit on open files (`ulimit -n`), where Linux tells it; undefined elsewhere. */
export function openFileLimit(limits: string | undefined): number | undefined {
  const match = limits ? /^Max open files\s+(\d+|unlimited)/m.exec(limits) : null;
  if (!match?.[1] || match[1] === 'unlimited') return undefined;
  return Number(match[1]);
}

/** `/proc/self/limits`, or undefined off Linux. */
export function readProcLimits(): string | undefined {
  try {
    return readFileSync('/proc/self/limits', 'utf8');
  } catch {
    return undefined;
  }
}

/** The default total cap: what the open-file limit leaves after the reserve, and never below 64. */
export function defaultMaxConnections(fileLimit: number | undefined): number {
  return fileLimit === undefined ? 4096 : Math.max(64, fileLimit - RESERVED_FILES);
}

/**
 * Counts connections per client address and destroys, as soon as they are accepted, those beyond the
 * cap, so their descriptors are freed at once. Pure bookkeeping over `net.Socket`s.
 */
export function capConnectionsPerAddress(
  server: Server,
  max: number,
  trustedProxies: readonly string[],
): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    if (inRanges(address, trustedProxies)) return;
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
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
    serverOptions: {
      requestTimeout: 30_000,
      // Generous: the check runs on the event loop before the waiting bytes are read, so under a burst
      // (2,000 posts at once on a busy machine) a reader whose headers sat in the socket for 10 s was
      // answered 408. A slowloris is held off by the per-address cap below, not by this alone.
      headersTimeout: 20_000,
      // How often Node checks those two timeouts (30 s by default, which would let a slowloris hold on).
      connectionsCheckingInterval: 2_000,
      maxHeaderSize: 16_384,
    },
  }) as Server;
  server.keepAliveTimeout = 5_000;
  // A connection that sends nothing at all for this long is closed.
  server.setTimeout(30_000, (socket) => socket.destroy());
  server.maxConnections = options.maxConnections ?? defaultMaxConnections(openFileLimit(readProcLimits()));
  capConnectionsPerAddress(server, options.maxConnectionsPerAddress ?? 64, options.trustedProxies ?? []);
  let warnedAt = -Infinity;
  server.on('drop', () => {
    // Once a minute at most: under a flood, one line says it.
    if (Date.now() - warnedAt < 60_000) return;
    warnedAt = Date.now();
    logger.warn(
      `khabar-comments: refusing connections: ${server.maxConnections} are open (the most this receiver takes)`,
    );
  });
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
