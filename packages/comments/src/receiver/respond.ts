/**
 * The responder: every answer the receiver gives is made here, in the form the client asked for (JSON
 * for the enhancement script, an HTML page otherwise). The headers every answer shares (security,
 * caching, CORS) are the router's middleware's.
 */
import type { Post } from '../config/options.ts';
import { format, pluralKey, type PluralKey, type StringKey } from '../config/strings.ts';
import { issueToken } from '../lib/token.ts';
import { siteRedirect } from '../lib/url.ts';
import type { Rejection, Submission } from '../lib/validate.ts';
import type { StoredComment } from '../store/comment.ts';
import type { Receiver } from './context.ts';
import { renderPage, type PageOptions } from './pages.ts';

/** How to answer one request, learned as the checks run. */
export interface Answer {
  wantsJson: boolean;
  /** The site origin the request came from (checked by the submission's origin check); null when refused. */
  origin: string | null;
  /** The receiver's own URL, where a page's form posts. */
  actionUrl: string;
  /** The post, once known: an error page then offers a fresh token and a way back. */
  post?: Post | undefined;
  /** What the reader typed, when an error page may offer it back. */
  submission?: Submission | undefined;
}

/** Content negotiation: JSON for a JSON body or a client that asks for JSON and not HTML. */
export function wantsJson(request: Request): boolean {
  const accept = request.headers.get('accept') ?? '';
  return (
    (request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json') ||
    (accept.includes('application/json') && !accept.includes('text/html'))
  );
}

/** The reader's message for a refusal: the field's label and the values filled in by name. */
export function messageFor(receiver: Receiver, rejection: Rejection): string {
  const { strings } = receiver;
  const values: Record<string, string> = {
    field: rejection.field ? strings[`field.${rejection.field}`] : strings['field.request'],
  };
  const numbers = new Intl.NumberFormat(receiver.config.locale);
  for (const [name, value] of Object.entries(rejection.params ?? {}))
    values[name] = typeof value === 'number' ? numbers.format(value) : value;
  const { message, pluralBy } = rejection;
  const key =
    pluralBy === undefined
      ? (message as StringKey)
      : pluralKey(message as PluralKey, Number(rejection.params?.[pluralBy] ?? 0), receiver.config.locale);
  return format(strings[key], values);
}

export function json(status: number, payload: unknown): Response {
  return new Response(JSON.stringify(payload), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}

export function page(
  receiver: Receiver,
  status: number,
  options: Omit<PageOptions, 'strings' | 'language'>,
): Response {
  const html = renderPage({ ...options, strings: receiver.strings, language: receiver.language });
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

/** The form's rules for the receiver's pages: the same limits the checks apply. */
export function formRules(receiver: Receiver) {
  const { limits, requireNameEmail } = receiver.config;
  return {
    requireNameEmail,
    maxLength: {
      author: limits.author.chars,
      email: limits.email.chars,
      url: limits.url.chars,
      comment: limits.comment.chars,
    },
  };
}

/** Where the reader's own site is: the request's origin when it is allowed, else the first one. */
export function siteOrigin(receiver: Receiver, origin: string | null): string | undefined {
  return origin && receiver.allowed.has(origin) ? origin : receiver.config.origins[0];
}

/**
 * A refusal. With the post known, it carries a fresh token (so sending again works) and, on an HTML
 * page, the reader's text in the form and a link back to the article.
 */
export async function refuse(receiver: Receiver, rejection: Rejection, answer: Answer): Promise<Response> {
  const message = messageFor(receiver, rejection);
  const { post, submission } = answer;
  const token = post ? await issueToken(receiver.config.secret, post.id, receiver.now()) : undefined;
  let response: Response;
  if (answer.wantsJson) {
    const payload: Record<string, unknown> = {
      ok: false,
      code: rejection.code,
      field: rejection.field ?? null,
      message,
    };
    if (token) payload['token'] = token;
    response = json(rejection.status, payload);
  } else {
    const back = siteOrigin(receiver, answer.origin);
    const form: PageOptions['form'] =
      post && submission
        ? {
            ...formRules(receiver),
            action: answer.actionUrl,
            postId: post.id,
            parentId: submission.parentId,
            token,
            values: {
              author: submission.author,
              email: submission.email,
              url: submission.url ?? '',
              comment: submission.body,
            },
          }
        : undefined;
    const options = {
      title: receiver.strings['error.title'],
      message,
      isError: true,
      backUrl: post && back ? siteRedirect(back, post.url, 'respond') : undefined,
      form,
    };
    response = page(receiver, rejection.status, options);
  }
  if (rejection.retryAfter) response.headers.set('Retry-After', String(rejection.retryAfter));
  return response;
}

/** A stored comment: 201 with the comment for the script, or 303 back to the article. */
export function accepted(receiver: Receiver, comment: StoredComment, answer: Answer, post: Post): Response {
  const approved = comment.status === 'approved';
  const { id, parentId, author, url, body, createdAt, avatar } = comment.public;
  if (answer.wantsJson) {
    const payload = {
      ok: true,
      id,
      status: comment.status,
      message: approved ? '' : receiver.strings.pending,
      comment: { id, parentId, author, url, body, createdAt, avatar },
    };
    return json(201, payload);
  }
  const headers = new Headers();
  const target = answer.origin
    ? siteRedirect(answer.origin, post.url, approved ? 'comments' : 'khabar-pending')
    : undefined;
  if (target) headers.set('Location', target);
  return new Response(null, { status: 303, headers });
}
