/**
 * What the SQLite and PostgreSQL stores share: the schema and its migrations, a comment as a row and
 * back, and the checks a comment passes before it is written. One table holds both halves of a
 * comment; the build reads the view `khabar_public_comments` (approved comments, public columns only).
 */
import {
  PrivateCommentSchema,
  PublicCommentSchema,
  StatusSchema,
  type CommentStatus,
  type PublicComment,
  type StoredComment,
} from './comment.ts';
import { describeIssues } from '../config/friendly-errors.ts';
import { foldForSearch } from '../lib/moderation-search.ts';
import { duplicateHashes } from './fingerprint.ts';
import type { CorruptRecord } from './types.ts';

/** A comment as a row: the column names both databases use. */
export interface CommentRow {
  id: string;
  status: string;
  post_id: string;
  parent_id: string | null;
  author: string;
  url: string | null;
  body: string;
  created_at: string;
  avatar: string;
  email: string;
  ip: string | null;
  user_agent: string;
  consent: boolean | number;
  name_key: string;
  email_key: string | null;
  /** What the moderation page searches: name, text, e-mail address and story id, folded (see `searchText`). */
  search: string;
}

/** The columns of a row in insertion order (what `toRow` fills). */
export const COLUMNS = [
  'id',
  'status',
  'post_id',
  'parent_id',
  'author',
  'url',
  'body',
  'created_at',
  'avatar',
  'email',
  'ip',
  'user_agent',
  'consent',
  'name_key',
  'email_key',
  'search',
] as const;

/** The public columns, which are all the build ever reads. */
export const PUBLIC_COLUMNS = 'id, post_id, parent_id, author, url, body, created_at, avatar';

/**
 * Validates a comment as the file store does (the same schemas), and refuses text a database would
 * change or refuse: a lone surrogate (SQLite would store U+FFFD, PostgreSQL refuses it) or a NUL
 * character (PostgreSQL's text cannot hold one). The message names the comment and the field.
 */
export function checkedRow(comment: StoredComment): CommentRow {
  const status = StatusSchema.parse(comment.status);
  const publicData = PublicCommentSchema.parse(comment.public);
  const privateData = PrivateCommentSchema.parse(comment.private);
  if (publicData.id !== privateData.id) throw new Error('The public and private halves have different ids');
  for (const [half, data] of [
    ['public', publicData],
    ['private', privateData],
  ] as const) {
    for (const [field, value] of Object.entries(data)) {
      if (typeof value !== 'string') continue;
      if (!value.isWellFormed() || value.includes('\u0000'))
        throw new Error(
          `Comment ${publicData.id}: ${half}.${field} holds a NUL character or a lone surrogate, which the database cannot store unchanged`,
        );
    }
  }
  const keys = duplicateHashes(comment);
  return {
    id: publicData.id,
    status,
    post_id: publicData.postId,
    parent_id: publicData.parentId,
    author: publicData.author,
    url: publicData.url,
    body: publicData.body,
    created_at: publicData.createdAt,
    avatar: publicData.avatar,
    email: privateData.email,
    ip: privateData.ip,
    user_agent: privateData.userAgent,
    consent: privateData.consent,
    name_key: keys.name,
    email_key: keys.email,
    search: searchText(publicData.author, publicData.body, privateData.email, publicData.postId),
  };
}

/**
 * The text the moderation page searches, folded as its query is (`foldForSearch`): written with the
 * row, so a search is a scan of one column in the database rather than of every comment in memory.
 */
export function searchText(author: string, body: string, email: string, postId: string): string {
  let decodedId = postId;
  try {
    decodedId = decodeURIComponent(postId);
  } catch {
    // A post id that is not percent-encoding is searched as it is.
  }
  return foldForSearch([author, body, email, postId, decodedId === postId ? '' : decodedId].join('\n'));
}

/**
 * A row read back: the comment, or, when the row no longer holds a valid comment (edited by hand or by
 * another program: the database's own checks cannot know an e-mail address or a date), what is wrong
 * with it, as the file store reports a damaged file. `where` names the database for the message.
 */
export function readRow(
  row: CommentRow,
  where: string,
): { ok: true; comment: StoredComment } | { ok: false; record: CorruptRecord } {
  const comment = commentFromRow(row);
  const file = `${where} (table khabar_comments, the row with id ${JSON.stringify(row.id)})`;
  const status = StatusSchema.safeParse(row.status);
  const publicHalf = PublicCommentSchema.safeParse(comment.public);
  const privateHalf = PrivateCommentSchema.safeParse(comment.private);
  if (status.success && publicHalf.success && privateHalf.success)
    return { ok: true, comment: { status: status.data, public: publicHalf.data, private: privateHalf.data } };
  const problems = [
    ...(status.success ? [] : describeIssues(status.error.issues, row.status, 'status')),
    ...(publicHalf.success ? [] : describeIssues(publicHalf.error.issues, comment.public, 'public')),
    ...(privateHalf.success ? [] : describeIssues(privateHalf.error.issues, comment.private, 'private')),
  ];
  return {
    ok: false,
    record: {
      id: row.id,
      status: status.success ? status.data : 'pending',
      file,
      reason: `does not hold a valid comment:\n${problems.join('\n')}`,
    },
  };
}

/** The public half of a row (from the table or the view). */
export function publicFromRow(
  row: Pick<CommentRow, 'id' | 'post_id' | 'parent_id' | 'author' | 'url' | 'body' | 'created_at' | 'avatar'>,
): PublicComment {
  return {
    id: row.id,
    postId: row.post_id,
    parentId: row.parent_id,
    author: row.author,
    url: row.url,
    body: row.body,
    createdAt: row.created_at,
    avatar: row.avatar,
  };
}

export function commentFromRow(row: CommentRow): StoredComment {
  return {
    status: row.status as CommentStatus,
    public: publicFromRow(row),
    private: {
      id: row.id,
      email: row.email,
      ip: row.ip,
      userAgent: row.user_agent,
      consent: Boolean(row.consent),
    },
  };
}

/** Rows read back with `readRow`, split into their comments and the records of those that hold none. */
export function readRows(rows: readonly CommentRow[], where: string) {
  const comments: StoredComment[] = [];
  const corrupt: CorruptRecord[] = [];
  for (const row of rows) {
    const read = readRow(row, where);
    if (read.ok) comments.push(read.comment);
    else corrupt.push(read.record);
  }
  return { comments, corrupt };
}

/**
 * The WHERE clause of a filter by status, post and id (empty when it has none), and its values, with
 * `param(n)` writing the placeholder of the nth value (`?` in SQLite, `$n` in PostgreSQL).
 */
export function filterClause(
  filter: { status?: string | undefined; postId?: string | undefined; id?: string | undefined },
  param: (n: number) => string,
): { where: string; values: string[] } {
  const tests: string[] = [];
  const values: string[] = [];
  for (const [column, value] of [
    ['status', filter.status],
    ['post_id', filter.postId],
    ['id', filter.id],
  ] as const) {
    if (value === undefined) continue;
    values.push(value);
    tests.push(`${column} = ${param(values.length)}`);
  }
  return { where: tests.length ? ` WHERE ${tests.join(' AND ')}` : '', values };
}

/** One step of the schema: applied in order, once, inside a transaction, and recorded. */
export interface Migration {
  version: number;
  description: string;
  /**
   * The statements, for a table prefix `t` (`khabar_` in SQLite, `"schema".khabar_` in PostgreSQL) and
   * the prefix `n` of index names, which PostgreSQL takes unqualified (an index lives in its table's schema).
   */
  sql: (t: string, n: string) => string;
  /**
   * A column only code can fill (it is folded in JavaScript): computed, after the statements and in
   * the same transaction, for every row already there.
   */
  compute?: {
    column: 'search';
    value: (row: Pick<CommentRow, 'author' | 'body' | 'email' | 'post_id'>) => string;
  };
}

/** Migration 2's computed column: the moderation page's search text. */
const SEARCH_COLUMN: Migration['compute'] = {
  column: 'search',
  value: (row) => searchText(row.author, row.body, row.email, row.post_id),
};

/** The SQLite schema. STRICT tables refuse a value of the wrong type rather than storing it. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'comments, flood control and the public view',
    sql: (t, n) => `
CREATE TABLE ${t}comments (
  id TEXT PRIMARY KEY NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'spam', 'trash')),
  post_id TEXT NOT NULL,
  parent_id TEXT,
  author TEXT NOT NULL,
  url TEXT,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  avatar TEXT NOT NULL,
  email TEXT NOT NULL,
  ip TEXT,
  user_agent TEXT NOT NULL,
  consent INTEGER NOT NULL CHECK (consent IN (0, 1)),
  name_key TEXT NOT NULL,
  email_key TEXT,
  changed INTEGER NOT NULL
) STRICT;
CREATE INDEX ${n}comments_by_status ON ${t}comments (status, created_at, id);
CREATE INDEX ${n}comments_by_post ON ${t}comments (post_id, created_at, id);
CREATE INDEX ${n}comments_by_name_key ON ${t}comments (name_key) WHERE status <> 'trash';
CREATE INDEX ${n}comments_by_email_key ON ${t}comments (email_key) WHERE status <> 'trash' AND email_key IS NOT NULL;
CREATE INDEX ${n}comments_approved_avatar ON ${t}comments (avatar) WHERE status = 'approved';
CREATE INDEX ${n}comments_by_changed ON ${t}comments (changed);
CREATE INDEX ${n}comments_approved_changed ON ${t}comments (changed) WHERE status = 'approved';
CREATE TABLE ${t}flood (key TEXT PRIMARY KEY NOT NULL, at INTEGER NOT NULL) STRICT;
CREATE INDEX ${n}flood_by_at ON ${t}flood (at);
CREATE VIEW ${t}public_comments AS
  SELECT ${PUBLIC_COLUMNS} FROM ${t}comments WHERE status = 'approved';
`,
  },
  {
    version: 2,
    description: 'the moderation search text',
    sql: (t) => `ALTER TABLE ${t}comments ADD COLUMN search TEXT NOT NULL DEFAULT '';`,
    compute: SEARCH_COLUMN,
  },
];

/**
 * The PostgreSQL schema. Ids and dates compare byte by byte (`COLLATE "C"`), as in SQLite and the file
 * store, whatever the database's collation. The flood table is UNLOGGED: it is written on every
 * submission and losing it in a crash only forgets who posted in the last seconds.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'comments, flood control and the public view',
    sql: (t, n) => `
CREATE SEQUENCE ${t}changes;
CREATE TABLE ${t}comments (
  id text COLLATE "C" PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'spam', 'trash')),
  post_id text NOT NULL,
  parent_id text COLLATE "C",
  author text NOT NULL,
  url text,
  body text NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  avatar text NOT NULL,
  email text NOT NULL,
  ip text,
  user_agent text NOT NULL,
  consent boolean NOT NULL,
  name_key text NOT NULL,
  email_key text,
  changed bigint NOT NULL DEFAULT nextval('${t}changes')
);
CREATE INDEX ${n}comments_by_status ON ${t}comments (status, created_at, id);
CREATE INDEX ${n}comments_by_post ON ${t}comments (post_id, created_at, id);
CREATE INDEX ${n}comments_by_name_key ON ${t}comments (name_key) WHERE status <> 'trash';
CREATE INDEX ${n}comments_by_email_key ON ${t}comments (email_key) WHERE status <> 'trash' AND email_key IS NOT NULL;
CREATE INDEX ${n}comments_approved_avatar ON ${t}comments (avatar) WHERE status = 'approved';
CREATE INDEX ${n}comments_approved_changed ON ${t}comments (changed) WHERE status = 'approved';
CREATE UNLOGGED TABLE ${t}flood (key text PRIMARY KEY, at bigint NOT NULL);
CREATE INDEX ${n}flood_by_at ON ${t}flood (at);
CREATE VIEW ${t}public_comments AS
  SELECT ${PUBLIC_COLUMNS} FROM ${t}comments WHERE status = 'approved';
`,
  },
  {
    version: 2,
    description: 'the moderation search text',
    sql: (t) => `ALTER TABLE ${t}comments ADD COLUMN search text NOT NULL DEFAULT '';`,
    compute: SEARCH_COLUMN,
  },
];

/** The migrations still to apply over a database at `current`; refuses a database newer than the code. */
export function pendingMigrations(
  migrations: readonly Migration[],
  current: number,
  where: string,
): Migration[] {
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest)
    throw new Error(
      `${where} has comment schema version ${current}, newer than this khabar-comments knows (${latest}): upgrade khabar-comments on this machine before using it`,
    );
  return migrations.filter((m) => m.version > current);
}

/** The wait, in whole seconds (at least 1), before `key` may post again; as `MemoryFloodGuard` counts. */
export function floodWait(last: number, now: number, windowMs: number): number {
  return Math.max(1, Math.min(Math.ceil(windowMs / 1000), Math.ceil((windowMs - (now - last)) / 1000)));
}
