/**
 * The receiver as one Web-standard handler: `(Request) => Promise<Response>`. It runs unchanged under
 * `khabar-comments serve` (Node's http), as an Astro endpoint on an SSR adapter, or on a serverless
 * platform. Checks run in the order the issue lists; every refusal is a 4xx with a reason the reader can
 * act on, and nothing is stored.
 */
import { clientAddress, floodKey, truncateIp } from '../lib/address.ts';
import { avatarHash } from '../lib/avatar.ts';
import { FIELDS, parseFormBody, parseJsonBody, type BodyProblem, type FieldName } from '../lib/body.ts';
import { MemoryFloodGuard, type FloodGuard } from '../lib/flood.ts';
import { newCommentId } from '../lib/ids.ts';
import { format, pageLanguage, resolveStrings, type Strings } from '../config/strings.ts';
import { issueToken, verifyToken } from '../lib/token.ts';
import { originOf, siteRedirect } from '../lib/url.ts';
import { validateFields, type Rejection, type Submission } from '../lib/validate.ts';
import { COMMENT_ID, type StoredComment } from '../store/comment.ts';
import {
  ReceiverOptionsSchema,
  type Post,
  type ReceiverOptions,
  type ReceiverUserOptions,
} from '../config/options.ts';
import { PAGE_CSP, renderPage, replyTitle, type PageOptions } from './pages.ts';
import { duplicateKeys } from '../store/fingerprint.ts';
import type { CommentStore } from '../store/types.ts';
import { parseOptions } from '../config/friendly-errors.ts';

/** Where the receiver finds the site's posts: a list, or a lookup (for example over a manifest file). */
export type PostsSource = readonly Post[] | ((id: string) => Post | undefined | Promise<Post | undefined>);

export interface HandlerOptions extends ReceiverUserOptions {
  store: CommentStore;
  posts: PostsSource;
  /** Flood control shared across requests; in-process by default. */
  flood?: FloodGuard;
  /** The clock, in milliseconds. */
  now?: () => number;
  /** Overrides of the strings of `translations/<lang>.json`, by key. */
  strings?: Partial<Record<string, string>> | undefined;
  /** Called after a comment is stored (for logs). */
  onAccepted?: (comment: StoredComment) => void;
  /** Where warnings go. */
  logger?: Pick<Console, 'warn' | 'error'>;
  /** Calls the deploy hook (tests replace it). */
  fetch?: typeof fetch;
}

/** What the platform knows that a `Request` does not: the peer address of the connection. */
export interface HandlerContext {
  clientAddress?: string | undefined;
}

export type CommentsHandler = (request: Request, context?: HandlerContext) => Promise<Response>;

class BodyTooLarge extends Error {}

/** Reads at most `cap` bytes of the body; throws BodyTooLarge beyond. */
async function readCapped(request: Request, cap: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function bodyRejection(problem: BodyProblem): Rejection {
  switch (problem.kind) {
    case 'encoding':
      return { status: 400, code: 'encoding', field: asField(problem.field), message: 'error.encoding' };
    case 'syntax':
      return { status: 400, code: 'syntax', field: 'request', message: 'error.syntax' };
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

function asField(name: string | undefined): FieldName | 'request' {
  return name && (FIELDS as readonly string[]).includes(name) ? (name as FieldName) : 'request';
}

/** A field name a client sent, safe to show: printable ASCII, short. */
function printable(name: string): string {
  const clean = name.replace(/[^\x20-\x7E]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

function isClosed(post: Post, closeAfterDays: number | false, now: number): boolean {
  if (post.closed) return true;
  if (closeAfterDays === false || !post.published) return false;
  const published = Date.parse(post.published);
  return Number.isFinite(published) && now > published + closeAfterDays * 86_400_000;
}

/** Creates the receiver. Options are validated at once, with errors that name the option at fault. */
export function createHandler(options: HandlerOptions): CommentsHandler {
  const {
    store,
    posts,
    flood = new MemoryFloodGuard(),
    now = Date.now,
    logger = console,
    onAccepted,
  } = options;
  const doFetch = options.fetch ?? fetch;
  const config: ReceiverOptions = parseOptions(
    ReceiverOptionsSchema,
    {
      origins: options.origins,
      secret: options.secret,
      basePath: options.basePath,
      maxDepth: options.maxDepth,
      locale: options.locale,
      closeAfterDays: options.closeAfterDays,
      moderation: options.moderation,
      requireNameEmail: options.requireNameEmail,
      trustedProxies: options.trustedProxies,
      deployHook: options.deployHook,
      limits: options.limits,
    },
    'Invalid khabar-comments receiver options',
    'Check the options passed to createHandler() or `khabar-comments serve`; the README lists them.',
  );
  const strings: Strings = resolveStrings(options.strings, config.locale);
  const numbers = new Intl.NumberFormat(config.locale);
  const language = pageLanguage(config.locale);
  const formRules = {
    requireNameEmail: config.requireNameEmail,
    maxLength: {
      author: config.limits.author.chars,
      email: config.limits.email.chars,
      url: config.limits.url.chars,
      comment: config.limits.comment.chars,
    },
  };
  const allowed = new Set(config.origins);
  const tokenPolicy = {
    minSeconds: config.limits.minSeconds,
    maxSeconds: config.limits.maxSeconds,
    staticMaxSeconds: config.limits.staticMaxDays * 86_400,
  };
  const inFlight = new Set<string>();
  let warnedNoAddress = false;

  const findPost = async (id: string): Promise<Post | undefined> => {
    if (typeof posts === 'function') return posts(id);
    return posts.find((post) => post.id === id);
  };

  const corsHeaders = (origin: string | null): Headers => {
    const headers = new Headers({
      Vary: 'Origin',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (origin && allowed.has(origin)) {
      headers.set('Access-Control-Allow-Origin', origin);
      headers.set('Access-Control-Allow-Methods', 'POST, GET, OPTIONS');
      headers.set('Access-Control-Allow-Headers', 'Content-Type, Accept');
      headers.set('Access-Control-Max-Age', '600');
    }
    return headers;
  };

  const messageFor = (rejection: Rejection): string => {
    const label = rejection.field ? strings[`field.${rejection.field}`] : strings['field.request'];
    const values: Record<string, string> = { field: label };
    for (const [name, value] of Object.entries(rejection.params ?? {}))
      values[name] = typeof value === 'number' ? numbers.format(value) : value;
    return format(strings[rejection.message], values);
  };

  interface Answer {
    wantsJson: boolean;
    origin: string | null;
    actionUrl: string;
    post?: Post | undefined;
    submission?: Submission | undefined;
  }

  const refuse = async (rejection: Rejection, answer: Answer): Promise<Response> => {
    const headers = corsHeaders(answer.origin);
    if (rejection.retryAfter) headers.set('Retry-After', String(rejection.retryAfter));
    const message = messageFor(rejection);
    // A reader whose form was refused for its token gets a fresh one, so sending again works.
    const token = answer.post ? await issueToken(config.secret, answer.post.id, now()) : undefined;
    if (answer.wantsJson) {
      headers.set('Content-Type', 'application/json; charset=utf-8');
      const payload: Record<string, unknown> = {
        ok: false,
        code: rejection.code,
        field: rejection.field ?? null,
        message,
      };
      if (token) payload['token'] = token;
      return new Response(JSON.stringify(payload), { status: rejection.status, headers });
    }
    const siteOrigin = answer.origin && allowed.has(answer.origin) ? answer.origin : config.origins[0];
    const backUrl =
      answer.post && siteOrigin ? siteRedirect(siteOrigin, answer.post.url, 'respond') : undefined;
    const form: PageOptions['form'] =
      answer.post && answer.submission
        ? {
            ...formRules,
            action: answer.actionUrl,
            postId: answer.post.id,
            parentId: answer.submission.parentId,
            token,
            values: {
              author: answer.submission.author,
              email: answer.submission.email,
              url: answer.submission.url ?? '',
              comment: answer.submission.body,
            },
          }
        : undefined;
    headers.set('Content-Type', 'text/html; charset=utf-8');
    headers.set('Content-Security-Policy', PAGE_CSP);
    headers.set('Referrer-Policy', 'same-origin');
    const html = renderPage({
      strings,
      language,
      title: strings['error.title'],
      message,
      isError: true,
      backUrl,
      form,
    });
    return new Response(html, { status: rejection.status, headers });
  };

  const json = (status: number, payload: unknown, origin: string | null): Response => {
    const headers = corsHeaders(origin);
    headers.set('Content-Type', 'application/json; charset=utf-8');
    return new Response(JSON.stringify(payload), { status, headers });
  };

  const callDeployHook = (): void => {
    if (!config.deployHook) return;
    doFetch(config.deployHook, { method: 'POST', signal: AbortSignal.timeout(10_000) }).catch(
      (error: unknown) => {
        logger.warn(`khabar-comments: the deploy hook failed: ${String(error)}`);
      },
    );
  };

  const depthOf = async (parentId: string, postId: string): Promise<number | 'missing'> => {
    let depth = 1;
    let current: string | null = parentId;
    const seen = new Set<string>();
    while (current) {
      if (seen.has(current) || depth > 11) return 'missing';
      seen.add(current);
      const found = await store.get(current);
      if (!found || found.status !== 'approved' || found.public.postId !== postId) {
        return depth === 1 ? 'missing' : depth;
      }
      depth++;
      current = found.public.parentId;
    }
    return depth;
  };

  async function submit(request: Request, context: HandlerContext, answer: Answer): Promise<Response> {
    const origin = answer.origin;
    // 1. Body size cap, from the header first, then while reading.
    const declared = Number(request.headers.get('content-length') ?? '0');
    const tooLarge: Rejection = {
      status: 413,
      code: 'too-large',
      field: 'request',
      message: 'error.tooLarge',
    };
    if (Number.isFinite(declared) && declared > config.limits.bodyBytes) return refuse(tooLarge, answer);
    // 2. Origin allow-list (Origin, or the Referer's origin when a browser sent none).
    const claimed = origin || originOf(request.headers.get('referer')) || null;
    if (!claimed || !allowed.has(claimed)) {
      return refuse(
        { status: 403, code: 'origin', field: 'request', message: 'error.origin' },
        { ...answer, origin: null },
      );
    }
    answer.origin = claimed;
    const type = (request.headers.get('content-type') ?? '').toLowerCase();
    const [mediaType = '', ...params] = type.split(';').map((part) => part.trim());
    const charset = params
      .find((p) => p.startsWith('charset='))
      ?.slice(8)
      .replace(/"/g, '');
    if (
      (mediaType !== 'application/x-www-form-urlencoded' && mediaType !== 'application/json') ||
      (charset && charset !== 'utf-8')
    ) {
      return refuse(
        { status: 415, code: 'content-type', field: 'request', message: 'error.contentType' },
        answer,
      );
    }
    let raw: Uint8Array;
    try {
      raw = await readCapped(request, config.limits.bodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) return refuse(tooLarge, answer);
      return refuse({ status: 400, code: 'syntax', field: 'request', message: 'error.syntax' }, answer);
    }
    // 3. Only known fields, strict UTF-8.
    const parsed = mediaType === 'application/json' ? parseJsonBody(raw) : parseFormBody(raw);
    if (!parsed.ok) return refuse(bodyRejection(parsed.problem), answer);
    // 4–7. NFC, control, bidi and zero-width characters, lengths, e-mail, URL.
    const validation = validateFields(parsed.fields, config.limits, config.requireNameEmail);
    if (!validation.ok) {
      // Keep the reader's text when the post is known, so the error page can offer it back.
      const postId = parsed.fields.comment_post_ID;
      const post = postId && postId.isWellFormed() ? await findPost(postId.normalize('NFC')) : undefined;
      const keep = post ? keepable(parsed.fields) : undefined;
      return refuse(validation.rejection, { ...answer, post, submission: keep });
    }
    const submission = validation.value;
    // 8. The post exists and is open.
    const post = await findPost(submission.postId);
    if (!post)
      return refuse({ status: 422, code: 'post', field: 'comment_post_ID', message: 'error.post' }, answer);
    answer.post = post;
    answer.submission = submission;
    const at = now();
    if (isClosed(post, config.closeAfterDays, at)) {
      return refuse(
        { status: 403, code: 'closed', field: 'comment_post_ID', message: 'error.closed' },
        { ...answer, submission: undefined },
      );
    }
    // 9. The parent exists on the same post, and the depth is allowed.
    if (submission.parentId !== null) {
      if (!COMMENT_ID.test(submission.parentId)) {
        return refuse(
          { status: 422, code: 'parent', field: 'comment_parent', message: 'error.parent' },
          answer,
        );
      }
      const depth = await depthOf(submission.parentId, post.id);
      if (depth === 'missing')
        return refuse(
          { status: 422, code: 'parent', field: 'comment_parent', message: 'error.parent' },
          answer,
        );
      if (depth > config.maxDepth)
        return refuse(
          { status: 422, code: 'depth', field: 'comment_parent', message: 'error.depth' },
          answer,
        );
    }
    // 10. Honeypot, then the time token.
    if (submission.honeypot !== '') {
      return refuse(
        { status: 400, code: 'honeypot', field: 'subject', message: 'error.honeypot' },
        { ...answer, submission: undefined },
      );
    }
    const token = await verifyToken(config.secret, submission.token, post.id, at, tokenPolicy);
    if (!token.ok) {
      if (token.reason === 'too-fast') {
        return refuse(
          {
            status: 429,
            code: 'too-fast',
            field: 'khabar_token',
            message: 'error.tooFast',
            retryAfter: config.limits.minSeconds,
          },
          answer,
        );
      }
      const message = token.reason === 'too-old' ? 'error.tooOld' : 'error.token';
      return refuse({ status: 400, code: `token-${token.reason}`, field: 'khabar_token', message }, answer);
    }
    // 11. Flood control per address (believing only trusted proxies).
    const address = clientAddress(
      context.clientAddress,
      request.headers.get('x-forwarded-for'),
      config.trustedProxies,
    );
    let floodSlot: { key: string; at: number } | undefined;
    if (address && config.limits.floodSeconds > 0) {
      const key = floodKey(address);
      const wait = flood.reserve(key, at, config.limits.floodSeconds * 1000);
      if (wait > 0)
        return refuse(
          { status: 429, code: 'flood', field: 'request', message: 'error.flood', retryAfter: wait },
          answer,
        );
      floodSlot = { key, at };
    } else if (!address && !warnedNoAddress) {
      warnedNoAddress = true;
      logger.warn(
        'khabar-comments: no client address is known, so flood control is off. Pass clientAddress to the handler.',
      );
    }
    const release = () => {
      if (floodSlot) flood.release(floodSlot.key, floodSlot.at);
    };
    // 12. Duplicate detection (also among submissions still being written).
    const avatar = await avatarHash(config.secret, submission.email, submission.author);
    const comment: StoredComment = {
      status: 'pending',
      public: {
        id: newCommentId(at),
        postId: post.id,
        parentId: submission.parentId,
        author: submission.author,
        url: submission.url,
        body: submission.body,
        createdAt: new Date(at).toISOString(),
        avatar,
      },
      private: {
        id: '',
        email: submission.email,
        ip: address ? (truncateIp(address) ?? null) : null,
        userAgent: (request.headers.get('user-agent') ?? '').replace(/[^\x20-\x7E]/g, '').slice(0, 512),
        consent: submission.consent,
      },
    };
    comment.private.id = comment.public.id;
    const keys = duplicateKeys(comment);
    const duplicate: Rejection = {
      status: 409,
      code: 'duplicate',
      field: 'comment',
      message: 'error.duplicate',
    };
    if (keys.some((key) => inFlight.has(key))) {
      release();
      return refuse(duplicate, answer);
    }
    for (const key of keys) inFlight.add(key);
    // The keys leave `inFlight` as soon as the comment is stored or refused, before the answer is written.
    let refusal: Rejection | undefined;
    try {
      if (await store.findDuplicate(comment)) {
        release();
        refusal = duplicate;
      } else {
        if (config.moderation === 'none') comment.status = 'approved';
        else if (config.moderation === 'previously-approved' && (await store.hasApprovedAuthor(avatar)))
          comment.status = 'approved';
        try {
          await store.add(comment);
        } catch (error) {
          release();
          logger.error(`khabar-comments: could not store a comment: ${String(error)}`);
          refusal = { status: 503, code: 'storage', field: 'request', message: 'error.storage' };
        }
      }
    } finally {
      for (const key of keys) inFlight.delete(key);
    }
    if (refusal) return refuse(refusal, answer);
    onAccepted?.(comment);
    if (comment.status === 'approved') callDeployHook();

    const approved = comment.status === 'approved';
    if (answer.wantsJson) {
      return json(
        201,
        {
          ok: true,
          id: comment.public.id,
          status: comment.status,
          message: approved ? '' : strings.pending,
          comment: {
            id: comment.public.id,
            parentId: comment.public.parentId,
            author: comment.public.author,
            url: comment.public.url,
            body: comment.public.body,
            createdAt: comment.public.createdAt,
            avatar: comment.public.avatar,
          },
        },
        answer.origin,
      );
    }
    const target = siteRedirect(claimed, post.url, approved ? 'comments' : 'khabar-pending');
    const headers = corsHeaders(answer.origin);
    if (target) headers.set('Location', target);
    return new Response(null, { status: 303, headers });
  }

  return async function handle(request: Request, context: HandlerContext = {}): Promise<Response> {
    const url = new URL(request.url);
    const origin = request.headers.get('origin');
    const accept = request.headers.get('accept') ?? '';
    const wantsJson =
      (request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json') ||
      (accept.includes('application/json') && !accept.includes('text/html'));
    const base = config.basePath;
    const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    const answer: Answer = { wantsJson, origin, actionUrl: `${url.origin}${base}` };
    if (!path.startsWith(base)) {
      return refuse({ status: 404, code: 'not-found', field: 'request', message: 'error.notFound' }, answer);
    }
    const route = path.slice(base.length).replace(/\/$/, '');
    if (request.method === 'OPTIONS') {
      if (!origin || !allowed.has(origin)) {
        return refuse(
          { status: 403, code: 'origin', field: 'request', message: 'error.origin' },
          { ...answer, origin: null },
        );
      }
      return new Response(null, { status: 204, headers: corsHeaders(origin) });
    }
    if (route === 'health' && request.method === 'GET') return json(200, { ok: true }, origin);
    if ((route === 'token' || route === 'reply') && (request.method === 'GET' || request.method === 'HEAD')) {
      const postId = (url.searchParams.get('post') ?? '').normalize('NFC');
      const post = postId && postId.isWellFormed() ? await findPost(postId) : undefined;
      if (!post)
        return refuse({ status: 404, code: 'post', field: 'comment_post_ID', message: 'error.post' }, answer);
      if (isClosed(post, config.closeAfterDays, now())) {
        return refuse(
          { status: 403, code: 'closed', field: 'comment_post_ID', message: 'error.closed' },
          answer,
        );
      }
      const token = await issueToken(config.secret, post.id, now());
      if (route === 'token') return json(200, { token }, origin);
      const parentId = url.searchParams.get('parent') ?? '';
      const parent = COMMENT_ID.test(parentId) ? await store.get(parentId) : undefined;
      if (!parent || parent.status !== 'approved' || parent.public.postId !== post.id) {
        return refuse(
          { status: 404, code: 'parent', field: 'comment_parent', message: 'error.parent' },
          { ...answer, wantsJson: false },
        );
      }
      const siteOrigin = origin && allowed.has(origin) ? origin : config.origins[0];
      const headers = corsHeaders(origin);
      headers.set('Content-Type', 'text/html; charset=utf-8');
      headers.set('Content-Security-Policy', PAGE_CSP);
      headers.set('Referrer-Policy', 'same-origin');
      const html = renderPage({
        strings,
        language,
        title: replyTitle(strings, parent.public.author),
        isError: false,
        backUrl: siteOrigin ? siteRedirect(siteOrigin, post.url, `comment-${parent.public.id}`) : undefined,
        form: { ...formRules, action: answer.actionUrl, postId: post.id, parentId: parent.public.id, token },
      });
      return new Response(html, { status: 200, headers });
    }
    if (route !== '')
      return refuse({ status: 404, code: 'not-found', field: 'request', message: 'error.notFound' }, answer);
    if (request.method !== 'POST') {
      const response = await refuse(
        { status: 405, code: 'method', field: 'request', message: 'error.method' },
        answer,
      );
      response.headers.set('Allow', 'POST, OPTIONS');
      return response;
    }
    return submit(request, context, answer);
  };
}

/** What an error page may offer back to the reader: their own text, when it is well-formed. */
function keepable(fields: Partial<Record<FieldName, string>>): Submission | undefined {
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
