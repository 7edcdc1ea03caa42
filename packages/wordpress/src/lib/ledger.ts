/**
 * What one import run learns about each WordPress post and comment, kept beside the previous run's
 * manifest: a post keeps the slug it had (never re-derived, so it cannot become `-2`), an undated post
 * keeps the date it was given, and a comment keeps the id it was stored under. `manifest()` gives the
 * record to write at the end. In memory and free of I/O.
 */
import type { ArticleFrontmatter } from './article.ts';
import type { StoredComment } from './comments.ts';
import { emptyManifest, type Manifest, type PostRecord, type SourceRecord } from './manifest.ts';

/** What the import knows of a post when it records it. */
export interface PostFacts {
  postId: string;
  title: string;
  link: string;
  guid: string;
  /** True when WordPress gave the post no date, so the import's clock dated it. */
  undated: boolean;
}

export class ImportLedger {
  readonly #previous: Manifest;
  readonly #source: string;
  readonly #old: SourceRecord;
  readonly #posts = new Map<string, PostRecord>();
  readonly #titles = new Map<string, string>();
  readonly #recordComments: boolean;

  /**
   * `source`: the WordPress site's address, which keys its posts in the manifest. `recordComments`:
   * false when the site keeps no comments, so none is recorded as imported and a later run, with
   * comments turned on, imports them.
   */
  constructor(previous: Manifest = emptyManifest(), source = '', { recordComments = true } = {}) {
    this.#previous = previous;
    this.#source = source;
    this.#old = previous.sources[source] ?? { posts: {} };
    this.#recordComments = recordComments;
  }

  get previous(): Manifest {
    return this.#previous;
  }

  /** The slug an earlier import gave this post, if any. */
  slugOf(postId: string): string | undefined {
    return this.#old.posts[postId]?.slug;
  }

  /** Every slug an earlier import gave, for any WordPress site: new posts may not take them. */
  takenSlugs(): Set<string> {
    const slugs = new Set<string>();
    for (const source of Object.values(this.#previous.sources))
      for (const post of Object.values(source.posts)) slugs.add(post.slug);
    return slugs;
  }

  /** The clock an undated post is dated with: the one an earlier run used for it, else `now`. */
  clockFor(postId: string, now: Date): Date {
    const recorded = this.#old.posts[postId]?.undatedAt;
    return recorded ? new Date(recorded) : now;
  }

  /** Records an imported post (published or draft) under its story's slug and section. */
  recordPost(post: PostFacts, frontmatter: ArticleFrontmatter): void {
    const previous = this.#old.posts[post.postId];
    const record: PostRecord = { slug: frontmatter.slug, section: frontmatter.section };
    if (!frontmatter.draft) {
      record.published = frontmatter.published;
      record.link = post.link;
      record.guid = post.guid;
    }
    if (post.undated) record.undatedAt = frontmatter.published;
    // A story that moved to another section keeps its old address, for its redirect.
    const former = [...(previous?.formerSections ?? [])];
    if (previous?.published !== undefined && previous.section !== record.section)
      former.push(previous.section);
    const kept = [...new Set(former)].filter((section) => section !== record.section);
    if (kept.length > 0) record.formerSections = kept;
    if (previous?.comments) record.comments = { ...previous.comments };
    this.#posts.set(post.postId, record);
    this.#titles.set(post.postId, post.title);
  }

  /** The old paths (`/section/slug/`) of a story that moved to another section since an earlier import. */
  formerPaths(postId: string): string[] {
    const post = this.#posts.get(postId) ?? this.#old.posts[postId];
    return (post?.formerSections ?? []).map((section) => `/${section}/${post?.slug ?? ''}/`);
  }

  /** The title of a post recorded in this run (for the report). */
  titleOf(postId: string): string | undefined {
    return this.#titles.get(postId);
  }

  /**
   * Gives a mapped comment the id an earlier import stored it under (its id is otherwise derived from
   * its date and WordPress ids, which a later export may change), and records it. Call it before the
   * comment's replies are mapped, so they name their parent by the same id.
   */
  comment(postId: string, wpCommentId: string, comment: StoredComment): void {
    const recorded = this.#old.posts[postId]?.comments?.[wpCommentId];
    if (recorded) {
      comment.public.id = recorded;
      comment.private.id = recorded;
    }
    const post = this.#posts.get(postId);
    if (post && this.#recordComments) post.comments = { ...post.comments, [wpCommentId]: comment.public.id };
  }

  /** The ids of every comment an earlier import stored: a moderator may since have deleted them. */
  recordedCommentIds(): Set<string> {
    const ids = new Set<string>();
    for (const source of Object.values(this.#previous.sources))
      for (const post of Object.values(source.posts))
        for (const id of Object.values(post.comments ?? {})) ids.add(id);
    return ids;
  }

  /** The posts this run imported, with their records. */
  imported(): [string, PostRecord][] {
    return [...this.#posts];
  }

  /** Posts an earlier import wrote that this run did not import (gone from the export, or now skipped). */
  notImported(): [string, PostRecord][] {
    return Object.entries(this.#old.posts).filter(([id]) => !this.#posts.has(id));
  }

  /**
   * The manifest after this run: other WordPress sites as they were; for this one, every post of the
   * earlier runs (a post gone from the export keeps its record, and its story stays) with this run's
   * records over them. `files`: the digest of every file imports wrote.
   */
  manifest(files: Record<string, string>): Manifest {
    const posts: Record<string, PostRecord> = { ...this.#old.posts };
    for (const [id, record] of this.#posts) posts[id] = record;
    return {
      version: 1,
      files,
      sources: { ...this.#previous.sources, [this.#source]: { posts } },
    };
  }
}
