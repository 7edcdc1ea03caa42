#!/usr/bin/env node
/**
 * `khabar-comments`: run the receiver and moderate from a terminal.
 *
 *   khabar-comments serve --dir comments --port 8787 [--origin https://news.example]
 *   khabar-comments list [--status pending] [--post <id>] [--json]
 *   khabar-comments show <id>
 *   khabar-comments approve|spam|trash|delete <id>…
 *   khabar-comments export [--status approved] [--private] > comments.json
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHandler } from './handler.ts';
import { excerpt } from './lib/markdown.ts';
import type { CommentStatus, StoredComment } from './schemas/comment.ts';
import { STATUSES } from './schemas/comment.ts';
import { ManifestPosts, readManifest } from './server/manifest.ts';
import { startNodeServer } from './server/node.ts';
import { FileStore } from './store/fs.ts';
import { KhabarCommentsConfigError } from './utils/friendly-errors.ts';

const HELP = `khabar-comments: static comments for Astro news sites

Usage:
  khabar-comments serve   --dir <folder> [--port 8787] [--host 127.0.0.1] [--origin <url>]…
                          [--base-path /] [--trusted-proxy <ip|cidr>]… [--secret-env KHABAR_COMMENTS_SECRET]
                          [--moderation all|previously-approved|none] [--max-depth 5]
                          [--close-after-days N] [--deploy-hook <url>]
  khabar-comments list    [--dir comments] [--status pending|approved|spam|trash|all] [--post <id>] [--json]
  khabar-comments show    <id> [--dir comments] [--json]
  khabar-comments approve <id>… [--dir comments] [--deploy-hook <url>] [--no-deploy]
  khabar-comments spam    <id>…
  khabar-comments trash   <id>…
  khabar-comments delete  <id>…        (removes both the public and the private halves for good)
  khabar-comments export  [--status <status>|all] [--private] [--dir comments]

The folder defaults to ./comments. Settings not given as flags come from <folder>/site.json, which the
site build writes. The secret comes from the environment (KHABAR_COMMENTS_SECRET unless --secret-env).
The deploy hook may also come from KHABAR_COMMENTS_DEPLOY_HOOK.
`;

const STATUS_LABEL: Record<CommentStatus, string> = {
  pending: 'pending  (في انتظار المراجعة)',
  approved: 'approved (منشور)',
  spam: 'spam     (مزعج)',
  trash: 'trash    (محذوف)',
};

class UsageError extends Error {}

function isStatus(value: string): value is CommentStatus {
  return (STATUSES as readonly string[]).includes(value);
}

function date(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

/** One comment, readable in a terminal: Arabic text on lines of its own so the terminal cannot mix it with the columns. */
export function formatComment(comment: StoredComment, full: boolean): string {
  const c = comment.public;
  const lines = [
    `${c.id}  ${comment.status.padEnd(8)}  ${date(c.createdAt)} UTC  post: ${c.postId}${c.parentId ? `  reply to: ${c.parentId}` : ''}`,
    `    ${c.author || '—'}${c.url ? `  <${c.url}>` : ''}`,
  ];
  if (full) {
    lines.push(`    status: ${STATUS_LABEL[comment.status]}`);
    lines.push(`    e-mail: ${comment.private.email || '—'}   address: ${comment.private.ip ?? '—'}`);
    lines.push(`    agent:  ${comment.private.userAgent || '—'}`);
    lines.push('');
    for (const line of c.body.split('\n')) lines.push(`    ${line}`);
  } else {
    lines.push(`    ${excerpt(c.body, 100)}`);
  }
  return lines.join('\n');
}

async function callDeployHook(url: string, out: (line: string) => void): Promise<void> {
  try {
    const response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(15_000) });
    out(`deploy hook: ${response.status} ${response.statusText}`);
  } catch (error) {
    out(`deploy hook failed: ${String(error)}`);
  }
}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Runs the CLI; resolves to the exit code (serve resolves only when the server stops). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(HELP);
    return command ? 0 : 1;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      dir: { type: 'string', default: 'comments' },
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      origin: { type: 'string', multiple: true },
      'base-path': { type: 'string' },
      'trusted-proxy': { type: 'string', multiple: true },
      'secret-env': { type: 'string', default: 'KHABAR_COMMENTS_SECRET' },
      moderation: { type: 'string' },
      'max-depth': { type: 'string' },
      'close-after-days': { type: 'string' },
      'deploy-hook': { type: 'string' },
      'no-deploy': { type: 'boolean', default: false },
      status: { type: 'string' },
      post: { type: 'string' },
      json: { type: 'boolean', default: false },
      private: { type: 'boolean', default: false },
    },
  });
  const dir = resolve(io.cwd, values.dir);
  const store = new FileStore(dir);
  const manifest = await readManifest(dir);

  switch (command) {
    case 'serve': {
      const secretEnv = values['secret-env'];
      const secret = io.env[secretEnv];
      if (!secret)
        throw new UsageError(
          `Set the secret in the environment variable ${secretEnv} (e.g. \`export ${secretEnv}=$(openssl rand -hex 32)\`).`,
        );
      const origins = values.origin ?? manifest?.origins ?? [];
      if (origins.length === 0)
        throw new UsageError(
          'Give the site origin with --origin https://news.example (or build the site first so site.json exists).',
        );
      const posts = new ManifestPosts(dir);
      if (!manifest)
        io.err(
          `warning: ${dir}/site.json does not exist yet: no post accepts comments until the site is built.`,
        );
      const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
      const closeAfter = values['close-after-days'];
      const handler = createHandler({
        store,
        posts: posts.lookup,
        origins,
        secret,
        basePath: values['base-path'],
        trustedProxies: values['trusted-proxy'] ?? manifest?.trustedProxies,
        moderation: (values.moderation ?? manifest?.moderation) as
          'all' | 'previously-approved' | 'none' | undefined,
        maxDepth: number(values['max-depth']) ?? manifest?.maxDepth,
        closeAfterDays:
          closeAfter === undefined
            ? manifest?.closeAfterDays
            : closeAfter === 'false'
              ? false
              : Number(closeAfter),
        requireNameEmail: manifest?.requireNameEmail,
        deployHook: values['deploy-hook'] ?? io.env['KHABAR_COMMENTS_DEPLOY_HOOK'] ?? manifest?.deployHook,
        limits: manifest?.limits,
      });
      await store.init();
      const server = await startNodeServer({ handler, port: Number(values.port), host: values.host });
      io.out(
        `khabar-comments: receiving comments at ${server.url}${values['base-path'] ?? '/'} (folder ${dir}; origins ${origins.join(', ')})`,
      );
      await new Promise<void>((done) => {
        const stop = () => {
          void server.close().then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return 0;
    }
    case 'list': {
      const status = values.status ?? 'pending';
      if (status !== 'all' && !isStatus(status))
        throw new UsageError(`--status must be one of ${STATUSES.join(', ')}, all`);
      const comments = await store.list({
        status: status === 'all' ? undefined : status,
        postId: values.post,
      });
      if (values.json) {
        io.out(
          JSON.stringify(
            comments.map((c) => ({ status: c.status, ...c.public })),
            null,
            2,
          ),
        );
        return 0;
      }
      if (comments.length === 0) io.out(`No ${status === 'all' ? '' : `${status} `}comments.`);
      for (const comment of comments) io.out(`${formatComment(comment, false)}\n`);
      return 0;
    }
    case 'show': {
      const id = positionals[0];
      if (!id) throw new UsageError('Which comment? khabar-comments show <id>');
      const comment = await store.get(id);
      if (!comment) {
        io.err(`No comment with id "${id}".`);
        return 1;
      }
      io.out(values.json ? JSON.stringify(comment, null, 2) : formatComment(comment, true));
      return 0;
    }
    case 'approve':
    case 'spam':
    case 'trash': {
      if (positionals.length === 0) throw new UsageError(`Which comment? khabar-comments ${command} <id>…`);
      const status: CommentStatus = command === 'approve' ? 'approved' : command;
      let failed = 0;
      let approved = 0;
      for (const id of positionals) {
        const updated = await store.setStatus(id, status);
        if (!updated) {
          io.err(`No comment with id "${id}".`);
          failed++;
          continue;
        }
        if (status === 'approved') approved++;
        io.out(`${id}: ${STATUS_LABEL[status]}`);
      }
      const hook = values['deploy-hook'] ?? io.env['KHABAR_COMMENTS_DEPLOY_HOOK'] ?? manifest?.deployHook;
      if (approved > 0 && hook && !values['no-deploy']) await callDeployHook(hook, io.out);
      else if (approved > 0) io.out('Rebuild the site to publish the approved comments.');
      return failed > 0 ? 1 : 0;
    }
    case 'delete': {
      if (positionals.length === 0) throw new UsageError('Which comment? khabar-comments delete <id>…');
      let failed = 0;
      for (const id of positionals) {
        if (await store.delete(id)) io.out(`${id}: deleted`);
        else {
          io.err(`No comment with id "${id}".`);
          failed++;
        }
      }
      return failed > 0 ? 1 : 0;
    }
    case 'export': {
      const status = values.status ?? 'all';
      if (status !== 'all' && !isStatus(status))
        throw new UsageError(`--status must be one of ${STATUSES.join(', ')}, all`);
      const comments = await store.list({
        status: status === 'all' ? undefined : status,
        postId: values.post,
      });
      const rows = comments.map((c) => (values.private ? c : { status: c.status, public: c.public }));
      io.out(JSON.stringify({ version: 1, exportedAt: new Date().toISOString(), comments: rows }, null, 2));
      return 0;
    }
    default:
      throw new UsageError(`Unknown command "${command}". Run khabar-comments help.`);
  }
}

function isEntry(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntry()) {
  main(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    cwd: process.cwd(),
  }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      if (error instanceof UsageError || error instanceof KhabarCommentsConfigError)
        process.stderr.write(`${error.message}\n`);
      else if (
        error instanceof Error &&
        error.name === 'TypeError' &&
        'code' in error &&
        String(error.code).startsWith('ERR_PARSE_ARGS')
      ) {
        process.stderr.write(`${error.message}\nRun khabar-comments help.\n`);
      } else
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
