import type { StoredComment } from './comment.ts';
import { foldForComparison } from '../lib/text.ts';

/** The keys under which a comment counts as a duplicate: same post and text, same name or same e-mail. */
export function duplicateKeys(comment: StoredComment): string[] {
  const body = foldForComparison(comment.public.body);
  const post = comment.public.postId;
  const keys = [`${post}\u0000name\u0000${foldForComparison(comment.public.author)}\u0000${body}`];
  const email = comment.private.email.trim().toLowerCase();
  if (email) keys.push(`${post}\u0000email\u0000${email}\u0000${body}`);
  return keys;
}
