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

export const TOO_LARGE: Rejection = {
  status: 413,
  code: 'too-large',
  field: 'request',
  message: 'error.tooLarge',
};
export const BAD_ORIGIN: Rejection = {
  status: 403,
  code: 'origin',
  field: 'request',
  message: 'error.origin',
};
export const SYNTAX: Rejection = { status: 400, code: 'syntax', field: 'request', message: 'error.syntax' };
export const DUPLICATE: Rejection = {
  status: 409,
  code: 'duplicate',
  field: 'comment',
  message: 'error.duplicate',
};
export const STORAGE: Rejection = {
  status: 503,
  code: 'storage',
  field: 'request',
  message: 'error.storage',
};
export const NOT_FOUND: Rejection = {
  status: 404,
  code: 'not-found',
  field: 'request',
  message: 'error.notFound',
};
export const METHOD: Rejection = { status: 405, code: 'method', field: 'request', message: 'error.method' };

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
    return refuse({ status: 415, code: 'content-type', field: 'request', message: 'error.contentType' });
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
      return { status: 400, code: 'encoding', field: asField(problem.field), message: 'error.encoding' };
    case 'syntax':
      return SYNTAX;
    case 'unknown-field':
      return {
        status: 400,
        code: 'unknown-field',
        field: 'request',
        message: 'error.unknownField',
        params: { name: printable(problem.field) },
      };
    case 'duplicate-field':
      return {
        status: 400,
        code: 'duplicate-field',
        field: asField(problem.field),
        message: 'error.duplicateField',
      };
    case 'type':
      return { status: 400, code: 'type', field: asField(problem.field), message: 'error.syntax' };
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
  if (!post)
    return refuse({ status: missing, code: 'post', field: 'comment_post_ID', message: 'error.post' });
  if (postClosed(post, closeAfterDays, now))
    return refuse({ status: 403, code: 'closed', field: 'comment_post_ID', message: 'error.closed' });
  return pass(post);
}

const PARENT: Rejection = { status: 422, code: 'parent', field: 'comment_parent', message: 'error.parent' };

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
  if (depth > maxDepth)
    return { status: 422, code: 'depth', field: 'comment_parent', message: 'error.depth' };
  return undefined;
}

/** 9a. The honeypot field is empty. */
export function checkHoneypot(submission: Submission): Rejection | undefined {
  return submission.honeypot === ''
    ? undefined
    : { status: 400, code: 'honeypot', field: 'subject', message: 'error.honeypot' };
}

/** 9b. The time token: too fast is 429 with `Retry-After`; missing, forged or too old is 400. */
export function checkToken(token: TokenCheck, minSeconds: number): Rejection | undefined {
  if (token.ok) return undefined;
  if (token.reason === 'too-fast')
    return {
      status: 429,
      code: 'too-fast',
      field: 'khabar_token',
      message: 'error.tooFast',
      retryAfter: minSeconds,
    };
  const message = token.reason === 'too-old' ? 'error.tooOld' : 'error.token';
  return { status: 400, code: `token-${token.reason}`, field: 'khabar_token', message };
}

/** 10. Flood control: `wait` is what the flood guard answered (0: the slot is granted). */
export function checkFlood(wait: number): Rejection | undefined {
  return wait > 0
    ? { status: 429, code: 'flood', field: 'request', message: 'error.flood', retryAfter: wait }
    : undefined;
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
