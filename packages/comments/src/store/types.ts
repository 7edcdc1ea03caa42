import type { CommentStatus, StoredComment } from './comment.ts';

export interface ListFilter {
  /** One status, or every status when omitted. */
  status?: CommentStatus | undefined;
  postId?: string | undefined;
}

/**
 * Where comments live. The embedded default is `FileStore` (one JSON file per comment); a serverless
 * deployment can bring its own (a KV store, a database) as long as it passes the contract suite in
 * `khabar-comments/test/store-contract`.
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
}
