import type { PublicComment } from '../store/comment.ts';

/** A comment as the components take it: a content-collection entry from `commentsLoader`, or plain data. */
export type CommentInput = PublicComment | { id: string; data: PublicComment };

/** Plain data from either shape. */
export function toComments(list: readonly CommentInput[] | undefined): PublicComment[] {
  return (list ?? []).map((item) => ('data' in item ? item.data : item));
}
