/**
 * Where comments are stored, as one string: the `--store` flag of every CLI command, the
 * `KHABAR_COMMENTS_STORE` environment variable, the integration's `store` option and `openStore()`.
 *
 *   file:./comments            one JSON file per comment in a folder (the original store)
 *   sqlite:./comments.db       one SQLite database file (the default for new sites)
 *   postgres://user@host/db    PostgreSQL, which several receivers can share (`?schema=name` optional)
 *   export:./approved.json     an export file, or an http(s) URL of one: read-only, for builds and moves
 *
 * Pure: parsing resolves relative paths against a base folder given by the caller.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { z } from 'astro/zod';
import { KhabarCommentsConfigError } from '../config/friendly-errors.ts';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function postgresProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (!url.hostname && !url.searchParams.get('host')) return 'names no host';
  if (url.pathname.length <= 1) return 'names no database (postgres://user@host:5432/database)';
  const schema = url.searchParams.get('schema');
  if (schema !== null && !SCHEMA_NAME.test(schema))
    return `has schema "${schema}": use lower-case letters, digits and "_"`;
  return undefined;
}

/**
 * A store spec, checked. The message names the accepted forms, since a typo here is the likeliest
 * mistake (`sqlite://x.db`, `./comments` without `file:`).
 * @example 'sqlite:./comments/comments.db'
 */
export const StoreSpecSchema = z.string().superRefine((value, ctx) => {
  const issue = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
  };
  const kind = /^([a-z]+):/.exec(value)?.[1];
  if (kind === 'postgres' || kind === 'postgresql') {
    const problem = postgresProblem(value);
    if (problem) issue(`the PostgreSQL URL ${problem}`);
  } else if (kind === 'file' || kind === 'sqlite' || kind === 'export') {
    const rest = value.slice(kind.length + 1);
    if (!rest)
      issue(
        `"${kind}:" needs a path after it, e.g. "${kind}:./comments${kind === 'file' ? '' : kind === 'sqlite' ? '.db' : '.json'}"`,
      );
    else if (kind === 'sqlite' && rest.startsWith('//'))
      issue(`write "sqlite:${rest.replace(/^\/\/+/, '/')}" (one colon, then the path)`);
  } else
    issue(
      'must start with file:, sqlite:, postgres:// or export:, e.g. "sqlite:./comments.db", "file:./comments", "postgres://user@host/db"',
    );
});

export type StoreSpec =
  | { kind: 'file'; path: string }
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string; schema: string }
  | { kind: 'export'; path: string }
  | { kind: 'export'; url: string };

/** Parses a spec; relative paths are taken from `base`. Throws a message naming `source` (the flag, the option). */
export function parseStoreSpec(value: string, base: string, source = '--store'): StoreSpec {
  const checked = StoreSpecSchema.safeParse(value);
  if (!checked.success)
    throw new KhabarCommentsConfigError(
      `${source}: ${checked.error.issues.map((i) => i.message).join('; ')} (got ${JSON.stringify(redact(value))})`,
      'The store is one of file:<folder>, sqlite:<file>, postgres://… or export:<file or URL>.',
    );
  const colon = value.indexOf(':');
  const kind = value.slice(0, colon);
  const rest = value.slice(colon + 1);
  if (kind === 'postgres' || kind === 'postgresql') {
    const url = new URL(value);
    const schema = url.searchParams.get('schema') ?? 'public';
    url.searchParams.delete('schema');
    return { kind: 'postgres', url: url.toString(), schema };
  }
  if (kind === 'export' && /^https?:\/\//.test(rest)) return { kind: 'export', url: rest };
  const path = resolve(base, rest);
  return kind === 'file' ? { kind, path } : kind === 'sqlite' ? { kind, path } : { kind: 'export', path };
}

/** A URL with its password replaced by `***`, for messages and logs. */
export function redact(spec: string): string {
  return spec.replace(/^(postgres(?:ql)?:\/\/[^:/?#@]*):[^@/?#]*@/, '$1:***@');
}

/** How a store is named in messages: the kind and where, never a password. */
export function describeStore(spec: StoreSpec): string {
  switch (spec.kind) {
    case 'postgres':
      return `${redact(spec.url)}${spec.schema === 'public' ? '' : ` (schema ${spec.schema})`}`;
    case 'export':
      return 'url' in spec ? `export:${spec.url}` : `export:${spec.path}`;
    default:
      return `${spec.kind}:${spec.path}`;
  }
}

/**
 * The spec as `site.json` keeps it: paths relative to the folder holding `site.json`, so the receiver
 * finds the store wherever the folder is, and a PostgreSQL URL without its password (the receiver
 * takes it from PGPASSWORD, ~/.pgpass or KHABAR_COMMENTS_STORE).
 */
export function manifestStoreSpec(spec: StoreSpec, dir: string): string {
  switch (spec.kind) {
    case 'postgres': {
      const url = new URL(spec.url);
      url.password = '';
      if (spec.schema !== 'public') url.searchParams.set('schema', spec.schema);
      return url.toString();
    }
    case 'export':
      return 'url' in spec ? `export:${spec.url}` : `export:${relativeTo(dir, spec.path)}`;
    default:
      return `${spec.kind}:${relativeTo(dir, spec.path)}`;
  }
}

function relativeTo(dir: string, path: string): string {
  const rel = relative(dir, path);
  return rel === '' ? '.' : isAbsolute(rel) || rel.startsWith('..') ? path : `./${rel}`;
}

/** The SQLite file a comments folder holds by default. */
export const DEFAULT_SQLITE_FILE = 'comments.db';

/**
 * The store of a comments folder when nothing names one: its SQLite database when there is one; the
 * file store when the folder already holds one (a site from before SQLite keeps working, untouched);
 * otherwise a new SQLite database, the default for new sites.
 */
export function defaultStoreSpec(dir: string, found: { sqlite: boolean; fileStore: boolean }): StoreSpec {
  if (!found.sqlite && found.fileStore) return { kind: 'file', path: dir };
  return { kind: 'sqlite', path: resolve(dir, DEFAULT_SQLITE_FILE) };
}
