/**
 * Opening a store from its spec (`file:`, `sqlite:`, `postgres://`, `export:`), and choosing which one
 * a command uses. The database drivers are loaded only for the store asked for, so a site on the file
 * store never loads `node:sqlite` or `pg`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { STATUSES } from './comment.ts';
import { FileStore } from './fs.ts';
import {
  defaultStoreSpec,
  DEFAULT_SQLITE_FILE,
  describeStore,
  parseStoreSpec,
  type StoreSpec,
} from './spec.ts';
import type { CommentStore } from './types.ts';

/** An open store: close it when done (it commits what is pending and releases connections). */
export type OpenStore = CommentStore & { close(): Promise<void> };

export interface OpenStoreOptions {
  /** The folder relative paths are taken from (the working directory by default). */
  base?: string;
  /** Open for reading only: a build. SQLite then refuses a missing file rather than creating it. */
  readOnly?: boolean;
  /** Where a PostgreSQL pool reports a lost connection. */
  logger?: Pick<Console, 'error'>;
  /**
   * SQLite only: a file being filled to be moved into place when complete (an importer's staging
   * store): commits skip their fsync, closing syncs the file once. See `SqliteStoreOptions.scratch`.
   */
  scratch?: boolean;
}

/**
 * Opens the store a spec names, creating it (and applying schema migrations) as needed.
 *
 * @example
 * import { openStore } from 'khabar-comments/store';
 * const store = await openStore(process.env.KHABAR_COMMENTS_STORE ?? 'sqlite:./comments/comments.db');
 * try { await store.add(comment); } finally { await store.close(); }
 */
export async function openStore(
  spec: string | StoreSpec,
  options: OpenStoreOptions = {},
): Promise<OpenStore> {
  const parsed = typeof spec === 'string' ? parseStoreSpec(spec, options.base ?? process.cwd()) : spec;
  switch (parsed.kind) {
    case 'file': {
      const store = new FileStore(parsed.path);
      if (!options.readOnly) await store.init();
      return store;
    }
    case 'sqlite': {
      const { SqliteStore } = await import('./sqlite.ts');
      return SqliteStore.open(parsed.path, {
        readOnly: options.readOnly ?? false,
        scratch: options.scratch ?? false,
      });
    }
    case 'postgres': {
      const { PostgresStore } = await import('./postgres.ts');
      return PostgresStore.open(parsed.url, {
        schema: parsed.schema,
        readOnly: options.readOnly ?? false,
        ...(options.logger ? { logger: options.logger } : {}),
      });
    }
    case 'export': {
      const { ExportStore } = await import('./export.ts');
      return ExportStore.open('url' in parsed ? { url: parsed.url } : { path: parsed.path });
    }
  }
}

/** What a comments folder holds: a SQLite database, a file store, both or neither. */
export function inspectFolder(dir: string): { sqlite: boolean; fileStore: boolean } {
  return {
    sqlite: existsSync(join(dir, DEFAULT_SQLITE_FILE)),
    fileStore: STATUSES.some((status) => existsSync(join(dir, status))),
  };
}

export interface StoreChoice {
  spec: StoreSpec;
  /** Where the choice came from, for messages. */
  from: '--store' | 'KHABAR_COMMENTS_STORE' | 'site.json' | 'default';
}

/**
 * Which store a CLI command uses: `--store`, else `KHABAR_COMMENTS_STORE`, else the store the site's
 * build wrote into `site.json` (paths there are relative to its folder), else the folder's default
 * (`defaultStoreSpec`). Relative paths in the flag and the variable are taken from `cwd`.
 */
export function chooseStore(input: {
  flag?: string | undefined;
  env?: string | undefined;
  manifest?: string | undefined;
  dir: string;
  cwd: string;
}): StoreChoice {
  if (input.flag) return { spec: parseStoreSpec(input.flag, input.cwd, '--store'), from: '--store' };
  if (input.env)
    return {
      spec: parseStoreSpec(input.env, input.cwd, 'KHABAR_COMMENTS_STORE'),
      from: 'KHABAR_COMMENTS_STORE',
    };
  if (input.manifest)
    return {
      spec: parseStoreSpec(input.manifest, input.dir, `${join(input.dir, 'site.json')}: store`),
      from: 'site.json',
    };
  return { spec: defaultStoreSpec(input.dir, inspectFolder(input.dir)), from: 'default' };
}

export { describeStore };
