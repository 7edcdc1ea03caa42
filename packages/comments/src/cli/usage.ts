/** What every command of the CLI shares: the help text, the parsed flags, the terminal and the usage error. */
import { parseArgs } from 'node:util';

export const HELP = `khabar-comments: static comments for Astro news sites

Usage:
  khabar-comments serve   [--store <store>] [--dir <folder>] [--port 8787] [--host 127.0.0.1] [--origin <url>]…
                          [--base-path /] [--public-url <url>] [--trusted-proxy <ip|cidr>]…
                          [--secret-env KHABAR_COMMENTS_SECRET]
                          [--moderation all|previously-approved|none] [--max-depth 5]
                          [--close-after-days N] [--deploy-hook <url>] [--export <file.json>]
  khabar-comments list    [--store <store>] [--status pending|approved|spam|trash|all] [--post <id>] [--json]
  khabar-comments show    <id> [--store <store>] [--json]
  khabar-comments approve <id>… [--store <store>] [--deploy-hook <url>] [--no-deploy]
  khabar-comments spam    <id>…
  khabar-comments trash   <id>…
  khabar-comments delete  <id>…        (removes both the public and the private halves for good)
  khabar-comments export  [--store <store>] [--status <status>|all] [--private] [--out <file.json>]
  khabar-comments migrate --from <store> --to <store>
  khabar-comments passwd  [--dir <folder>] [--print]   (the password of /moderate, the moderation page)

A store is one of:
  sqlite:./comments/comments.db   one SQLite file (the default for a new site)
  file:./comments                 one JSON file per comment (sites from before SQLite)
  postgres://user@host/db         PostgreSQL, shared by several receivers (?schema=name optional)
  export:./approved.json          an export file or URL, read-only (for builds and restores)
It comes from --store, else KHABAR_COMMENTS_STORE, else the site's build (site.json), else the folder:
its comments.db, or its file store when it holds one, or a new comments.db.

The folder (--dir, default ./comments) holds site.json, which the site build writes; settings not
given as flags come from it. The secret comes from the environment (KHABAR_COMMENTS_SECRET unless
--secret-env). The deploy hook may also come from KHABAR_COMMENTS_DEPLOY_HOOK. --public-url is the
receiver's address as readers reach it (https:// behind a TLS proxy); its own pages' forms post
there. By default it is the site's endpoint when that is an absolute URL.

The receiver serves a moderation page at <base path>moderate. passwd reads a new password (without
echo on a terminal, else the first line of stdin) and writes its scrypt hash to <folder>/moderator-password.hash;
--print prints the hash instead, for KHABAR_COMMENTS_MODERATOR_PASSWORD_HASH (which wins over the file).
`;

/** A mistake in how the CLI was called: printed without a stack trace. */
export class UsageError extends Error {}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Where `passwd` reads the password: a terminal without echo (interactive), or a line of stdin. */
  secret?: { read: (prompt: string) => Promise<string>; interactive: boolean } | undefined;
}

/** Parses the flags every command understands (each command reads the ones it needs). */
export function parseFlags(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      dir: { type: 'string', default: 'comments' },
      store: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      export: { type: 'string' },
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      origin: { type: 'string', multiple: true },
      'base-path': { type: 'string' },
      'public-url': { type: 'string' },
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
      print: { type: 'boolean', default: false },
    },
  });
}

export type Flags = ReturnType<typeof parseFlags>['values'];
