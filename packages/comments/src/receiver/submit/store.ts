/** The submission's steps that need the store: the parent's depth, duplicates, moderation and the write. */
import type { Post } from '../../config/options.ts';
import { truncateIp } from '../../lib/address.ts';
import { newCommentId } from '../../lib/ids.ts';
import type { Rejection, Submission } from '../../lib/validate.ts';
import type { StoredComment } from '../../store/comment.ts';
import { duplicateKeys } from '../../store/fingerprint.ts';
import type { CommentStore } from '../../store/types.ts';
import type { Receiver } from '../context.ts';
import { checkInFlight, DUPLICATE, STORAGE } from './checks.ts';

/**
 * The depth a reply to `parentId` would have, walking up through approved comments of the same post;
 * `missing` when the parent itself is not one (a loop or an absurd chain counts as missing too).
 */
export async function replyDepth(
  store: CommentStore,
  parentId: string,
  postId: string,
): Promise<number | 'missing'> {
  let depth = 1;
  let current: string | null = parentId;
  const seen = new Set<string>();
  while (current) {
    if (seen.has(current) || depth > 11) return 'missing';
    seen.add(current);
    const found = await store.get(current);
    if (!found || found.status !== 'approved' || found.public.postId !== postId) {
      return depth === 1 ? 'missing' : depth;
    }
    depth++;
    current = found.public.parentId;
  }
  return depth;
}

export interface NewComment {
  submission: Submission;
  post: Post;
  /** When it was accepted, in milliseconds. */
  at: number;
  avatar: string;
  /** The client's address as believed, or undefined. */
  address: string | undefined;
  userAgent: string | null;
}

/** The comment to store, pending: the public half and the private one. Pure, but for the random id. */
export function newComment({ submission, post, at, avatar, address, userAgent }: NewComment): StoredComment {
  const id = newCommentId(at);
  return {
    status: 'pending',
    public: {
      id,
      postId: post.id,
      parentId: submission.parentId,
      author: submission.author,
      url: submission.url,
      body: submission.body,
      createdAt: new Date(at).toISOString(),
      avatar,
    },
    private: {
      id,
      email: submission.email,
      ip: address ? (truncateIp(address) ?? null) : null,
      userAgent: (userAgent ?? '').replace(/[^\x20-\x7E]/g, '').slice(0, 512),
      consent: submission.consent,
    },
  };
}

/**
 * 11–12. Refuses a duplicate (among stored comments and those still being written), applies the
 * moderation rule and stores the comment. `release` gives the flood slot back when nothing is stored.
 * Resolves to the refusal, or undefined once the comment is on disk.
 */
export async function save(
  receiver: Receiver,
  comment: StoredComment,
  release: () => void,
): Promise<Rejection | undefined> {
  const { store, inFlight, config } = receiver;
  const keys = duplicateKeys(comment);
  const racing = checkInFlight(keys, inFlight);
  if (racing) {
    release();
    return racing;
  }
  for (const key of keys) inFlight.add(key);
  // The keys leave `inFlight` as soon as the comment is stored or refused, before the answer is written.
  try {
    let duplicate: string | undefined;
    try {
      duplicate = await store.findDuplicate(comment);
      if (!duplicate && config.moderation === 'none') comment.status = 'approved';
      else if (
        !duplicate &&
        config.moderation === 'previously-approved' &&
        (await store.hasApprovedAuthor(comment.public.avatar))
      )
        comment.status = 'approved';
    } catch (error) {
      release();
      receiver.logger.error(`khabar-comments: could not read the store: ${String(error)}`);
      return STORAGE;
    }
    if (duplicate) {
      release();
      return DUPLICATE;
    }
    try {
      await store.add(comment);
    } catch (error) {
      release();
      receiver.logger.error(`khabar-comments: could not store a comment: ${String(error)}`);
      return STORAGE;
    }
  } finally {
    for (const key of keys) inFlight.delete(key);
  }
  return undefined;
}
