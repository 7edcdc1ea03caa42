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
 * Or in a browser, at http://localhost:8787/moderate: unless you set a password of your own (`pnpm
 * comments passwd`, or KHABAR_COMMENTS_MODERATOR_PASSWORD_HASH), the receiver is given a development
 * password made for this machine, kept in examples/news/comments/.dev-moderator-password (git-ignored)
 * and printed below; its hash reaches the receiver through KHABAR_COMMENTS_MODERATOR_PASSWORD_HASH.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const example = join(root, 'examples/news');
const commentsDir = join(example, 'comments');
const secretFile = join(commentsDir, '.dev-secret');
const devPasswordFile = join(commentsDir, '.dev-moderator-password');
const cli = join(root, 'packages/comments/dist/cli.js');
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

/**
 * The moderation page's password for `pnpm start`: none when the owner set one (the hash file `pnpm
 * comments passwd` writes, or the variable); otherwise this machine's development password, hashed by
 * `khabar-comments passwd --print` for the receiver's environment.
 */
function devModerator() {
  if (
    process.env.KHABAR_COMMENTS_MODERATOR_PASSWORD_HASH ||
    existsSync(join(commentsDir, 'moderator-password.hash'))
  )
    return { env: {}, note: 'the password you set with pnpm comments passwd' };
  let password;
  if (existsSync(devPasswordFile)) password = readFileSync(devPasswordFile, 'utf8').trim();
  else {
    mkdirSync(commentsDir, { recursive: true });
    password = `khabar-dev-${randomBytes(9).toString('base64url')}`;
    writeFileSync(devPasswordFile, `${password}\n`, { mode: 0o600 });
  }
  const hashed = spawnSync(process.execPath, [cli, 'passwd', '--print'], {
    input: `${password}\n`,
    encoding: 'utf8',
  });
  if (hashed.status !== 0) throw new Error(`khabar-comments passwd failed: ${hashed.stderr}`);
  return {
    env: { KHABAR_COMMENTS_MODERATOR_PASSWORD_HASH: hashed.stdout.trim() },
    note: `password ${password} (from examples/news/comments/.dev-moderator-password)`,
  };
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
  const moderator = devModerator();
  const receiver = run(
    process.execPath,
    [
      cli,
      'serve',
      '--dir',
      commentsDir,
      '--store',
      commentStore,
      '--port',
      process.env.KHABAR_COMMENTS_PORT ?? '8787',
    ],
    { env: { ...env, ...moderator.env } },
  );
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
  const port = process.env.KHABAR_COMMENTS_PORT ?? '8787';
  console.log(
    `\nخبر: the newsroom at http://localhost:4321/ and its comment receiver at http://localhost:${port}/\n` +
      `     moderation at http://localhost:${port}/moderate — ${moderator.note}\n`,
  );
});
