/**
 * Latency of pages rendered on request: starts a built site's Node server (`@astrojs/node`, standalone)
 * on a free loopback port, warms it up, sends a fixed, seeded sequence of requests with bounded
 * concurrency over keep-alive connections, checks every answer, and reports percentiles and the
 * server's resident memory after the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { prng } from './generator/random.ts';
import { treeRssMB } from './proc-tree.ts';

export interface LatencyOptions {
  /** The built site's root (the server is started there: on-demand stories read their Markdown files). */
  root: string;
  /** Paths to request, already encoded (`/politics/%D8%A7…/`); picks are drawn from them at random. */
  paths: string[];
  /** Text each answer must contain, by path (e.g. the page's canonical URL): proof it is the right page. */
  expect?: (path: string) => string | undefined;
  requests: number;
  warmup: number;
  concurrency: number;
  seed: number;
  env?: Record<string, string>;
}

export interface LatencyResult {
  requests: number;
  concurrency: number;
  p50ms: number;
  p90ms: number;
  p99ms: number;
  maxMs: number;
  meanMs: number;
  requestsPerSecond: number;
  /** Sum of VmRSS over the server's process tree after the measured requests, in MB. */
  serverRssMB: number;
  /** Seconds from spawning the server to its first answer. */
  startSeconds: number;
}

/** A port nothing listens on now, on the loopback interface. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Nearest-rank percentile of sorted values: the smallest value at least `p` of them do not exceed. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

const running = new Set<ChildProcess>();

/** Stops a server and everything it spawned (its process group): SIGTERM, then SIGKILL after 5 s. */
async function stopServer(server: ChildProcess): Promise<void> {
  const pid = server.pid;
  if (pid === undefined || server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, 'exit');
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  group('SIGTERM');
  const timer = setTimeout(() => {
    group('SIGKILL');
  }, 5000);
  await exited;
  clearTimeout(timer);
  running.delete(server);
}

// A benchmark that dies must not leave a server listening.
process.on('exit', () => {
  for (const server of running) {
    try {
      if (server.pid) process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** One request, timed from sending it to the last byte of the body; throws when the answer is wrong. */
async function request(origin: string, path: string, expected: string | undefined): Promise<number> {
  const started = performance.now();
  const response = await fetch(origin + path, { redirect: 'manual' });
  const body = await response.text();
  const ms = performance.now() - started;
  const type = response.headers.get('content-type') ?? '';
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}, not 200`);
  if (!type.startsWith('text/html')) throw new Error(`GET ${path}: content-type "${type}", not HTML`);
  if (expected !== undefined && !body.includes(expected)) {
    throw new Error(`GET ${path}: the page does not contain ${expected}`);
  }
  return ms;
}

/** Sends `paths` with `concurrency` requests in flight; returns each request's milliseconds. */
async function load(origin: string, paths: string[], options: LatencyOptions): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++] as string;
      times.push(await request(origin, path, options.expect?.(path)));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return times;
}

/** Starts the server of a built site, measures, and stops it. */
export async function measureLatency(options: LatencyOptions): Promise<LatencyResult> {
  if (options.paths.length === 0) throw new Error('no paths to request');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const spawned = performance.now();
  const server = spawn(process.execPath, [join(options.root, 'dist', 'server', 'entry.mjs')], {
    cwd: options.root,
    env: { ...process.env, ...options.env, HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it stops whatever it spawned too.
    detached: true,
  });
  running.add(server);
  let log = '';
  // Decoded as streams, so that no character is split between two chunks.
  server.stdout.setEncoding('utf8').on('data', (text: string) => (log += text));
  server.stderr.setEncoding('utf8').on('data', (text: string) => (log += text));
  const fail = (message: string) => new Error(`${message}\n--- server output ---\n${log.slice(-4000)}`);
  try {
    // Ready when it answers at all.
    const deadline = performance.now() + 60_000;
    for (;;) {
      if (server.exitCode !== null) throw fail(`the server exited with code ${server.exitCode}`);
      try {
        await (await fetch(origin + '/')).arrayBuffer();
        break;
      } catch {
        if (performance.now() > deadline) throw fail('the server did not answer within 60 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const startSeconds = (performance.now() - spawned) / 1000;
    const random = prng(options.seed);
    const pick = () => options.paths[Math.floor(random() * options.paths.length)] as string;
    const warmup = Array.from({ length: options.warmup }, pick);
    const measured = Array.from({ length: options.requests }, pick);
    try {
      await load(origin, warmup, options);
      const started = performance.now();
      const times = await load(origin, measured, options);
      const seconds = (performance.now() - started) / 1000;
      const serverRssMB = server.pid ? (await treeRssMB(server.pid)).mb : NaN;
      const sorted = times.toSorted((a, b) => a - b);
      return {
        requests: times.length,
        concurrency: options.concurrency,
        p50ms: percentile(sorted, 0.5),
        p90ms: percentile(sorted, 0.9),
        p99ms: percentile(sorted, 0.99),
        maxMs: sorted.at(-1) ?? NaN,
        meanMs: times.reduce((a, b) => a + b, 0) / times.length,
        requestsPerSecond: times.length / seconds,
        serverRssMB,
        startSeconds,
      };
    } catch (error) {
      throw fail(error instanceof Error ? error.message : String(error));
    }
  } finally {
    await stopServer(server);
  }
}
