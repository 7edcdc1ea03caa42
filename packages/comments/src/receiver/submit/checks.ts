/**
 * The receiver's checks, in the order they run, each a small pure function: it takes what the request
 * said (and, for the later ones, what the store or the clock said) and returns what passed or the
 * refusal. `pipeline.ts` runs them; nothing here reads a request, the store or the clock itself.
 */
import type { Post } from '../../config/options.ts';
import {
  FIELDS,
  parseFormBody,
  parseJsonBody,
  type BodyProblem,
  type FieldName,
  type Fields,
} from '../../lib/body.ts';
import { postClosed } from '../../lib/post.ts';
import type { TokenCheck } from '../../lib/token.ts';
import { originOf } from '../../lib/url.ts';
import type { Rejection, Submission } from '../../lib/validate.ts';
import { COMMENT_ID } from '../../store/comment.ts';

/** What a check passed on, or why it refused. The same shape as `validateFields`'s answer. */
export type Checked<T> = { ok: true; value: T } | { ok: false; rejection: Rejection };

const pass = <T>(value: T): Checked<T> => ({ ok: true, value });
const refuse = (rejection: Rejection): { ok: false; rejection: Rejection } => ({ ok: false, rejection });

/** A refusal: its status, stable code, message key and the field at fault (the request by default). */
function rejection(
  status: Rejection['status'],
  code: string,
  message: Rejection['message'],
  field: NonNullable<Rejection['field']> = 'request',
): Rejection {
  return { status, code, field, message };
}

export const TOO_LARGE = rejection(413, 'too-large', 'error.tooLarge');
export const BAD_ORIGIN = rejection(403, 'origin', 'error.origin');
export const SYNTAX = rejection(400, 'syntax', 'error.syntax');
export const DUPLICATE = rejection(409, 'duplicate', 'error.duplicate', 'comment');
export const STORAGE = rejection(503, 'storage', 'error.storage');
/** The site's posts cannot be read (a broken `site.json`): nothing can be checked, so nothing is taken. */
export const UNAVAILABLE = { ...rejection(503, 'unavailable', 'error.unavailable'), retryAfter: 60 };
/** Anything else that went wrong inside the receiver: the reader still gets a page in their language. */
export const INTERNAL = rejection(500, 'internal', 'error.internal');
export const NOT_FOUND = rejection(404, 'not-found', 'error.notFound');
export const METHOD = rejection(405, 'method', 'error.method');
const PARENT = rejection(422, 'parent', 'error.parent', 'comment_parent');
/** The reply page's parent is not an approved comment of the post. */
export const NO_PARENT = rejection(404, 'parent', 'error.parent', 'comment_parent');

// 1. The body's size: Hono's bodyLimit, in the router, refuses it with TOO_LARGE.

/** 2. The origin allow-list: the `Origin` header, or the `Referer`'s origin when a browser sent none. */
export function checkOrigin(
  origin: string | null,
  referer: string | null,
  allowed: ReadonlySet<string>,
): Checked<string> {
  const claimed = origin || originOf(referer);
  return claimed && allowed.has(claimed) ? pass(claimed) : refuse(BAD_ORIGIN);
}

/** 3. The media type: a form or JSON, in UTF-8. Passes on whether the body is JSON. */
export function checkMediaType(contentType: string | null): Checked<'form' | 'json'> {
  const [mediaType = '', ...params] = (contentType ?? '')
    .toLowerCase()
    .split(';')
    .map((part) => part.trim());
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  const kind =
    mediaType === 'application/json'
      ? 'json'
      : mediaType === 'application/x-www-form-urlencoded'
        ? 'form'
        : undefined;
  if (!kind || (charset && charset !== 'utf-8'))
    return refuse(rejection(415, 'content-type', 'error.contentType'));
  return pass(kind);
}

function asField(name: string | undefined): FieldName | 'request' {
  return name && (FIELDS as readonly string[]).includes(name) ? (name as FieldName) : 'request';
}

/** A field name a client sent, safe to show: printable ASCII, short. */
export function printable(name: string): string {
  const clean = name.replace(/[^\x20-\x7E]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

/** The refusal for a body that does not parse. */
export function bodyRejection(problem: BodyProblem): Rejection {
  switch (problem.kind) {
    case 'encoding':
      return rejection(400, 'encoding', 'error.encoding', asField(problem.field));
    case 'syntax':
      return SYNTAX;
    case 'unknown-field':
      return {
        ...rejection(400, 'unknown-field', 'error.unknownField'),
        params: { name: printable(problem.field) },
      };
    case 'duplicate-field':
      return rejection(400, 'duplicate-field', 'error.duplicateField', asField(problem.field));
    case 'type':
      return rejection(400, 'type', 'error.syntax', asField(problem.field));
  }
}

/** 4. Only known fields, none twice, strict UTF-8. */
export function checkBody(raw: Uint8Array, kind: 'form' | 'json'): Checked<Fields> {
  const parsed = kind === 'json' ? parseJsonBody(raw) : parseFormBody(raw);
  return parsed.ok ? pass(parsed.fields) : refuse(bodyRejection(parsed.problem));
}

// 5–6. Text hygiene, lengths, e-mail and URL: `validateFields` in lib/validate.ts.

/** 7. The post exists and takes comments. `missing` is 422 for a submission, 404 for a page or a token. */
export function checkPost(
  post: Post | undefined,
  closeAfterDays: number | false,
  now: number,
  missing: 404 | 422 = 422,
): Checked<Post> {
  if (!post) return refuse(rejection(missing, 'post', 'error.post', 'comment_post_ID'));
  if (postClosed(post, closeAfterDays, now))
    return refuse(rejection(403, 'closed', 'error.closed', 'comment_post_ID'));
  return pass(post);
}

/** 8a. A parent id has the shape of a comment id (so it is safe to look up). */
export function checkParentId(parentId: string): Rejection | undefined {
  return COMMENT_ID.test(parentId) ? undefined : PARENT;
}

/**
 * 8b. The parent is an approved comment on the same post, and the reply would not be deeper than
 * `maxDepth`. `depth` is the reply's depth as the store found it, or `missing`.
 */
export function checkDepth(depth: number | 'missing', maxDepth: number): Rejection | undefined {
  if (depth === 'missing') return PARENT;
  if (depth > maxDepth) return rejection(422, 'depth', 'error.depth', 'comment_parent');
  return undefined;
}

/** 9a. The honeypot field is empty. */
export function checkHoneypot(submission: Submission): Rejection | undefined {
  return submission.honeypot === '' ? undefined : rejection(400, 'honeypot', 'error.honeypot', 'subject');
}

/** 9b. The time token: too fast is 429 with `Retry-After`; missing, forged or too old is 400. */
export function checkToken(token: TokenCheck, minSeconds: number): Rejection | undefined {
  if (token.ok) return undefined;
  if (token.reason === 'too-fast')
    return { ...rejection(429, 'too-fast', 'error.tooFast', 'khabar_token'), retryAfter: minSeconds };
  const message = token.reason === 'too-old' ? 'error.tooOld' : 'error.token';
  return rejection(400, `token-${token.reason}`, message, 'khabar_token');
}

/** 10. Flood control: `wait` is what the flood guard answered (0: the slot is granted). */
export function checkFlood(wait: number): Rejection | undefined {
  return wait > 0 ? { ...rejection(429, 'flood', 'error.flood'), retryAfter: wait } : undefined;
}

/** 11. Duplicates: the comment's keys against those of submissions still being written. */
export function checkInFlight(keys: readonly string[], inFlight: ReadonlySet<string>): Rejection | undefined {
  return keys.some((key) => inFlight.has(key)) ? DUPLICATE : undefined;
}

/** What an error page may offer back to the reader: their own text, when it is well-formed. */
export function keepable(fields: Fields): Submission {
  const text = (name: FieldName) => {
    const value = fields[name] ?? '';
    // eslint-disable-next-line no-control-regex -- it must match control characters (C0 but TAB and LF, DEL, C1) to strip them
    return value.isWellFormed() ? value.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '') : '';
  };
  return {
    postId: text('comment_post_ID'),
    parentId: /^[0-9a-z-]+$/.test(text('comment_parent')) ? text('comment_parent') : null,
    author: text('author'),
    email: text('email'),
    url: text('url'),
    body: text('comment'),
    token: '',
    honeypot: '',
    consent: false,
  };
}
