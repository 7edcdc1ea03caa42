#!/usr/bin/env node
/**
 * `pnpm start`: builds the example newsroom and serves it with its comment receiver beside it.
 * `pnpm start:server` (`--server`): builds it for a Node server with @astrojs/node, where only the home
 * page, the first page of each listing and the feeds are built ahead and every story is rendered when a
 * reader asks for it (`rendering.prerender: 'recent'`), and runs that server.
 *
 *   site      http://localhost:4321/   (astro preview of examples/news/dist, or the Node server)
 *   comments  http://localhost:8787/   (khabar-comments serve, storing in examples/news/comments/comments.db)
 *
 * The receiver and the build share a secret for the forms' time tokens: KHABAR_COMMENTS_SECRET if set,
 * otherwise one made for this machine and kept in examples/news/comments/.dev-secret (git-ignored).
 * Moderate in another terminal: pnpm comments list, pnpm comments approve <id>, then pnpm build again.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const example = join(root, 'examples/news');
const commentsDir = join(example, 'comments');
const secretFile = join(commentsDir, '.dev-secret');
// The example's store (its astro.config.mjs names the same): one SQLite file, which the first build
// creates with the sample comments.
const commentStore = `sqlite:${join(commentsDir, 'comments.db')}`;

function devSecret() {
  if (process.env.KHABAR_COMMENTS_SECRET) return process.env.KHABAR_COMMENTS_SECRET;
  if (existsSync(secretFile)) return readFileSync(secretFile, 'utf8').trim();
  mkdirSync(commentsDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(secretFile, `${secret}\n`, { mode: 0o600 });
  return secret;
}

const server = process.argv.includes('--server');
const env = {
  ...process.env,
  KHABAR_COMMENTS_SECRET: devSecret(),
  ASTRO_TELEMETRY_DISABLED: '1',
  ...(server && { KHABAR_EXAMPLE_SERVER: '1' }),
};
const children = new Set();

function run(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', env, ...options });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function stopAll(code = 0) {
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

const build = run('pnpm', ['build'], { cwd: root });
build.on('exit', (code) => {
  if (code !== 0) {
    console.error('The build failed; nothing is served.');
    process.exit(code ?? 1);
  }
  const receiver = run(process.execPath, [
    join(root, 'packages/comments/dist/cli.js'),
    'serve',
    '--dir',
    commentsDir,
    '--store',
    commentStore,
    '--port',
    process.env.KHABAR_COMMENTS_PORT ?? '8787',
  ]);
  const site = server
    ? run(process.execPath, [join(example, 'dist/server/entry.mjs')], {
        cwd: example,
        env: { ...env, HOST: process.env.HOST ?? 'localhost', PORT: process.env.PORT ?? '4321' },
      })
    : run('pnpm', ['--filter', 'khabar-example-news', 'preview'], { cwd: root });
  for (const child of [receiver, site]) {
    child.on('exit', (code) => {
      if (children.size > 0) stopAll(code ?? 0);
    });
  }
  console.log(
    '\nخبر: the newsroom at http://localhost:4321/ and its comment receiver at http://localhost:8787/\n',
  );
});
