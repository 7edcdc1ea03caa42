/**
 * Field validation of a submission, after the body is parsed: text hygiene, lengths, e-mail and URL.
 * Pure: the receiver runs the checks that need storage, the clock or the network afterwards.
 */
import type { Limits } from '../config/options.ts';
import type { PluralKey, StringKey } from '../config/strings.ts';
import type { FieldName, Fields } from './body.ts';
import {
  checkCommentText,
  checkLength,
  checkLineText,
  hasLetterOrDigit,
  hasMarkup,
  normalizeText,
  tidyLine,
} from './text.ts';
import { parseWebsite } from './url.ts';

/** A refusal: the HTTP status, a stable code, the field at fault and the message key for the reader. */
export interface Rejection {
  status: 400 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
  code: string;
  field?: FieldName | 'request';
  /** The message, or the base of a message in plural forms (`error.tooLong` for `error.tooLong.few`…). */
  message: StringKey | PluralKey;
  /** For a message in plural forms: the param whose number picks the form (`max`). */
  pluralBy?: string;
  /** Values for the message's named placeholders (`{field}`, the field's label, is added by the receiver). */
  params?: Readonly<Record<string, string | number>>;
  /** Seconds before trying again (429). */
  retryAfter?: number;
}

export interface Submission {
  postId: string;
  parentId: string | null;
  author: string;
  email: string;
  url: string | null;
  body: string;
  token: string;
  honeypot: string;
  consent: boolean;
}

export type Validation = { ok: true; value: Submission } | { ok: false; rejection: Rejection };

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?)+$/u;

const LINE_FIELDS = [
  'author',
  'email',
  'url',
  'comment_post_ID',
  'comment_parent',
  'khabar_token',
  'subject',
] as const;

function reject(rejection: Rejection): Validation {
  return { ok: false, rejection };
}

/** Validates parsed fields against the limits; returns the cleaned submission or the first problem. */
export function validateFields(fields: Fields, limits: Limits, requireNameEmail: boolean): Validation {
  const values: Partial<Record<FieldName, string>> = {};
  // Strict NFC: every field is normalized before any check, so the checks see what will be stored.
  for (const name of LINE_FIELDS) {
    const raw = fields[name] ?? '';
    const problem = checkLineText(raw);
    if (problem === 'encoding')
      return reject({ status: 400, code: 'encoding', field: name, message: 'error.encoding' });
    if (problem) {
      const message =
        problem === 'control' ? 'error.control' : problem === 'bidi' ? 'error.bidi' : 'error.invisible';
      return reject({ status: 400, code: problem, field: name, message });
    }
    values[name] = tidyLine(raw.normalize('NFC'));
  }
  const body = normalizeText(fields.comment ?? '');
  const bodyProblem = checkCommentText(body);
  if (bodyProblem === 'empty')
    return reject({ status: 422, code: 'empty', field: 'comment', message: 'error.emptyComment' });
  if (bodyProblem === 'encoding')
    return reject({ status: 400, code: 'encoding', field: 'comment', message: 'error.encoding' });
  if (bodyProblem)
    return reject({
      status: 400,
      code: bodyProblem,
      field: 'comment',
      message: bodyProblem === 'control' ? 'error.control' : 'error.bidi',
    });
  const trimmedBody = body.trim();
  if (!hasLetterOrDigit(trimmedBody))
    return reject({ status: 422, code: 'no-letters', field: 'comment', message: 'error.noLetters' });

  const author = values.author ?? '';
  const email = values.email ?? '';
  const url = values.url ?? '';
  for (const [name, value, limit] of [
    ['author', author, limits.author],
    ['email', email, limits.email],
    ['url', url, limits.url],
    ['comment', trimmedBody, limits.comment],
  ] as const) {
    const over = checkLength(value, limit);
    if (over === 'chars') {
      return reject({
        status: 422,
        code: 'too-long',
        field: name,
        message: 'error.tooLong',
        pluralBy: 'max',
        params: { max: limit.chars },
      });
    }
    if (over === 'bytes')
      return reject({ status: 422, code: 'too-long', field: name, message: 'error.tooManyBytes' });
  }

  if (author && !hasLetterOrDigit(author))
    return reject({ status: 422, code: 'no-letters', field: 'author', message: 'error.noLetters' });
  if (hasMarkup(author))
    return reject({ status: 422, code: 'markup', field: 'author', message: 'error.markup' });
  if (requireNameEmail && !author)
    return reject({ status: 422, code: 'required', field: 'author', message: 'error.required' });
  if (requireNameEmail && !email)
    return reject({ status: 422, code: 'required', field: 'email', message: 'error.required' });
  if (email && !EMAIL.test(email))
    return reject({ status: 422, code: 'email', field: 'email', message: 'error.email' });

  let website: string | null = null;
  if (url) {
    const parsed = parseWebsite(url);
    if ('problem' in parsed) {
      const message =
        parsed.problem === 'credentials'
          ? 'error.urlCredentials'
          : parsed.problem === 'private'
            ? 'error.urlPrivate'
            : 'error.url';
      return reject({ status: 422, code: `url-${parsed.problem}`, field: 'url', message });
    }
    if (checkLength(parsed.href, limits.url)) {
      return reject({
        status: 422,
        code: 'too-long',
        field: 'url',
        message: 'error.tooLong',
        pluralBy: 'max',
        params: { max: limits.url.chars },
      });
    }
    website = parsed.href;
  }

  const postId = values.comment_post_ID ?? '';
  if (!postId) return reject({ status: 422, code: 'post', field: 'comment_post_ID', message: 'error.post' });
  const parent = values.comment_parent ?? '';
  const consent = fields['wp-comment-cookies-consent'] ?? '';

  return {
    ok: true,
    value: {
      postId,
      parentId: parent && parent !== '0' ? parent : null,
      author,
      email,
      url: website,
      body: trimmedBody,
      token: values.khabar_token ?? '',
      honeypot: fields.subject ?? '',
      consent: consent !== '' && consent !== '0' && consent !== 'false',
    },
  };
}
