import { COMMENT_ID, type CommentStatus, type StoredComment } from './comment.ts';
import { duplicateKeys } from './fingerprint.ts';
import type { CommentStore, ListFilter } from './types.ts';

/** A store in memory: for tests, previews and as the reference the contract suite was written against. */
export class MemoryStore implements CommentStore {
  readonly #comments = new Map<string, StoredComment>();

  add(comment: StoredComment): Promise<void> {
    if (!COMMENT_ID.test(comment.public.id))
      return Promise.reject(new Error(`Invalid comment id "${comment.public.id}"`));
    if (this.#comments.has(comment.public.id)) {
      return Promise.reject(new Error(`A comment with id "${comment.public.id}" already exists`));
    }
    this.#comments.set(comment.public.id, structuredClone(comment));
    return Promise.resolve();
  }

  get(id: string): Promise<StoredComment | undefined> {
    const found = this.#comments.get(id);
    return Promise.resolve(found ? structuredClone(found) : undefined);
  }

  list(filter: ListFilter = {}): Promise<StoredComment[]> {
    const out = [...this.#comments.values()]
      .filter(
        (c) =>
          (!filter.status || c.status === filter.status) &&
          (!filter.postId || c.public.postId === filter.postId),
      )
      .map((c) => structuredClone(c))
      .sort(
        (a, b) =>
          a.public.createdAt.localeCompare(b.public.createdAt) || a.public.id.localeCompare(b.public.id),
      );
    return Promise.resolve(out);
  }

  setStatus(id: string, status: CommentStatus): Promise<StoredComment | undefined> {
    const found = this.#comments.get(id);
    if (!found) return Promise.resolve(undefined);
    found.status = status;
    return Promise.resolve(structuredClone(found));
  }

  delete(id: string): Promise<boolean> {
    return Promise.resolve(this.#comments.delete(id));
  }

  findDuplicate(comment: StoredComment): Promise<string | undefined> {
    const keys = new Set(duplicateKeys(comment));
    for (const other of this.#comments.values()) {
      if (other.status === 'trash' || other.public.id === comment.public.id) continue;
      if (duplicateKeys(other).some((key) => keys.has(key))) return Promise.resolve(other.public.id);
    }
    return Promise.resolve(undefined);
  }

  hasApprovedAuthor(avatar: string): Promise<boolean> {
    for (const c of this.#comments.values()) {
      if (c.status === 'approved' && c.public.avatar === avatar) return Promise.resolve(true);
    }
    return Promise.resolve(false);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
