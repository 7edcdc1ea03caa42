import { spawn } from 'node:child_process';
import { mkdir, readFile, stat, symlink, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';
import { packageRoot } from './receiver.ts';

export const fixtureRoot = join(packageRoot, 'test/fixtures/site');
export const fixtureDist = join(fixtureRoot, 'dist');

/** This process's environment less NODE_ENV. */
function withoutNodeEnv(): NodeJS.ProcessEnv {
  const { NODE_ENV: _vitestMode, ...rest } = process.env;
  return rest;
}

function run(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      // Without Vitest's NODE_ENV=test, which would make the fixture's build a DEV build (tests/helpers/astro.ts).
      env: { ...withoutNodeEnv(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output}`));
    });
  });
}

/** Compiles the package (the fixture imports it through its exports map, i.e. dist/) and links it into the fixture. */
export async function preparePackage(): Promise<void> {
  const tsc = join(
    dirname(createRequire(join(packageRoot, 'package.json')).resolve('typescript/package.json')),
    'bin/tsc',
  );
  await run(process.execPath, [tsc, '-p', 'tsconfig.build.json'], packageRoot);
  const link = join(fixtureRoot, 'node_modules/khabar-comments');
  await mkdir(dirname(link), { recursive: true });
  await rm(link, { force: true, recursive: true });
  await symlink(packageRoot, link, 'dir');
}

/** Builds the fixture site with the given environment (and `astro build` flags, e.g. `--outDir`). */
export async function buildSite(env: Record<string, string>, args: string[] = []): Promise<string> {
  const astro = join(
    dirname(createRequire(join(packageRoot, 'package.json')).resolve('astro/package.json')),
    'bin/astro.mjs',
  );
  return run(process.execPath, [astro, 'build', ...args], fixtureRoot, env);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Serves the fixture's dist/ on 127.0.0.1, as a static host would. */
export async function serveStatic(
  root: string,
): Promise<{ server: Server; origin: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        let file = normalize(join(root, path));
        if (!file.startsWith(root)) throw new Error('outside');
        if ((await stat(file).catch(() => undefined))?.isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    server,
    origin,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => {
          r();
        });
        server.closeAllConnections();
      }),
  };
}
