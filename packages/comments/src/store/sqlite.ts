/**
 * The SQLite store: one database file, through Node's own `node:sqlite` (no native addon to build).
 *
 * Durability: a WAL journal, and a write resolves only once the WAL holding its commit is on disk (an
 * `fdatasync` of the WAL file after COMMIT), so the receiver answers 2xx only for a durable comment. A
 * crash or power cut leaves every acknowledged comment and no partial row (a transaction is all or
 * nothing; SQLite's recovery keeps the WAL up to its last complete commit).
 *
 * This is what `synchronous = FULL` does in WAL mode, done off the event loop: with FULL, SQLite's COMMIT
 * fsyncs inside the synchronous call, and the receiver stood still for every fsync (a third of its time
 * at 16 concurrent posts). So the connection runs with `synchronous = NORMAL` (which still syncs the WAL
 * before every checkpoint), and the store syncs the WAL itself through Node's thread pool while the next
 * requests are parsed and checked. Writes are grouped twice: the adds, status changes and deletions that
 * arrive while one commit is being prepared share it (each in its own savepoint, so one failing write
 * fails alone), and the commits made while one sync is running share the next sync.
 *
 * Flood control lives in the same file (table `khabar_flood`), so receivers sharing the file share it.
 * Its writes share the grouped commits and are answered when they commit, not synced: forgetting who
 * posted in the last seconds after a power cut is harmless, and the next comment's sync covers them.
 */
import { existsSync } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { FloodGuard } from '../lib/flood.ts';
import { writeFault } from '../lib/write-fault.ts';
import { COMMENT_ID, type CommentStatus, type PublicComment, type StoredComment } from './comment.ts';
import { duplicateHashes } from './fingerprint.ts';
import {
  checkedRow,
  COLUMNS,
  floodWait,
  pendingMigrations,
  PUBLIC_COLUMNS,
  publicFromRow,
  filterClause,
  readRow,
  readRows,
  SQLITE_MIGRATIONS,
  type CommentRow,
} from './sql.ts';
import {
  CorruptCommentError,
  type CommentStore,
  type CorruptRecord,
  type ListFilter,
  type SearchQuery,
  type SearchResult,
} from './types.ts';

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
  /** Whether the caller waits for the commit to be synced (a comment) or only made (flood control). */
  durable: boolean;
}

interface SyncWaiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Makes a file's written data durable. `r+` because some systems refuse to sync a file opened
 * read-only; Linux syncs the file, whichever descriptor wrote it.
 */
async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** True when opening failed because the file or its folder may not be written (not a full disk). */
function refusesWrites(error: unknown): boolean {
  const fault = writeFault(error);
  return fault === 'EACCES' || fault === 'EPERM' || fault === 'EROFS' || fault === 'SQLITE_CANTOPEN';
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
      if (migration.compute) {
        const { column, value } = migration.compute;
        const update = db.prepare(`UPDATE ${T}comments SET ${column} = ? WHERE id = ?`);
        // Read first, then write: SQLite leaves a table changed under a running SELECT undefined.
        const rows = db.prepare(`SELECT id, author, body, email, post_id FROM ${T}comments`).all() as Pick<
          CommentRow,
          'id' | 'author' | 'body' | 'email' | 'post_id'
        >[];
        for (const row of rows) update.run(value(row), row.id);
      }
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
  /** Commits made since the running sync started: the next sync covers them. */
  #unsynced: SyncWaiter[] = [];
  #syncing: Promise<void> | undefined;
  #directorySynced = false;
  /** A scratch file (an import's staging store): its commits are not synced; `close` syncs it once. */
  readonly #scratch: boolean;
  /** The WAL file, kept open for its syncs once it exists. */
  #wal: FileHandle | undefined;
  /** Set when the database could be opened only to be read: every write fails with it. */
  #unwritable: Error | undefined;

  private constructor(path: string, db: DatabaseSync, scratch: boolean) {
    this.path = path;
    this.#db = db;
    this.#scratch = scratch;
    this.flood = {
      reserve: (key, now, windowMs) => this.#reserve(key, now, windowMs),
      release: (key, at) => {
        void this.#write(
          () => this.#sql(`DELETE FROM ${T}flood WHERE key = ? AND at = ?`).run(key, at),
          false,
        ).catch(() => undefined);
      },
    };
  }

  /** Opens (and creates, unless read-only) the database, applying any schema migration. */
  static async open(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
    try {
      return await SqliteStore.#open(path, options);
    } catch (error) {
      // A database that exists but cannot be written (a read-only file system, a file or folder this
      // user may not write): opened to be read, so the receiver starts and answers every post 503 in
      // the reader's language, and the CLI still lists and shows. Any other fault stops here.
      if (options.readOnly || !refusesWrites(error) || !existsSync(path)) throw error;
      const { DatabaseSync } = await loadSqlite();
      let db: DatabaseSync;
      try {
        // `immutable`: SQLite cannot make the WAL's shared-memory file beside it, nor needs to.
        db = new DatabaseSync(`${pathToFileURL(path).href}?immutable=1`, { readOnly: true });
        checkVersion(db, path);
      } catch {
        throw error;
      }
      const store = new SqliteStore(path, db, false);
      store.#unwritable = error instanceof Error ? error : new Error(String(error));
      return store;
    }
  }

  /** Why the store cannot be written (it was opened only to be read), or undefined when it can. */
  writeProblem(): string | undefined {
    return this.#unwritable?.message;
  }

  static async #open(path: string, options: SqliteStoreOptions): Promise<SqliteStore> {
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
      // Read-only: nothing to sync. A scratch file: no sync until it closes. Otherwise NORMAL, and the
      // store syncs each commit's WAL itself (see above).
      db.exec(`PRAGMA synchronous = ${readOnly ? 'FULL' : options.scratch ? 'OFF' : 'NORMAL'}`);
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
  #write<V>(run: () => V, durable = true): Promise<V> {
    if (this.#unwritable) return Promise.reject(this.#unwritable);
    return new Promise<V>((resolve, reject) => {
      this.#queue.push({ run, resolve: resolve as (value: unknown) => void, reject, durable });
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
      this.#sql('BEGIN IMMEDIATE').run();
      for (const item of batch) {
        this.#sql('SAVEPOINT khabar_write').run();
        try {
          results.push({ ok: true, value: item.run() });
          this.#sql('RELEASE khabar_write').run();
        } catch (error) {
          // Some errors (a full disk) make SQLite roll back the whole transaction, not just the
          // statement: then the writes before this one are gone too, and the batch fails as one.
          if (!db.isTransaction) throw error;
          this.#sql('ROLLBACK TO khabar_write').run();
          this.#sql('RELEASE khabar_write').run();
          results.push({ ok: false, error });
        }
      }
      this.#sql('COMMIT').run();
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
    const settle = (durable: boolean) => {
      batch.forEach((item, i) => {
        if (item.durable !== durable) return;
        const result = results[i];
        if (result?.ok) item.resolve(result.value);
        else item.reject(result?.error);
      });
    };
    // Flood control's writes are answered now; the comments once their commit is on disk.
    settle(false);
    if (this.#scratch) {
      settle(true);
      return;
    }
    if (!batch.some((item) => item.durable)) return;
    this.#unsynced.push({
      resolve: () => {
        settle(true);
      },
      reject: (error) => {
        const failure = new Error(
          `Could not make a write to the SQLite database ${this.path} durable: ${describe(error)}`,
          { cause: error },
        );
        for (const item of batch) if (item.durable) item.reject(failure);
      },
    });
    this.#syncing ??= this.#sync();
  }

  /**
   * Syncs the WAL (or, if SQLite has folded it back and removed it, the database file) for the commits
   * made so far, then again for any made meanwhile, until none is waiting.
   */
  async #sync(): Promise<void> {
    while (this.#unsynced.length > 0) {
      const waiters = this.#unsynced;
      this.#unsynced = [];
      try {
        try {
          // The WAL stays open between syncs: it is not removed while this connection is open, and an
          // open and a close per sync cost the receiver as much as the sync's own call on the main thread.
          this.#wal ??= await open(`${this.path}-wal`, 'r+');
          await this.#wal.datasync();
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
            await this.#dropWal();
            throw error;
          }
          await syncFile(this.path);
        }
        // The WAL file's name, once: a file created since the last sync of its folder may vanish in a power cut.
        if (!this.#directorySynced && process.platform !== 'win32') {
          const folder = await open(dirname(this.path), 'r');
          try {
            await folder.sync();
          } finally {
            await folder.close();
          }
          this.#directorySynced = true;
        }
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error);
      }
    }
    this.#syncing = undefined;
  }

  /**
   * Flood control's write, in the next grouped commit with the comments (one transaction for all the
   * submissions that arrive together, rather than one each), answered as soon as it commits.
   */
  #reserve(key: string, now: number, windowMs: number): Promise<number> {
    return this.#write(() => {
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
    }, false);
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

  /** The row of `id` read back: its comment, or what is wrong with it; undefined when there is none. */
  #row(id: string): ReturnType<typeof readRow> | undefined {
    const row = this.#sql(`SELECT * FROM ${T}comments WHERE id = ?`).get(id) as CommentRow | undefined;
    return row ? readRow(row, this.path) : undefined;
  }

  #get(id: string): StoredComment | undefined {
    const read = this.#row(id);
    return read?.ok ? read.comment : undefined;
  }

  /** Rows matching a filter, split into comments and corrupt records. */
  #rows(filter: ListFilter & { id?: string | undefined }) {
    const { where, values } = filterClause(filter, () => '?');
    const rows = this.#sql(`SELECT * FROM ${T}comments${where} ORDER BY created_at, id`).all(...values);
    return readRows(rows as unknown as CommentRow[], this.path);
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
    return this.#read(() => this.#rows(filter).comments);
  }

  /** Rows that no longer hold a valid comment, which `list` and `get` leave out. */
  corrupt(filter: ListFilter & { id?: string | undefined } = {}): Promise<CorruptRecord[]> {
    if (filter.id !== undefined && !COMMENT_ID.test(filter.id)) return Promise.resolve([]);
    return this.#read(() => this.#rows(filter).corrupt);
  }

  search(query: SearchQuery): Promise<SearchResult> {
    const where = ['status = ?'];
    const params: SQLInputValue[] = [query.status];
    for (const word of query.words) {
      // instr, not LIKE: a word holding % or _ is searched as typed.
      where.push(
        word.postIds.length > 0
          ? `(instr(search, ?) > 0 OR post_id IN (SELECT value FROM json_each(?)))`
          : 'instr(search, ?) > 0',
      );
      params.push(word.text);
      if (word.postIds.length > 0) params.push(JSON.stringify(word.postIds));
    }
    const filter = `FROM ${T}comments WHERE ${where.join(' AND ')}`;
    return this.#read(() => {
      const { n } = this.#sql(`SELECT count(*) AS n ${filter}`).get(...params) as { n: number };
      const rows = this.#sql(`SELECT * ${filter} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`).all(
        ...params,
        Math.max(0, Math.floor(query.limit)),
        Math.max(0, Math.floor(query.offset)),
      ) as unknown as CommentRow[];
      return { comments: readRows(rows, this.path).comments, total: n };
    });
  }

  postIds(status: CommentStatus): Promise<string[]> {
    return this.#read(() =>
      (
        this.#sql(`SELECT DISTINCT post_id FROM ${T}comments WHERE status = ?`).all(status) as {
          post_id: string;
        }[]
      ).map((row) => row.post_id),
    );
  }

  setStatus(id: string, status: CommentStatus): Promise<StoredComment | undefined> {
    if (!COMMENT_ID.test(id)) return Promise.resolve(undefined);
    return this.#write(() => {
      // A row that no longer holds a valid comment is not moved: it stays, for a moderator to restore or delete.
      const before = this.#row(id);
      if (!before) return undefined;
      if (!before.ok) throw new CorruptCommentError(before.record);
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

  async #dropWal(): Promise<void> {
    const wal = this.#wal;
    this.#wal = undefined;
    await wal?.close().catch(() => undefined);
  }

  /** Commits what is queued, then closes the file. */
  async close(): Promise<void> {
    this.#flush();
    while (this.#syncing) await this.#syncing;
    await this.#dropWal();
    if (this.#db.isOpen && this.#scratch) {
      // A scratch file's commits were never synced: the checkpoint writes the WAL into the database and syncs it.
      this.#db.exec('PRAGMA synchronous = FULL');
      this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    }
    if (this.#db.isOpen) this.#db.close();
  }
}
