import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { request, Agent } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueToken } from '../../src/lib/token.ts';
import { ManifestSchema, type Post } from '../../src/config/options.ts';
import { writeManifest } from '../../src/manifest.ts';

export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cliSource = join(packageRoot, 'src/cli.ts');
export const tmpRoot = join(packageRoot, 'test/.tmp');
export const SECRET = 'receiver-test-secret-0123456789abcdef';
export const ORIGIN = 'https://news.example';

const tempDirs: string[] = [];

/** A fresh folder under test/.tmp; `removeTempDirs` deletes it once its receiver has stopped. */
export async function tempDir(prefix: string): Promise<string> {
  await mkdir(tmpRoot, { recursive: true });
  const dir = await mkdtemp(join(tmpRoot, `${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

/** Deletes the folders `tempDir` made, so runs leave nothing behind in test/.tmp. */
export async function removeTempDirs(): Promise<void> {
  for (const dir of tempDirs.splice(0)) await rm(dir, { recursive: true, force: true });
}

/** Writes a site.json as the site build would. */
export async function writeSite(
  dir: string,
  posts: Post[],
  extra: { floodSeconds?: number } = {},
): Promise<void> {
  // The rules' defaults come from the schema, as a build's site.json would carry them.
  await writeManifest(
    dir,
    ManifestSchema.parse({
      version: 1,
      generatedAt: new Date().toISOString(),
      origins: [ORIGIN],
      endpoint: 'http://127.0.0.1/',
      limits: { floodSeconds: extra.floodSeconds ?? 15 },
      posts,
    }),
  );
}

export interface RunningReceiver {
  child: ChildProcess;
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `khabar-comments serve` from source in a child process (Node 22 strips the types); with
 * `openFiles`, under that limit on open files (`ulimit -n`), as a small server would run it; with
 * `prefix`, through that command (`unshare …`, `sh -c 'ulimit -f …'`).
 */
export async function startReceiver(
  dir: string,
  args: string[] = [],
  env: Record<string, string> = {},
  { openFiles, prefix = [] }: { openFiles?: number; prefix?: string[] } = {},
): Promise<RunningReceiver> {
  const command = [...prefix, process.execPath, cliSource, 'serve', '--dir', dir, '--port', '0', ...args];
  const [file = '', argv] =
    openFiles === undefined
      ? [command[0], command.slice(1)]
      : ['sh', ['-c', `ulimit -n ${openFiles} && exec "$@"`, 'sh', ...command]];
  const child = spawn(file, argv, {
    env: { ...process.env, KHABAR_COMMENTS_SECRET: SECRET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`The receiver did not start:\n${output}`));
    }, 20_000);
    const check = () => {
      const match = /receiving comments at (http:\/\/[\d.:]+)\//.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The receiver exited (${code}):\n${output}`));
    });
  });
  return {
    child,
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export function liveToken(postId: string, ageMs = 10_000): Promise<string> {
  return issueToken(SECRET, postId, Date.now() - ageMs);
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One POST over a given agent (Node http, so thousands can be in flight at once). */
export function rawPost(
  url: string,
  body: string,
  headers: Record<string, string>,
  agent: Agent,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (data += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A JSON comment submission from reader number `i`, behind a trusted proxy at 127.0.0.1. */
export async function submission(
  postId: string,
  i: number,
  token?: string,
): Promise<{ body: string; headers: Record<string, string> }> {
  const fields = {
    author: `قارئ ${i}`,
    email: `reader${i}@example.com`,
    comment: `تعليق رقم ${i} — marker-${i}-end`,
    comment_post_ID: postId,
    khabar_token: token ?? (await liveToken(postId)),
  };
  return {
    body: JSON.stringify(fields),
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      origin: ORIGIN,
      'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    },
  };
}
