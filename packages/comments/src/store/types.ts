import type { FloodGuard } from '../lib/flood.ts';
import type { CommentStatus, PublicComment, StoredComment } from './comment.ts';

export interface ListFilter {
  /** One status, or every status when omitted. */
  status?: CommentStatus | undefined;
  postId?: string | undefined;
}

/**
 * Where comments live: `FileStore` (one JSON file per comment), `SqliteStore` (one database file, the
 * default for new sites), `PostgresStore` (a database several receivers share), `MemoryStore` (tests),
 * or your own over a KV store or database, as long as it passes the contract suite in
 * `khabar-comments/test/store-contract`. `openStore(spec)` opens the built-in ones from a string.
 *
 * Every method must be safe to call concurrently, and `add` must be durable when it resolves: the
 * receiver answers 2xx only after `add` resolves.
 */
export interface CommentStore {
  /** Stores a new comment; rejects when the id is taken. */
  add(comment: StoredComment): Promise<void>;
  /** One comment, or undefined. Ids that are not well-formed are simply not found. */
  get(id: string): Promise<StoredComment | undefined>;
  /** Comments matching the filter, oldest first. */
  list(filter?: ListFilter): Promise<StoredComment[]>;
  /** Moves a comment to another status; resolves to the updated comment, or undefined when not found. */
  setStatus(id: string, status: CommentStatus): Promise<StoredComment | undefined>;
  /** Removes a comment for good, both halves; true when something was removed. */
  delete(id: string): Promise<boolean>;
  /**
   * The id of a comment (not in the trash) on the same post, with the same text, from the same name or
   * e-mail address; undefined when there is none.
   */
  findDuplicate(comment: StoredComment): Promise<string | undefined>;
  /** True when an approved comment carries this avatar hash (the same keyed e-mail hash). */
  hasApprovedAuthor(avatar: string): Promise<boolean>;
  /**
   * Flood control kept in the store, shared by every receiver using it. The receiver uses it unless
   * it is given another; without it, flood control is in-process (`MemoryFloodGuard`).
   */
  readonly flood?: FloodGuard | undefined;
  /**
   * The public halves of the approved comments, oldest first: what the site build reads. A store that
   * can read them without the private halves implements it, so the build never reads an e-mail address.
   */
  approved?(): Promise<PublicComment[]>;
  /** A value that changes whenever the set of approved comments does (`serve --export` polls it). */
  approvedVersion?(): Promise<string>;
  /**
   * Records that exist but cannot be read (a damaged file, a half that does not validate): what `list`
   * and `get` leave out, for the CLI to show as corrupt rather than as absent. `id` narrows to one.
   */
  corrupt?(filter?: ListFilter & { id?: string | undefined }): Promise<CorruptRecord[]>;
  /**
   * One page of the comments in a status that match every word of a search, newest first, and how many
   * match in all: the moderation page's list, as a query on the database rather than a scan of every
   * comment in memory. A store without it is searched through `list`.
   */
  search?(query: SearchQuery): Promise<SearchResult>;
  /** The ids of the posts that have comments in `status`: what a search matches story titles against. */
  postIds?(status: CommentStatus): Promise<string[]>;
  /** Commits what is pending and releases files and connections. */
  close?(): Promise<void>;
}

/** What the moderation page searches for: see `CommentStore.search`. */
export interface SearchQuery {
  status: CommentStatus;
  /**
   * The query's words, folded by `foldForSearch`. A comment matches a word when its folded name, text,
   * e-mail address or story id holds it, or when its post is one of `postIds` (the stories whose title
   * or address holds it).
   */
  words: readonly { text: string; postIds: readonly string[] }[];
  /** How many matches to skip (newest first), and how many to return. */
  offset: number;
  limit: number;
}

export interface SearchResult {
  /** The page asked for (corrupt rows left out: `corrupt()` reports them). */
  comments: StoredComment[];
  /** How many comments match in all. */
  total: number;
}

/** A comment record that is there but cannot be read: its id, where it is, and what is wrong with it. */
export interface CorruptRecord {
  id: string;
  /** The status folder (or column) it was found under. */
  status: CommentStatus;
  /** The file (or table and row) that holds it. */
  file: string;
  /** What is wrong, in words: "is not valid JSON: line 1, column 8: …". */
  reason: string;
}

/** Thrown by a store asked to act on a corrupt record (move it to another status): nothing was changed. */
export class CorruptCommentError extends Error {
  override name = 'CorruptCommentError';
  readonly record: CorruptRecord;
  constructor(record: CorruptRecord) {
    super(`The comment ${record.id} is corrupt: ${record.file} ${record.reason}`);
    this.record = record;
  }
}
