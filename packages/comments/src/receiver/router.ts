/**
 * The router: which answer each request gets. Under the base path: `POST /` (a submission),
 * `GET /token?post=` (a fresh time token for the script), `GET /reply?post=&parent=` (the reply form for
 * readers without JavaScript), `GET /health`, and CORS preflights; everything else is 404 (or 405).
 */
import { issueToken } from '../lib/token.ts';
import { siteRedirect } from '../lib/url.ts';
import { COMMENT_ID } from '../store/comment.ts';
import type { HandlerContext, Receiver } from './context.ts';
import { replyTitle } from './pages.ts';
import { formRules, headersFor, json, page, refuse, siteOrigin, wantsJson, type Answer } from './respond.ts';
import { BAD_ORIGIN, checkPost, METHOD, NOT_FOUND } from './submit/checks.ts';
import { submitComment } from './submit/pipeline.ts';

export type CommentsHandler = (request: Request, context?: HandlerContext) => Promise<Response>;

/** `GET token` and `GET reply`: a fresh token for an open post, and for `reply` the form under a parent. */
async function tokenOrReply(
  receiver: Receiver,
  route: 'token' | 'reply',
  url: URL,
  answer: Answer,
): Promise<Response> {
  const postId = (url.searchParams.get('post') ?? '').normalize('NFC');
  const found = postId && postId.isWellFormed() ? await receiver.findPost(postId) : undefined;
  const post = checkPost(found, receiver.config.closeAfterDays, receiver.now(), 404);
  if (!post.ok) return refuse(receiver, post.rejection, answer);
  const token = await issueToken(receiver.config.secret, post.value.id, receiver.now());
  if (route === 'token') return json(receiver, 200, { token }, answer.origin);
  const parentId = url.searchParams.get('parent') ?? '';
  const parent = COMMENT_ID.test(parentId) ? await receiver.store.get(parentId) : undefined;
  if (!parent || parent.status !== 'approved' || parent.public.postId !== post.value.id) {
    const missing = {
      status: 404,
      code: 'parent',
      field: 'comment_parent',
      message: 'error.parent',
    } as const;
    return refuse(receiver, missing, { ...answer, wantsJson: false });
  }
  const back = siteOrigin(receiver, answer.origin);
  const options = {
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
  };
  return page(receiver, 200, options, answer.origin);
}

export function createRouter(receiver: Receiver): CommentsHandler {
  const base = receiver.config.basePath;
  return async function handle(request: Request, context: HandlerContext = {}): Promise<Response> {
    const url = new URL(request.url);
    const origin = request.headers.get('origin');
    const answer: Answer = { wantsJson: wantsJson(request), origin, actionUrl: `${url.origin}${base}` };
    const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    if (!path.startsWith(base)) return refuse(receiver, NOT_FOUND, answer);
    const route = path.slice(base.length).replace(/\/$/, '');
    if (request.method === 'OPTIONS') {
      if (!origin || !receiver.allowed.has(origin))
        return refuse(receiver, BAD_ORIGIN, { ...answer, origin: null });
      return new Response(null, { status: 204, headers: headersFor(receiver, origin) });
    }
    const reads = request.method === 'GET' || request.method === 'HEAD';
    if (route === 'health' && request.method === 'GET') return json(receiver, 200, { ok: true }, origin);
    if ((route === 'token' || route === 'reply') && reads) return tokenOrReply(receiver, route, url, answer);
    if (route !== '') return refuse(receiver, NOT_FOUND, answer);
    if (request.method !== 'POST') {
      const response = await refuse(receiver, METHOD, answer);
      response.headers.set('Allow', 'POST, OPTIONS');
      return response;
    }
    return submitComment(receiver, request, context, answer);
  };
}
