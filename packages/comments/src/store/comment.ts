import { z } from 'astro/zod';

/** A comment id: a base-36 time stamp and eight hex digits, e.g. `mbx4q2k1-3fa19c0e`. Safe as a file name. */
export const COMMENT_ID = /^[0-9a-z]{6,12}-[0-9a-f]{8}$/;

/** The moderation statuses, as WordPress has them. */
export const STATUSES = ['pending', 'approved', 'spam', 'trash'] as const;
export const StatusSchema = z.enum(STATUSES);
export type CommentStatus = z.infer<typeof StatusSchema>;

/**
 * What the site build may read about a comment: nothing here identifies the reader beyond the name and
 * website they chose to publish.
 */
export const PublicCommentSchema = z
  .object({
    /** @example 'mbx4q2k1-3fa19c0e' */
    id: z.string().regex(COMMENT_ID),
    /** The article's id, as the site passes it to the form. @example 'russia-syria-sovereignty' */
    postId: z.string().min(1).max(500),
    /** The comment this one answers, on the same post, or null. */
    parentId: z.string().regex(COMMENT_ID).nullable(),
    /** The name the reader gave. @example 'سارة' */
    author: z.string().max(1000),
    /** The reader's website, already checked to be http(s). */
    url: z.url().nullable(),
    /** The comment text: a light Markdown subset, rendered safely at build time. */
    body: z.string().min(1),
    /** When the receiver accepted it (ISO 8601, UTC). @example '2016-12-01T10:15:00.000Z' */
    createdAt: z.iso.datetime(),
    /** A keyed hash that draws the avatar; not reversible to an e-mail address. */
    avatar: z.string().regex(/^[0-9a-f]{20}$/),
  })
  .strict();
export type PublicComment = z.infer<typeof PublicCommentSchema>;

/** What only the moderator sees: kept in a separate folder the site build never reads. */
export const PrivateCommentSchema = z
  .object({
    id: z.string().regex(COMMENT_ID),
    /** Never published. */
    email: z.string().max(200),
    /** The client address truncated to /24 (IPv4) or /48 (IPv6). */
    ip: z.string().max(60).nullable(),
    userAgent: z.string().max(512),
    /** Whether the reader ticked "save my details" (kept in their browser only). */
    consent: z.boolean(),
  })
  .strict();
export type PrivateComment = z.infer<typeof PrivateCommentSchema>;

/** A comment as stored: both halves and a status. */
export interface StoredComment {
  status: CommentStatus;
  public: PublicComment;
  private: PrivateComment;
}
