/**
 * The SQLite store: one database file, through Node's own `node:sqlite` (no native addon to build).
 *
 * Durability: WAL journal with `synchronous = FULL`, so a transaction is in the fsynced WAL when COMMIT
 * returns; `add` resolves only after that, and the receiver answers 2xx only after `add` resolves. A
 * crash or power cut leaves every acknowledged comment and no partial row (a transaction is all or
 * nothing). Writes are grouped: the adds, status changes and deletions that arrive while one commit is
 * being prepared share the next one (each in its own savepoint, so one failing write fails alone), so
 * 64 concurrent submissions cost a few fsyncs rather than 64.
 *
 * Flood control lives in the same file (table `khabar_flood`), so receivers sharing the file share it.
 * Its writes commit with `synchronous = NORMAL`: no fsync of their own, since forgetting who posted in
 * the last seconds after a power cut is harmless; the next comment's commit syncs them anyway.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { FloodGuard } from '../lib/flood.ts';
import { COMMENT_ID, type CommentStatus, type PublicComment, type StoredComment } from './comment.ts';
import { duplicateHashes } from './fingerprint.ts';
import {
  checkedRow,
  COLUMNS,
  commentFromRow,
  floodWait,
  pendingMigrations,
  PUBLIC_COLUMNS,
  publicFromRow,
  SQLITE_MIGRATIONS,
  type CommentRow,
} from './sql.ts';
import type { CommentStore, ListFilter } from './types.ts';

const T = 'khabar_';

let sqliteModule: Promise<typeof import('node:sqlite')> | undefined;

/**
 * `node:sqlite`, loaded once. Node prints "SQLite is an experimental feature" when it is first loaded;
 * that one warning is held back (every other warning still prints), since it would greet an editor on
 * every `khabar-comments list` and says nothing they can act on.
 */
function loadSqlite(): Promise<typeof import('node:sqlite')> {
  sqliteModule ??= (async () => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back as it was; it is only called on `process`
    const emit = process.emitWarning;
    process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
      const text = typeof warning === 'string' ? warning : warning.message;
      if (text.includes('SQLite is an experimental feature')) return;
      Reflect.apply(emit, process, [warning, ...rest]);
    };
    try {
      return await import('node:sqlite');
    } catch (error) {
      throw new Error(
        `The SQLite store needs node:sqlite, in Node 22.13 or later (this is Node ${process.version})`,
        { cause: error },
      );
    } finally {
      process.emitWarning = emit;
    }
  })();
  return sqliteModule;
}

export interface SqliteStoreOptions {
  /** Open without writing: for builds. The schema must already be current. */
  readOnly?: boolean;
  /** How long a write waits for another process holding the lock (the CLI while the receiver runs). */
  busyTimeoutMs?: number;
  /** The most pages the file may grow to (SQLite's `max_page_count`): past it, writes fail as on a full disk. */
  maxPages?: number;
  /**
   * A file being filled to be put in place only when complete (an import's staging store), thrown away
   * if anything fails: its commits skip their fsync (`synchronous = OFF`), and `close` makes the file
   * durable once. Never for a store a receiver answers from.
   */
  scratch?: boolean;
}

interface Pending {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Applies the migrations not yet applied, in one immediate transaction (so two processes cannot both). */
function migrate(db: DatabaseSync, path: string): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${T}schema (version INTEGER PRIMARY KEY NOT NULL, description TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`,
    );
    const current = (
      db.prepare(`SELECT coalesce(max(version), 0) AS v FROM ${T}schema`).get() as { v: number }
    ).v;
    const record = db.prepare(`INSERT INTO ${T}schema (version, description, applied_at) VALUES (?, ?, ?)`);
    for (const migration of pendingMigrations(SQLITE_MIGRATIONS, current, path)) {
      db.exec(migration.sql(T, T));
      record.run(migration.version, migration.description, new Date().toISOString());
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** A read-only database must already be at the current schema. */
function checkVersion(db: DatabaseSync, path: string): void {
  let current = 0;
  try {
    current = (db.prepare(`SELECT coalesce(max(version), 0) AS v FROM ${T}schema`).get() as { v: number }).v;
  } catch {
    // No schema table: not a comments database, or one never opened for writing.
  }
  const latest = SQLITE_MIGRATIONS.at(-1)?.version ?? 0;
  pendingMigrations(SQLITE_MIGRATIONS, current, path);
  if (current < latest)
    throw new Error(
      `${path} is at comment schema version ${current}, not ${latest}: run any khabar-comments command on it once (it upgrades the schema) before reading it read-only`,
    );
}

export class SqliteStore implements CommentStore {
  readonly path: string;
  readonly flood: FloodGuard;
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  #queue: Pending[] = [];
  #scheduled = false;
  #floodWrites = 0;
  /** The `synchronous` level of the store's commits: FULL, or OFF for a scratch file. */
  readonly #synchronous: 'FULL' | 'OFF';

  private constructor(path: string, db: DatabaseSync, scratch: boolean) {
    this.path = path;
    this.#db = db;
    this.#synchronous = scratch ? 'OFF' : 'FULL';
    this.flood = {
      reserve: (key, now, windowMs) => this.#reserve(key, now, windowMs),
      release: (key, at) => {
        this.#floodWrite(() => this.#sql(`DELETE FROM ${T}flood WHERE key = ? AND at = ?`).run(key, at));
      },
    };
  }

  /** Opens (and creates, unless read-only) the database, applying any schema migration. */
  static async open(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
    const { DatabaseSync } = await loadSqlite();
    const readOnly = options.readOnly ?? false;
    if (readOnly && !existsSync(path)) throw new Error(`There is no SQLite database at ${path}`);
    if (!readOnly) await mkdir(dirname(path), { recursive: true });
    let db: DatabaseSync;
    try {
      db = new DatabaseSync(path, { readOnly, timeout: options.busyTimeoutMs ?? 5000 });
    } catch (error) {
      throw new Error(`Could not open the SQLite database ${path}: ${describe(error)}`, { cause: error });
    }
    try {
      if (!readOnly) db.exec('PRAGMA journal_mode = WAL');
      db.exec(`PRAGMA synchronous = ${options.scratch ? 'OFF' : 'FULL'}`);
      if (options.maxPages) db.exec(`PRAGMA max_page_count = ${Math.floor(options.maxPages)}`);
      if (readOnly) checkVersion(db, path);
      else migrate(db, path);
    } catch (error) {
      db.close();
      throw new Error(`Could not open the SQLite database ${path}: ${describe(error)}`, { cause: error });
    }
    return new SqliteStore(path, db, Boolean(options.scratch) && !readOnly);
  }

  #sql(text: string): StatementSync {
    let statement = this.#statements.get(text);
    if (!statement) {
      statement = this.#db.prepare(text);
      this.#statements.set(text, statement);
    }
    return statement;
  }

  /** Queues a write for the next grouped commit; resolves once that commit is durable. */
  #write<V>(run: () => V): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      this.#queue.push({ run, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => {
          this.#flush();
        });
      }
    });
  }

  /** Runs the queued writes in one transaction, each in a savepoint, and commits (fsync) once. */
  #flush(): void {
    this.#scheduled = false;
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 0) return;
    const db = this.#db;
    const results: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      db.exec('BEGIN IMMEDIATE');
      for (const item of batch) {
        db.exec('SAVEPOINT khabar_write');
        try {
          results.push({ ok: true, value: item.run() });
          db.exec('RELEASE khabar_write');
        } catch (error) {
          // Some errors (a full disk) make SQLite roll back the whole transaction, not just the
          // statement: then the writes before this one are gone too, and the batch fails as one.
          if (!db.isTransaction) throw error;
          db.exec('ROLLBACK TO khabar_write');
          db.exec('RELEASE khabar_write');
          results.push({ ok: false, error });
        }
      }
      db.exec('COMMIT');
    } catch (error) {
      // Nothing of this batch is stored: every caller hears so, and no one is answered 2xx.
      try {
        if (db.isTransaction) db.exec('ROLLBACK');
      } catch {
        // The rollback failing too leaves SQLite to roll back from its journal when the file is next opened.
      }
      const failure = new Error(`Could not write to the SQLite database ${this.path}: ${describe(error)}`, {
        cause: error,
      });
      for (const item of batch) item.reject(failure);
      return;
    }
    batch.forEach((item, i) => {
      const result = results[i];
      if (result?.ok) item.resolve(result.value);
      else item.reject(result?.error);
    });
  }

  /** A flood-control write: its own small transaction, committed without an fsync (see above). */
  #floodWrite<V>(run: () => V): V {
    this.#db.exec('PRAGMA synchronous = NORMAL');
    try {
      return run();
    } finally {
      this.#db.exec(`PRAGMA synchronous = ${this.#synchronous}`);
    }
  }

  #reserve(key: string, now: number, windowMs: number): number {
    return this.#floodWrite(() => {
      // One statement, atomic across processes: the slot is taken when the key is new or its last post
      // is at least a window old.
      const { changes } = this.#sql(
        `INSERT INTO ${T}flood (key, at) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET at = excluded.at WHERE ${T}flood.at <= excluded.at - ?`,
      ).run(key, now, windowMs);
      if (++this.#floodWrites % 1000 === 0)
        this.#sql(`DELETE FROM ${T}flood WHERE at < ?`).run(now - Math.max(windowMs, 86_400_000));
      if (Number(changes) > 0) return 0;
      const row = this.#sql(`SELECT at FROM ${T}flood WHERE key = ?`).get(key) as { at: number } | undefined;
      return row ? floodWait(row.at, now, windowMs) : 0;
    });
  }

  add(comment: StoredComment): Promise<void> {
    let row: CommentRow;
    try {
      row = checkedRow(comment);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const values: SQLInputValue[] = COLUMNS.map((column) => {
      const value = row[column];
      return typeof value === 'boolean' ? (value ? 1 : 0) : value;
    });
    return this.#write(() => {
      try {
        this.#sql(
          `INSERT INTO ${T}comments (${COLUMNS.join(', ')}, changed) VALUES (${COLUMNS.map(() => '?').join(', ')}, (SELECT coalesce(max(changed), 0) + 1 FROM ${T}comments))`,
        ).run(...values);
      } catch (error) {
        if (/UNIQUE|PRIMARY KEY/i.test(describe(error)))
          throw new Error(`A comment with id "${row.id}" already exists`, { cause: error });
        throw error;
      }
    });
  }

  #get(id: string): StoredComment | undefined {
    const row = this.#sql(`SELECT * FROM ${T}comments WHERE id = ?`).get(id) as CommentRow | undefined;
    return row ? commentFromRow(row) : undefined;
  }

  get(id: string): Promise<StoredComment | undefined> {
    if (!COMMENT_ID.test(id)) return Promise.resolve(undefined);
    return this.#read(() => this.#get(id));
  }

  /** Runs a read now; a failure (a broken file) rejects rather than throws. */
  #read<V>(run: () => V): Promise<V> {
    try {
      return Promise.resolve(run());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  list(filter: ListFilter = {}): Promise<StoredComment[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    }
    if (filter.postId) {
      where.push('post_id = ?');
      params.push(filter.postId);
    }
    const sql = `SELECT * FROM ${T}comments${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, id`;
    return this.#read(() => (this.#sql(sql).all(...params) as unknown as CommentRow[]).map(commentFromRow));
  }

  setStatus(id: string, status: CommentStatus): Promise<StoredComment | undefined> {
    if (!COMMENT_ID.test(id)) return Promise.resolve(undefined);
    return this.#write(() => {
      this.#sql(
        `UPDATE ${T}comments SET status = ?, changed = (SELECT max(changed) + 1 FROM ${T}comments) WHERE id = ? AND status <> ?`,
      ).run(status, id, status);
      return this.#get(id);
    });
  }

  delete(id: string): Promise<boolean> {
    if (!COMMENT_ID.test(id)) return Promise.resolve(false);
    return this.#write(() => Number(this.#sql(`DELETE FROM ${T}comments WHERE id = ?`).run(id).changes) > 0);
  }

  findDuplicate(comment: StoredComment): Promise<string | undefined> {
    const keys = duplicateHashes(comment);
    return this.#read(() => {
      const row = this.#sql(
        `SELECT id FROM ${T}comments WHERE name_key = ? AND status <> 'trash' AND id <> ?
         UNION ALL
         SELECT id FROM ${T}comments WHERE email_key = ? AND status <> 'trash' AND id <> ?
         LIMIT 1`,
      ).get(keys.name, comment.public.id, keys.email, comment.public.id) as { id: string } | undefined;
      return row?.id;
    });
  }

  hasApprovedAuthor(avatar: string): Promise<boolean> {
    return this.#read(
      () =>
        this.#sql(`SELECT 1 AS found FROM ${T}comments WHERE avatar = ? AND status = 'approved' LIMIT 1`).get(
          avatar,
        ) !== undefined,
    );
  }

  approved(): Promise<PublicComment[]> {
    return this.#read(() =>
      (
        this.#sql(
          `SELECT ${PUBLIC_COLUMNS} FROM ${T}public_comments ORDER BY created_at, id`,
        ).all() as unknown as CommentRow[]
      ).map(publicFromRow),
    );
  }

  approvedVersion(): Promise<string> {
    return this.#read(() => {
      const row = this.#sql(
        `SELECT count(*) AS n, coalesce(max(changed), 0) AS c FROM ${T}comments WHERE status = 'approved'`,
      ).get() as { n: number; c: number };
      return `${row.n}:${row.c}`;
    });
  }

  /** Commits what is queued, then closes the file. */
  close(): Promise<void> {
    this.#flush();
    if (this.#db.isOpen && this.#synchronous === 'OFF') {
      // A scratch file's commits were never synced: the checkpoint writes the WAL into the database and syncs it.
      this.#db.exec('PRAGMA synchronous = FULL');
      this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    }
    if (this.#db.isOpen) this.#db.close();
    return Promise.resolve();
  }
}
