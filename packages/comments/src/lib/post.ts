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

/** What a site knows about an article that takes comments. */
export interface PostFacts {
  /** The article's id, as the site passes it to `CommentSection`. */
  id: string;
  /** The article's site path, percent-encoded: where the receiver sends readers back. */
  url: string;
  title?: string | undefined;
  /** The publication date, for `closeAfterDays`. */
  published?: Date | string | undefined;
}

export interface PostRules {
  /** The build's clock: the integration's `now`. */
  now: Date | number;
  closeAfterDays: number | false;
  /** Closed by the site, whatever its age. */
  closed?: boolean | undefined;
}

/**
 * The post as the receiver takes it, with its closed state at `now`: the one function a site's `posts`
 * module and `CommentSection` both use, so the form and the receiver agree.
 *
 * @example
 * commentPost({ id: entry.id, url: `/${entry.id}/`, title: entry.data.title, published: entry.data.published },
 *   { now, closeAfterDays, closed: entry.data.closed })
 */
export function commentPost(post: PostFacts, rules: PostRules): Post {
  let published: string | undefined;
  if (post.published !== undefined) {
    const date = new Date(post.published);
    if (Number.isNaN(date.getTime()))
      throw new TypeError(
        `commentPost(): post "${post.id}" has an invalid published date (${String(post.published)})`,
      );
    published = date.toISOString();
  }
  const closed = (rules.closed ?? false) || commentsClosed(published, rules.closeAfterDays, rules.now);
  return { id: post.id, url: post.url, title: post.title ?? '', ...(published ? { published } : {}), closed };
}
