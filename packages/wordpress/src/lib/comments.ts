/**
 * WordPress comments → the khabar-comments store. Approved comments are published and pending ones wait
 * for moderation; spam, trash, pingbacks and trackbacks are left out and counted. Threads keep their
 * shape (`comment_parent`); e-mail addresses and IP addresses go only to the private half.
 */
import { createHash } from 'node:crypto';
import type { CommentStore } from 'khabar-comments/store';
import type { WxrComment } from '../wxr/types.ts';
import { gmtToInstant, wallClockToInstant } from './dates.ts';

export type StoredComment = Parameters<CommentStore['add']>[0];

export type CommentSkip = 'spam' | 'trash' | 'pingback' | 'trackback' | 'empty' | 'undated';

export interface CommentContext {
  /** The story's id in the site, which the comment form passes as `postId`. */
  postId: string;
  /** The WordPress post's id, part of each comment's stable id. */
  wpPostId: string;
  timeZone: string;
  /** Khabar ids of the comments of this post already mapped, by WordPress comment id. */
  imported: ReadonlyMap<string, string>;
  /** The keyed avatar hash (khabar-comments' `avatarHash` with the site's secret). */
  avatar: (email: string, name: string) => Promise<string>;
  /** The address as khabar-comments keeps it (its `truncateIp`), or undefined when it is not one. */
  truncateIp: (ip: string) => string | undefined;
}

export type CommentResult =
  { kind: 'comment'; comment: StoredComment; orphan: boolean } | { kind: 'skip'; reason: CommentSkip };

/**
 * A comment id in khabar-comments' form (a base-36 time and eight hex digits), derived from the WordPress
 * ids so that importing the same export again names each comment the same way.
 */
export function stableCommentId(createdAt: Date, wpPostId: string, wpCommentId: string): string {
  const hash = createHash('sha256').update(`khabar-wordpress|${wpPostId}|${wpCommentId}`).digest('hex');
  return `${Math.floor(createdAt.getTime()).toString(36).padStart(8, '0')}-${hash.slice(0, 8)}`;
}

/** The reader's website when it is an http(s) URL, else null. */
export function websiteOf(url: string): string | null {
  const trimmed = url.trim();
  if (!trimmed) return null;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** WordPress's comment text (its own small HTML) as khabar-comments' plain text with light Markdown. */
export function commentBody(content: string): string {
  return content
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_, href: string, text: string) =>
      text.trim() === href ? href : `[${text}](${href})`,
    )
    .replace(/<\/?(?:strong|b)>/gi, '**')
    .replace(/<\/?(?:em|i)>/gi, '*')
    .replace(/<[^>]+>/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Maps one comment; its parent must have been mapped first (WordPress exports them oldest first). */
export async function mapComment(comment: WxrComment, context: CommentContext): Promise<CommentResult> {
  const type = comment.type.trim();
  if (type === 'pingback' || type === 'trackback') return { kind: 'skip', reason: type };
  if (comment.approved === 'spam') return { kind: 'skip', reason: 'spam' };
  if (comment.approved !== '1' && comment.approved !== '0') return { kind: 'skip', reason: 'trash' };
  const body = commentBody(comment.content);
  if (!body) return { kind: 'skip', reason: 'empty' };
  const createdAt = gmtToInstant(comment.dateGmt) ?? wallClockToInstant(comment.date, context.timeZone);
  if (!createdAt) return { kind: 'skip', reason: 'undated' };
  const id = stableCommentId(createdAt, context.wpPostId, comment.id);
  const wantsParent = comment.parent !== '' && comment.parent !== '0';
  const parentId = wantsParent ? (context.imported.get(comment.parent) ?? null) : null;
  const author = comment.author.trim().slice(0, 1000) || 'مجهول';
  const email = comment.authorEmail.trim().slice(0, 200);
  return {
    kind: 'comment',
    orphan: wantsParent && parentId === null,
    comment: {
      status: comment.approved === '1' ? 'approved' : 'pending',
      public: {
        id,
        postId: context.postId,
        parentId,
        author,
        url: websiteOf(comment.authorUrl),
        body,
        createdAt: createdAt.toISOString(),
        avatar: await context.avatar(email, author),
      },
      private: {
        id,
        email,
        ip: context.truncateIp(comment.authorIp.trim()) ?? null,
        userAgent: '',
        consent: false,
      },
    },
  };
}
