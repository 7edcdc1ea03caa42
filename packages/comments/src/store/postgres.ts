/**
 * The PostgreSQL store, through `pg`: for several receivers sharing one database (behind a load
 * balancer, or serverless instances). Each write is one statement in its own transaction, so `add`
 * resolves after PostgreSQL's COMMIT, which is durable (WAL flushed) unless the server was told
 * otherwise (`synchronous_commit = off`). Flood control is a table in the same database, shared by every
 * receiver on it. Tables are named `khabar_*` in the schema `?schema=` names (default `public`).
 */
import type { Pool, QueryResultRow } from 'pg';
import type { FloodGuard } from '../lib/flood.ts';
import { COMMENT_ID, type CommentStatus, type PublicComment, type StoredComment } from './comment.ts';
import { duplicateHashes } from './fingerprint.ts';
import {
  checkedRow,
  COLUMNS,
  floodWait,
  pendingMigrations,
  POSTGRES_MIGRATIONS,
  PUBLIC_COLUMNS,
  publicFromRow,
  filterClause,
  readRow,
  readRows,
  type CommentRow,
} from './sql.ts';
import { redact } from './spec.ts';
import {
  CorruptCommentError,
  type CommentStore,
  type CorruptRecord,
  type ListFilter,
  type SearchQuery,
  type SearchResult,
} from './types.ts';

export interface PostgresStoreOptions {
  /** The schema holding the tables. @example 'public' */
  schema?: string;
  /** Connections kept open by this process. */
  poolSize?: number;
  /** Read only: apply no migration (the build, whose role may read only the public view). */
  readOnly?: boolean;
  logger?: Pick<Console, 'error'>;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function migrate(pool: Pool, schema: string, t: string, where: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Receivers starting together take turns: the first applies what is missing, the others see it done.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`khabar-comments:${schema}`]);
    // Read first, so a database already current is opened without writing (a read-only replica works).
    const table = await client.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [
      `${t}schema`,
    ]);
    const current = table.rows[0]?.present
      ? Number(
          (
            await client.query<{ v: number | string }>(
              `SELECT coalesce(max(version), 0) AS v FROM ${t}schema`,
            )
          ).rows[0]?.v ?? 0,
        )
      : 0;
    const pending = pendingMigrations(POSTGRES_MIGRATIONS, current, where);
    if (pending.length > 0) {
      if (schema !== 'public') await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${t}schema (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
    }
    for (const migration of pending) {
      await client.query(migration.sql(t, 'khabar_'));
      if (migration.compute) {
        const { column, value } = migration.compute;
        const { rows } = await client.query<Pick<CommentRow, 'id' | 'author' | 'body' | 'email' | 'post_id'>>(
          `SELECT id, author, body, email, post_id FROM ${t}comments`,
        );
        // A thousand rows a statement: an archive's comments are filled in seconds, not a round trip each.
        for (let i = 0; i < rows.length; i += 1000) {
          const batch = rows.slice(i, i + 1000);
          await client.query(
            `UPDATE ${t}comments AS c SET ${column} = v.value FROM unnest($1::text[], $2::text[]) AS v(id, value) WHERE c.id = v.id`,
            [batch.map((row) => row.id), batch.map((row) => value(row))],
          );
        }
      }
      await client.query(`INSERT INTO ${t}schema (version, description) VALUES ($1, $2)`, [
        migration.version,
        migration.description,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export class PostgresStore implements CommentStore {
  readonly flood: FloodGuard;
  /** The database, for messages: the URL without its password. */
  readonly where: string;
  readonly #pool: Pool;
  /** The tables' prefix: `"schema".khabar_`. */
  readonly #t: string;
  #floodWrites = 0;

  private constructor(pool: Pool, t: string, where: string) {
    this.#pool = pool;
    this.#t = t;
    this.where = where;
    this.flood = {
      reserve: (key, now, windowMs) => this.#reserve(key, now, windowMs),
      release: async (key, at) => {
        await this.#query(`DELETE FROM ${this.#t}flood WHERE key = $1 AND at = $2`, [key, at]);
      },
    };
  }

  /** Connects and applies any schema migration (unless read-only). */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const schema = options.schema ?? 'public';
    const where = `${redact(url)}${schema === 'public' ? '' : ` (schema ${schema})`}`;
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 16,
      connectionTimeoutMillis: 10_000,
      application_name: 'khabar-comments',
    });
    // An idle connection that breaks (the server restarted) must not bring the receiver down.
    const logger = options.logger ?? console;
    pool.on('error', (error) => {
      logger.error(`khabar-comments: PostgreSQL connection lost (${where}): ${describe(error)}`);
    });
    const t = `${quoteIdent(schema)}.khabar_`;
    try {
      if (options.readOnly) await pool.query('SELECT 1');
      else await migrate(pool, schema, t, where);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new Error(`Could not open the PostgreSQL store ${where}: ${describe(error)}`, { cause: error });
    }
    return new PostgresStore(pool, t, where);
  }

  async #query<R extends QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
    try {
      return (await this.#pool.query<R>(text, values)).rows;
    } catch (error) {
      throw new Error(`PostgreSQL (${this.where}): ${describe(error)}`, { cause: error });
    }
  }

  async #reserve(key: string, now: number, windowMs: number): Promise<number> {
    const t = this.#t;
    // One statement, atomic across receivers: the slot is taken when the key is new or its last post
    // is at least a window old.
    const taken = await this.#query(
      `INSERT INTO ${t}flood AS f (key, at) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET at = EXCLUDED.at WHERE f.at <= EXCLUDED.at - $3 RETURNING at`,
      [key, now, windowMs],
    );
    if (++this.#floodWrites % 1000 === 0)
      void this.#query(`DELETE FROM ${t}flood WHERE at < $1`, [now - Math.max(windowMs, 86_400_000)]).catch(
        () => undefined,
      );
    if (taken.length > 0) return 0;
    const [row] = await this.#query<{ at: string }>(`SELECT at FROM ${t}flood WHERE key = $1`, [key]);
    return row ? floodWait(Number(row.at), now, windowMs) : 0;
  }

  async add(comment: StoredComment): Promise<void> {
    const row = checkedRow(comment);
    try {
      await this.#pool.query(
        `INSERT INTO ${this.#t}comments (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
        COLUMNS.map((column) => row[column]),
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw new Error(`A comment with id "${row.id}" already exists`, { cause: error });
      throw new Error(`PostgreSQL (${this.where}): ${describe(error)}`, { cause: error });
    }
  }

  async get(id: string): Promise<StoredComment | undefined> {
    if (!COMMENT_ID.test(id)) return undefined;
    const [row] = await this.#query<CommentRow>(`SELECT * FROM ${this.#t}comments WHERE id = $1`, [id]);
    if (!row) return undefined;
    const read = readRow(row, this.where);
    return read.ok ? read.comment : undefined;
  }

  /** Rows matching a filter, split into comments and corrupt records. */
  async #rows(filter: ListFilter & { id?: string | undefined }) {
    const { where, values } = filterClause(filter, (n) => `$${n}`);
    const rows = await this.#query<CommentRow>(
      `SELECT * FROM ${this.#t}comments${where} ORDER BY created_at, id`,
      values,
    );
    return readRows(rows, this.where);
  }

  async list(filter: ListFilter = {}): Promise<StoredComment[]> {
    return (await this.#rows(filter)).comments;
  }

  /** Rows that no longer hold a valid comment, which `list` and `get` leave out. */
  async corrupt(filter: ListFilter & { id?: string | undefined } = {}): Promise<CorruptRecord[]> {
    if (filter.id !== undefined && !COMMENT_ID.test(filter.id)) return [];
    return (await this.#rows(filter)).corrupt;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const values: unknown[] = [query.status];
    const where = ['status = $1'];
    for (const word of query.words) {
      // strpos, not LIKE: a word holding % or _ is searched as typed.
      values.push(word.text);
      let test = `strpos(search, $${values.length}) > 0`;
      if (word.postIds.length > 0) {
        values.push(word.postIds);
        test = `(${test} OR post_id = ANY($${values.length}::text[]))`;
      }
      where.push(test);
    }
    const filter = `FROM ${this.#t}comments WHERE ${where.join(' AND ')}`;
    const [count] = await this.#query<{ n: string }>(`SELECT count(*)::text AS n ${filter}`, values);
    const rows = await this.#query<CommentRow>(
      `SELECT * ${filter} ORDER BY created_at DESC, id DESC LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
      [...values, Math.max(0, Math.floor(query.limit)), Math.max(0, Math.floor(query.offset))],
    );
    return { comments: readRows(rows, this.where).comments, total: Number(count?.n ?? 0) };
  }

  async postIds(status: CommentStatus): Promise<string[]> {
    const rows = await this.#query<{ post_id: string }>(
      `SELECT DISTINCT post_id FROM ${this.#t}comments WHERE status = $1`,
      [status],
    );
    return rows.map((row) => row.post_id);
  }

  async setStatus(id: string, status: CommentStatus): Promise<StoredComment | undefined> {
    if (!COMMENT_ID.test(id)) return undefined;
    const t = this.#t;
    let client;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw new Error(`PostgreSQL (${this.where}): ${describe(error)}`, { cause: error });
    }
    try {
      await client.query('BEGIN');
      // Locked while it is checked and moved: a row that no longer holds a valid comment is not moved.
      const [row] = (
        await client.query<CommentRow>(`SELECT * FROM ${t}comments WHERE id = $1 FOR UPDATE`, [id])
      ).rows;
      if (!row) {
        await client.query('ROLLBACK');
        return undefined;
      }
      const read = readRow(row, this.where);
      if (!read.ok) {
        await client.query('ROLLBACK');
        throw new CorruptCommentError(read.record);
      }
      if (row.status !== status)
        await client.query(
          `UPDATE ${t}comments SET status = $2, changed = nextval('${t}changes') WHERE id = $1`,
          [id, status],
        );
      await client.query('COMMIT');
      return { ...read.comment, status };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (error instanceof CorruptCommentError) throw error;
      throw new Error(`PostgreSQL (${this.where}): ${describe(error)}`, { cause: error });
    } finally {
      client.release();
    }
  }

  async delete(id: string): Promise<boolean> {
    if (!COMMENT_ID.test(id)) return false;
    try {
      return (
        ((await this.#pool.query(`DELETE FROM ${this.#t}comments WHERE id = $1`, [id])).rowCount ?? 0) > 0
      );
    } catch (error) {
      throw new Error(`PostgreSQL (${this.where}): ${describe(error)}`, { cause: error });
    }
  }

  async findDuplicate(comment: StoredComment): Promise<string | undefined> {
    const keys = duplicateHashes(comment);
    const t = this.#t;
    const [row] = await this.#query<{ id: string }>(
      `(SELECT id FROM ${t}comments WHERE name_key = $1 AND status <> 'trash' AND id <> $3 LIMIT 1)
       UNION ALL
       (SELECT id FROM ${t}comments WHERE email_key = $2 AND status <> 'trash' AND id <> $3 LIMIT 1)
       LIMIT 1`,
      [keys.name, keys.email, comment.public.id],
    );
    return row?.id;
  }

  async hasApprovedAuthor(avatar: string): Promise<boolean> {
    const rows = await this.#query(
      `SELECT 1 FROM ${this.#t}comments WHERE avatar = $1 AND status = 'approved' LIMIT 1`,
      [avatar],
    );
    return rows.length > 0;
  }

  async approved(): Promise<PublicComment[]> {
    const rows = await this.#query<CommentRow>(
      `SELECT ${PUBLIC_COLUMNS} FROM ${this.#t}public_comments ORDER BY created_at, id`,
    );
    return rows.map(publicFromRow);
  }

  async approvedVersion(): Promise<string> {
    const [row] = await this.#query<{ n: string; c: string }>(
      `SELECT count(*)::text AS n, coalesce(max(changed), 0)::text AS c FROM ${this.#t}comments WHERE status = 'approved'`,
    );
    return `${row?.n ?? 0}:${row?.c ?? 0}`;
  }

  close(): Promise<void> {
    return this.#pool.end();
  }
}
