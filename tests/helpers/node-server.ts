/**
 * A site built for @astrojs/node (standalone), served by its own built server on a free loopback port, as
 * `pnpm start:server` and a site owner's `node dist/server/entry.mjs` run it.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface NodeServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  get(path: string): Promise<{ status: number; headers: Headers; text: string }>;
  stop(): void;
}

/** The clock shim a server can be started with (`fakeNow`). */
const fakeClock = fileURLToPath(new URL('./fake-clock.mjs', import.meta.url));

/**
 * Starts `<dist>/server/entry.mjs` from the site's folder (stories rendered on request read their
 * Markdown files from there), optionally running at another instant (`fakeNow`, ISO).
 */
export function startNodeServer(
  entry: string,
  { cwd, fakeNow, env = {} }: { cwd: string; fakeNow?: string; env?: Record<string, string> },
): Promise<NodeServer> {
  return new Promise((resolve, reject) => {
    const args = fakeNow ? ['--import', fakeClock, entry] : [entry];
    const child = spawn(process.execPath, args, {
      cwd,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: '0',
        NODE_ENV: 'production',
        ...(fakeNow && { FAKE_NOW: fakeNow }),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the server did not start:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (!listening?.[1]) return;
      clearTimeout(timer);
      const origin = listening[1].replace(/\/$/, '');
      resolve({
        origin,
        async get(path) {
          const response = await fetch(`${origin}${path}`, { redirect: 'manual' });
          return { status: response.status, headers: response.headers, text: await response.text() };
        },
        stop() {
          child.kill('SIGTERM');
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${String(code)}):\n${output}`));
    });
  });
}

/** What `Cache-Tag` names, decoded. */
export function cacheTags(headers: Headers): string[] {
  return (headers.get('cache-tag') ?? '').split(',').filter(Boolean).map(decodeURIComponent);
}

/** The `s-maxage` of a response's `Cache-Control`. */
export function sMaxAge(headers: Headers): number {
  return Number(/s-maxage=(\d+)/.exec(headers.get('cache-control') ?? '')?.[1] ?? NaN);
}
