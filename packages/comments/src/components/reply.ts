/**
 * The reply form the thread's "رد" buttons submit. The post's id (an Arabic slug, some 290 bytes
 * percent-encoded) is written once in this form rather than in a link under every comment; each button
 * adds its comment's id as `parent`. Without JavaScript the browser sends the same GET a link did:
 * `<replyUrl>?post=<id>&parent=<comment>`.
 */

/** The form's id, which every reply button names in its `form` attribute. */
export const REPLY_FORM_ID = 'khabar-reply';

/** The form's action and its hidden fields: a GET form drops the action's own query, so it moves into fields. */
export function replyForm(replyUrl: string, postId: string): { action: string; fields: [string, string][] } {
  const url = new URL(replyUrl, 'https://khabar.invalid/');
  const fields: [string, string][] = [...url.searchParams].filter(
    ([name]) => name !== 'post' && name !== 'parent',
  );
  fields.push(['post', postId]);
  url.search = '';
  url.hash = '';
  return { action: replyUrl.startsWith('/') ? url.pathname : url.href, fields };
}
