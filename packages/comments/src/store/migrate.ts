/**
 * Moving comments from one store to another without loss (`khabar-comments migrate`): every comment is
 * copied with both halves and its status, the copy is read back, and both sides are summed up (counts
 * per status and a SHA-256 over every comment) so the two can be compared by eye and by code.
 */
import { createHash } from 'node:crypto';
import { STATUSES, type CommentStatus, type StoredComment } from './comment.ts';
import type { CommentStore } from './types.ts';

export interface StoreSummary {
  total: number;
  counts: Record<CommentStatus, number>;
  /** SHA-256 (hex) over the comments in id order, each as canonical JSON. */
  checksum: string;
}

/** JSON with the keys sorted at every level, so equal comments give equal text whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** One comment as the checksum sees it: status, public and private halves. */
export function commentText(comment: StoredComment): string {
  return canonical({ status: comment.status, public: comment.public, private: comment.private });
}

/** Pure: counts and checksum of a set of comments. */
export function summarize(comments: readonly StoredComment[]): StoreSummary {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<CommentStatus, number>;
  const hash = createHash('sha256');
  for (const comment of [...comments].sort((a, b) =>
    a.public.id < b.public.id ? -1 : a.public.id > b.public.id ? 1 : 0,
  )) {
    counts[comment.status]++;
    hash.update(commentText(comment)).update('\n');
  }
  return { total: comments.length, counts, checksum: hash.digest('hex') };
}

/** `12 comments (pending 2, approved 9, spam 1, trash 0), sha256 3f2a…` */
export function formatSummary(summary: StoreSummary): string {
  const counts = STATUSES.map((s) => `${s} ${summary.counts[s]}`).join(', ');
  return `${summary.total} comment(s) (${counts}), sha256 ${summary.checksum}`;
}

export interface CopyReport {
  source: StoreSummary;
  /** The target's copies of the source's comments, read back after copying. */
  copied: StoreSummary;
  added: number;
  /** Already in the target, identical (a second run of the same move). */
  alreadyThere: number;
  /** Comments the target holds that the source does not. */
  extra: number;
}

/**
 * Copies every comment of `from` into `to`. A comment already in `to` must be identical (so a move can
 * be run again after an interruption); one that differs stops the move before anything is written.
 * Writes go in groups of `concurrency`, which the SQL stores commit together.
 */
export async function copyComments(
  from: CommentStore,
  to: CommentStore,
  options: { concurrency?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<CopyReport> {
  const comments = await from.list();
  const source = summarize(comments);
  const existing = new Map((await to.list()).map((c) => [c.public.id, c]));
  const conflicts = comments.filter((c) => {
    const there = existing.get(c.public.id);
    return there !== undefined && commentText(there) !== commentText(c);
  });
  if (conflicts.length > 0)
    throw new Error(
      `The target already holds ${conflicts.length} comment(s) with the same id but different content (${conflicts
        .slice(0, 5)
        .map((c) => c.public.id)
        .join(', ')}${conflicts.length > 5 ? ', …' : ''}): nothing was copied. Move into an empty store.`,
    );
  const todo = comments.filter((c) => !existing.has(c.public.id));
  const size = Math.max(1, options.concurrency ?? 64);
  for (let i = 0; i < todo.length; i += size) {
    await Promise.all(todo.slice(i, i + size).map((c) => to.add(c)));
    options.onProgress?.(Math.min(i + size, todo.length), todo.length);
  }
  const ids = new Set(comments.map((c) => c.public.id));
  const after = await to.list();
  const copies = after.filter((c) => ids.has(c.public.id));
  return {
    source,
    copied: summarize(copies),
    added: todo.length,
    alreadyThere: comments.length - todo.length,
    extra: after.length - copies.length,
  };
}
