/**
 * The router, on Hono: which answer each request gets, and the middleware every answer passes through.
 * Under the base path: `POST /` (a submission), `GET /token?post=` (a fresh time token for the script),
 * `GET /reply?post=&parent=` (the reply form for readers without JavaScript), `GET /health`, CORS
 * preflights and the moderation page `moderate` (`moderate/router.ts`); everything else is 404 (or 405
 * on the submission route).
 *
 * The security and caching headers of every answer are set here, once, by `secureHeaders`; CORS (only
 * for the site's own origins) by `cors`; the body cap by `bodyLimit`.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { issueToken } from '../lib/token.ts';
import { inRanges } from '../lib/address.ts';
import { receiverUrl, siteRedirect } from '../lib/url.ts';
import { COMMENT_ID } from '../store/comment.ts';
import { PostsUnavailableError, type HandlerContext, type Receiver } from './context.ts';
import { moderateRoutes } from './moderate/router.ts';
import { replyTitle } from './pages.ts';
import { formRules, json, page, refuse, siteOrigin, wantsJson, type Answer } from './respond.ts';
import {
  BAD_ORIGIN,
  checkPost,
  INTERNAL,
  METHOD,
  NO_PARENT,
  NOT_FOUND,
  TOO_LARGE,
  UNAVAILABLE,
} from './submit/checks.ts';
import { submitComment } from './submit/pipeline.ts';

export type CommentsHandler = (request: Request, context?: HandlerContext) => Promise<Response>;

type Env = { Bindings: HandlerContext };

/** The receiver's pages may show text and a form, and run nothing; no answer may be framed. */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'none'"],
  styleSrc: ["'unsafe-inline'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
};

/**
 * How to answer this request, before any check has run. The pages' forms post to the receiver's public
 * URL: behind a TLS proxy the request's own URL is `http://` and the page's CSP (`form-action 'self'`)
 * would block the post, so it comes from `publicUrl` or from what a trusted proxy forwarded.
 */
function answerFor(receiver: Receiver, c: Context<Env>): Answer {
  const { basePath, publicUrl, trustedProxies } = receiver.config;
  const peer = c.env.clientAddress;
  const fromProxy = peer !== undefined && inRanges(peer, trustedProxies);
  return {
    wantsJson: wantsJson(c.req.raw),
    origin: c.req.header('origin') ?? null,
    actionUrl: receiverUrl({
      publicUrl,
      requestUrl: c.req.url,
      basePath,
      forwarded: fromProxy
        ? { proto: c.req.header('x-forwarded-proto') ?? null, host: c.req.header('x-forwarded-host') ?? null }
        : undefined,
    }),
  };
}

/** `GET token` and `GET reply`: a fresh token for an open post, and for `reply` the form under a parent. */
async function tokenOrReply(
  receiver: Receiver,
  c: Context<Env>,
  answer: Answer,
  route: 'token' | 'reply',
): Promise<Response> {
  const postId = (c.req.query('post') ?? '').normalize('NFC');
  const found = postId && postId.isWellFormed() ? await receiver.findPost(postId) : undefined;
  const post = checkPost(found, receiver.config.closeAfterDays, receiver.now(), 404);
  if (!post.ok) return refuse(receiver, post.rejection, answer);
  const token = await issueToken(receiver.config.secret, post.value.id, receiver.now());
  if (route === 'token') return json(200, { token });
  const parentId = c.req.query('parent') ?? '';
  const parent = COMMENT_ID.test(parentId) ? await receiver.store.get(parentId) : undefined;
  if (!parent || parent.status !== 'approved' || parent.public.postId !== post.value.id) {
    return refuse(receiver, NO_PARENT, { ...answer, wantsJson: false });
  }
  const back = siteOrigin(receiver, answer.origin);
  return page(receiver, 200, {
    title: replyTitle(receiver.strings, parent.public.author),
    isError: false,
    backUrl: back ? siteRedirect(back, post.value.url, `comment-${parent.public.id}`) : undefined,
    form: {
      ...formRules(receiver),
      action: answer.actionUrl,
      postId: post.value.id,
      parentId: parent.public.id,
      token,
    },
  });
}

export function createRouter(receiver: Receiver): CommentsHandler {
  const base = receiver.config.basePath;
  const submitPath = base === '/' ? '/' : base.slice(0, -1);
  const app = new Hono<Env>({ strict: false });

  const noStore: MiddlewareHandler<Env> = async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  };
  // A preflight from anywhere but the site is refused outright; Hono's cors would answer it 204.
  const preflight: MiddlewareHandler<Env> = async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS' && !(origin && receiver.allowed.has(origin)))
      return refuse(receiver, BAD_ORIGIN, { ...answerFor(receiver, c), origin: null });
    await next();
    return undefined;
  };

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      referrerPolicy: 'same-origin',
      // The receiver may share its host name with the site: HSTS is the site's decision, not ours.
      strictTransportSecurity: false,
    }),
    noStore,
  );
  app.use(
    `${base}*`,
    preflight,
    cors({
      origin: (origin) => (receiver.allowed.has(origin) ? origin : null),
      allowMethods: ['POST', 'GET', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Accept'],
      maxAge: 600,
    }),
  );
  app.use(
    submitPath,
    bodyLimit({
      maxSize: receiver.config.limits.bodyBytes,
      onError: (c) => refuse(receiver, TOO_LARGE, answerFor(receiver, c as Context<Env>)),
    }),
  );

  app.get(`${base}health`, () => json(200, { ok: true }));
  app.get(`${base}token`, (c) => tokenOrReply(receiver, c, answerFor(receiver, c), 'token'));
  app.get(`${base}reply`, (c) => tokenOrReply(receiver, c, answerFor(receiver, c), 'reply'));
  app.post(submitPath, (c) => submitComment(receiver, c.req.raw, c.env, answerFor(receiver, c)));
  app.all(submitPath, async (c) => {
    const response = await refuse(receiver, METHOD, answerFor(receiver, c));
    response.headers.set('Allow', 'POST, OPTIONS');
    return response;
  });
  app.route('/', moderateRoutes(receiver));
  app.notFound((c) => refuse(receiver, NOT_FOUND, answerFor(receiver, c)));
  app.onError((error, c) => {
    const unavailable = error instanceof PostsUnavailableError;
    receiver.logger.error(`khabar-comments: ${unavailable ? error.message : (error.stack ?? error.message)}`);
    return refuse(receiver, unavailable ? UNAVAILABLE : INTERNAL, answerFor(receiver, c));
  });

  return async (request, context = {}) => app.fetch(request, context);
}
