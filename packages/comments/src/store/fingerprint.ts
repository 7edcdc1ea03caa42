import { createHash } from 'node:crypto';
import type { StoredComment } from './comment.ts';
import { foldForComparison } from '../lib/text.ts';

/** The key under which a comment counts as a duplicate of another with the same post, text and name. */
function nameKey(comment: StoredComment): string {
  const body = foldForComparison(comment.public.body);
  return `${comment.public.postId}\u0000name\u0000${foldForComparison(comment.public.author)}\u0000${body}`;
}

/** The key for the same post, text and e-mail address; undefined without an address. */
function emailKey(comment: StoredComment): string | undefined {
  const email = comment.private.email.trim().toLowerCase();
  if (!email) return undefined;
  return `${comment.public.postId}\u0000email\u0000${email}\u0000${foldForComparison(comment.public.body)}`;
}

/** The keys under which a comment counts as a duplicate: same post and text, same name or same e-mail. */
export function duplicateKeys(comment: StoredComment): string[] {
  const email = emailKey(comment);
  return email === undefined ? [nameKey(comment)] : [nameKey(comment), email];
}

const hash = (key: string) => createHash('sha256').update(key).digest('base64url');

/**
 * The duplicate keys as the database stores them, in indexed columns: SHA-256 of each, since a key
 * holds the whole text. They are derived data: a change to `foldForComparison` needs a schema
 * migration that recomputes them.
 */
export function duplicateHashes(comment: StoredComment): { name: string; email: string | null } {
  // Asked twice of a new comment (the duplicate check, then the row): folding a long text is not free.
  let hashes = computed.get(comment);
  if (!hashes) {
    const email = emailKey(comment);
    hashes = { name: hash(nameKey(comment)), email: email === undefined ? null : hash(email) };
    computed.set(comment, hashes);
  }
  return hashes;
}

/** What the hashes read (the post, the text, the name, the e-mail) is never changed on a made comment. */
const computed = new WeakMap<StoredComment, { name: string; email: string | null }>();
