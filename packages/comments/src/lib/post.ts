/** Whether a post takes comments: one rule for the build (the components, the manifest) and the receiver. */
import type { Post } from '../config/options.ts';

const DAY_MS = 86_400_000;

function time(value: Date | number): number {
  return typeof value === 'number' ? value : value.getTime();
}

/** True when comments on a post published at `published` are closed at `now` by `closeAfterDays`. */
export function commentsClosed(
  published: Date | string | undefined,
  closeAfterDays: number | false,
  now: Date | number,
): boolean {
  if (closeAfterDays === false || published === undefined) return false;
  const at = new Date(published).getTime();
  return Number.isFinite(at) && time(now) > at + closeAfterDays * DAY_MS;
}

/** True when `post` takes no comments at `now`: closed by the site, or by age. */
export function postClosed(post: Post, closeAfterDays: number | false, now: Date | number): boolean {
  return post.closed || commentsClosed(post.published, closeAfterDays, now);
}
