/**
 * `/moderate` under the receiver's base path: the moderation page, its login and its actions, as a
 * Hono app the receiver's router mounts. Every POST is refused with 403 unless the browser says it
 * came from this origin (`lib/csrf.ts`) and it carries the session's form token; logins are limited
 * per address and overall (`lib/rate-limit.ts`); each action is audited.
 *
 *   GET  moderate          the login form, or the comments (?status=, ?q=, ?page=)
 *   POST moderate/login    password (and a name for the audit)
 *   POST moderate/logout
 *   POST moderate/action   id, action = approve | pending | spam | trash | delete (+ confirm)
 *   POST moderate/reply    id, author, comment: an approved editor's reply under that comment
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Post } from '../../config/options.ts';
import { format, formatCommentDate } from '../../config/strings.ts';
import { clientAddress, floodKey } from '../../lib/address.ts';
import { avatarHash } from '../../lib/avatar.ts';
import { isSameOriginRequest, randomToken, tokensMatch } from '../../lib/csrf.ts';
import { callDeployHook } from '../../lib/deploy.ts';
import { matchesQuery, paginate, queryWords, storyWords } from '../../lib/moderation-search.ts';
import { parsePasswordHash, verifyPassword } from '../../lib/password.ts';
import { RateLimiter } from '../../lib/rate-limit.ts';
import { validateFields } from '../../lib/validate.ts';
import { COMMENT_ID, STATUSES, type CommentStatus, type StoredComment } from '../../store/comment.ts';
import type { HandlerContext, Receiver } from '../context.ts';
import { messageFor } from '../respond.ts';
import { newComment } from '../submit/store.ts';
import type { AuditEntry } from './audit.ts';
import {
  confirmDeletePage,
  listPage,
  loginPage,
  messagePage,
  setupPage,
  type CommentView,
  type Paths,
} from './pages.ts';
import { PASSWORD_HASH_ENV } from './password-file.ts';
import { MemorySessions, sessionTag, type Flash, type ModeratorSession } from './sessions.ts';

type Env = { Bindings: HandlerContext };
type C = Context<Env>;

const SESSION_COOKIE = 'khabar-moderator';
const LOGIN_COOKIE = 'khabar-moderator-login';
const ACTIONS = ['approve', 'pending', 'spam', 'trash', 'delete'] as const;
type Action = (typeof ACTIONS)[number];
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}
function isStatus(value: string): value is CommentStatus {
  return (STATUSES as readonly string[]).includes(value);
}

/** The page's query string from a form's `back` field: only status, q and page, re-encoded. */
export function backQuery(raw: string | null): string {
  const given = new URLSearchParams(raw ?? '');
  const out = new URLSearchParams();
  const status = given.get('status');
  if (status && isStatus(status)) out.set('status', status);
  const q = given.get('q')?.slice(0, 200);
  if (q) out.set('q', q);
  const page = given.get('page');
  if (page && /^\d{1,6}$/.test(page)) out.set('page', page);
  const text = out.toString();
  return text ? `?${text}` : '';
}

export function moderateRoutes(receiver: Receiver): Hono<Env> {
  const { config, store, strings, language, moderator: m } = receiver;
  const root = `${config.basePath}moderate`;
  const paths: Paths = {
    page: root,
    login: `${root}/login`,
    logout: `${root}/logout`,
    action: `${root}/action`,
    reply: `${root}/reply`,
  };
  const base = { strings, language };
  const sessions = new MemorySessions(m);
  const limiter = new RateLimiter({
    perKey: m.loginLimits.perAddress,
    global: m.loginLimits.global,
    windowMs: m.loginLimits.windowSeconds * 1000,
  });
  const publicOrigin = m.publicUrl ? new URL(m.publicUrl).origin : undefined;
  const numbers = new Intl.NumberFormat(config.locale);
  const app = new Hono<Env>({ strict: false });

  // Cookies are Secure always (browsers accept them from http://localhost too); on https they also
  // take the `__Secure-` prefix. `__Host-` would need Path=/, and these stay on the moderation path.
  const overHttps = (c: C) =>
    new URL(c.req.url).protocol === 'https:' || publicOrigin?.startsWith('https:') === true;
  const prefix = (c: C) => (overHttps(c) ? ({ prefix: 'secure' } as const) : {});
  const cookie = (c: C, name: string) => getCookie(c, name, overHttps(c) ? 'secure' : undefined);
  const putCookie = (c: C, name: string, value: string, maxAge: number) => {
    setCookie(c, name, value, {
      path: root,
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      maxAge,
      ...prefix(c),
    });
  };
  const dropCookie = (c: C, name: string) => {
    deleteCookie(c, name, { path: root, httpOnly: true, secure: true, sameSite: 'Strict', ...prefix(c) });
  };

  const address = (c: C) =>
    clientAddress(c.env.clientAddress, c.req.header('x-forwarded-for') ?? null, config.trustedProxies);

  let reportedBadHash = false;
  const currentHash = async (): Promise<string | undefined> => {
    const hash = (await m.passwordHash())?.trim();
    if (!hash) return undefined;
    if ('problem' in parsePasswordHash(hash)) {
      if (!reportedBadHash)
        receiver.logger.error(
          'khabar-comments: the moderator password hash is not valid; nobody can log in.',
        );
      reportedBadHash = true;
      return undefined;
    }
    return hash;
  };

  const audit = async (
    c: C,
    entry: Omit<AuditEntry, 'at' | 'address' | 'who' | 'session'>,
    session?: ModeratorSession,
  ) => {
    const full: AuditEntry = {
      at: new Date(receiver.now()).toISOString(),
      action: entry.action,
      who: session?.name ?? '',
      session: session ? await sessionTag(session.id) : null,
      address: address(c) ?? null,
      ...Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)),
    };
    try {
      await m.audit(full);
    } catch (error) {
      receiver.logger.error(`khabar-comments: could not write the moderation audit: ${String(error)}`);
    }
  };

  const html = (c: C, status: number, body: string) => c.html(body, status as 200);

  const loginForm = (c: C, status: number, message?: Flash, name = '') => {
    const existing = cookie(c, LOGIN_COOKIE);
    const csrf = existing && TOKEN.test(existing) ? existing : randomToken();
    putCookie(c, LOGIN_COOKIE, csrf, 3600);
    return html(c, status, loginPage(base, { action: paths.login, csrf, message, name }));
  };

  const forbidden = async (c: C, reason: string, session?: ModeratorSession) => {
    await audit(
      c,
      { action: 'refused', detail: `${c.req.method} ${new URL(c.req.url).pathname}: ${reason}` },
      session,
    );
    return html(c, 403, messagePage(base, strings['moderate.forbidden'], paths.page));
  };

  const ownOrigins = (c: C) => new Set([new URL(c.req.url).origin, ...(publicOrigin ? [publicOrigin] : [])]);

  const readForm = async (c: C) => {
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (!type.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams();
    return new URLSearchParams(await c.req.text());
  };

  /** The live session of this request, if its password is still the one in force. */
  const sessionOf = (c: C, hash: string) => {
    const session = sessions.get(cookie(c, SESSION_COOKIE), receiver.now());
    if (session && session.passwordHash !== hash) {
      sessions.delete(session.id);
      return undefined;
    }
    return session;
  };

  type Guarded = { session: ModeratorSession; form: URLSearchParams } | { response: Response };
  /** Every POST but the login: same origin, a password set, a live session, its form token. */
  const guard = async (c: C): Promise<Guarded> => {
    if (!isSameOriginRequest(c.req.raw.headers, ownOrigins(c)))
      return { response: await forbidden(c, 'cross-site') };
    const hash = await currentHash();
    if (!hash) return { response: html(c, 503, setupPage(base, PASSWORD_HASH_ENV)) };
    const session = sessionOf(c, hash);
    if (!session) {
      dropCookie(c, SESSION_COOKIE);
      return {
        response: loginForm(c, 401, { kind: 'error', text: strings['moderate.login.expired'] }),
      };
    }
    const form = await readForm(c);
    if (!tokensMatch(session.csrf, form.get('csrf')))
      return { response: await forbidden(c, 'form token', session) };
    return { session, form };
  };

  const postCache = () => {
    const cache = new Map<string, Promise<Post | undefined>>();
    return (id: string) => {
      let found = cache.get(id);
      if (!found) {
        found = receiver.findPost(id);
        cache.set(id, found);
      }
      return found;
    };
  };

  type Found = { comment: StoredComment; post: Post | undefined };
  /**
   * One page of a status's comments matching a search, newest first, with how many match and how many
   * are pending. A store that can search (SQLite, PostgreSQL) is asked for the page; any other is read
   * whole and searched here.
   */
  const findComments = async (
    status: CommentStatus,
    query: string,
    requested: number,
    findPost: (id: string) => Promise<Post | undefined>,
  ): Promise<{ items: Found[]; total: number; page: number; pages: number; pending: number }> => {
    const size = m.pageSize;
    if (store.search && store.postIds) {
      const words = queryWords(query);
      // A story's title and address are the site's, not the database's: the stories with comments in
      // this status are looked up, and a word found in one matches that story's comments.
      const postIds = new Map(words.map((word) => [word, [] as string[]]));
      if (words.length > 0)
        for (const id of await store.postIds(status)) {
          const post = await findPost(id);
          for (const word of storyWords(words, post?.title, post?.url)) postIds.get(word)?.push(id);
        }
      const search = { status, words: words.map((text) => ({ text, postIds: postIds.get(text) ?? [] })) };
      let page = Math.max(1, Math.floor(requested) || 1);
      let result = await store.search({ ...search, offset: (page - 1) * size, limit: size });
      const pages = Math.max(1, Math.ceil(result.total / size));
      if (page > pages) {
        page = pages;
        result = await store.search({ ...search, offset: (page - 1) * size, limit: size });
      }
      const pending =
        status === 'pending' && words.length === 0
          ? result.total
          : (await store.search({ status: 'pending', words: [], offset: 0, limit: 0 })).total;
      const items = await Promise.all(
        result.comments.map(async (comment) => ({ comment, post: await findPost(comment.public.postId) })),
      );
      return { items, total: result.total, page, pages, pending };
    }
    const all = await store.list({ status });
    const pending = status === 'pending' ? all.length : (await store.list({ status: 'pending' })).length;
    const found: Found[] = [];
    for (const comment of all) {
      const post = await findPost(comment.public.postId);
      const searchable = {
        author: comment.public.author,
        body: comment.public.body,
        email: comment.private.email,
        postId: comment.public.postId,
        storyTitle: post?.title,
        storyUrl: post?.url,
      };
      if (matchesQuery(searchable, query)) found.push({ comment, post });
    }
    // Newest first: what came in last is read first.
    found.reverse();
    const shown = paginate(found, requested, size);
    return { ...shown, total: found.length, pending };
  };

  const view = (comment: StoredComment, post: Post | undefined): CommentView => {
    const site = config.origins[0];
    return {
      id: comment.public.id,
      status: comment.status,
      author: comment.public.author,
      body: comment.public.body,
      website: comment.public.url,
      email: comment.private.email,
      address: comment.private.ip,
      createdAt: comment.public.createdAt,
      time: formatCommentDate(comment.public.createdAt, config.locale, m.timeZone),
      parentId: comment.public.parentId,
      story: {
        id: comment.public.postId,
        title: post?.title,
        href: post && site ? new URL(post.url, site).href : undefined,
      },
    };
  };

  const deployMessage = async (): Promise<{ text: string; detail: string }> => {
    const hook = config.deployHook;
    if (!hook) return { text: strings['moderate.deploy.none'], detail: 'no deploy hook' };
    const result = await callDeployHook(hook, receiver.fetch);
    if (result.ok && result.status < 400) {
      const status = `${result.status} ${result.statusText}`.trim();
      return { text: format(strings['moderate.deploy.ok'], { status }), detail: `deploy hook: ${status}` };
    }
    const error = result.ok ? `${result.status} ${result.statusText}`.trim() : result.error;
    return {
      text: format(strings['moderate.deploy.failed'], { error }),
      detail: `deploy hook failed: ${error}`,
    };
  };

  const back = (c: C, session: ModeratorSession, flash: Flash, form: URLSearchParams) => {
    session.flash = flash;
    return c.redirect(`${paths.page}${backQuery(form.get('back'))}`, 303);
  };

  app.use(
    `${root}/*`,
    bodyLimit({
      maxSize: config.limits.bodyBytes,
      onError: (c) => c.html(messagePage(base, strings['error.tooLarge'], paths.page), 413),
    }),
  );

  app.get(root, async (c) => {
    const hash = await currentHash();
    if (!hash) return html(c, 503, setupPage(base, PASSWORD_HASH_ENV));
    const hadCookie = cookie(c, SESSION_COOKIE) !== undefined;
    const session = sessionOf(c, hash);
    if (!session) {
      if (hadCookie) dropCookie(c, SESSION_COOKIE);
      return loginForm(
        c,
        200,
        hadCookie ? { kind: 'error', text: strings['moderate.login.expired'] } : undefined,
      );
    }
    const requested = c.req.query('status') ?? 'pending';
    const status: CommentStatus = isStatus(requested) ? requested : 'pending';
    const query = (c.req.query('q') ?? '').normalize('NFC').slice(0, 200).trim();
    const findPost = postCache();
    const shown = await findComments(status, query, Number(c.req.query('page') ?? '1'), findPost);
    const flash = session.flash;
    session.flash = undefined;
    const own = new URLSearchParams();
    if (status !== 'pending') own.set('status', status);
    if (query) own.set('q', query);
    if (shown.page > 1) own.set('page', String(shown.page));
    return html(
      c,
      200,
      listPage({
        ...base,
        paths,
        csrf: session.csrf,
        who: session.name,
        status,
        query,
        pendingCount: numbers.format(shown.pending),
        total: numbers.format(shown.total),
        comments: shown.items.map(({ comment, post }) => view(comment, post)),
        page: shown.page,
        pages: shown.pages,
        back: own.toString(),
        flash,
        numbers,
      }),
    );
  });

  app.get(paths.login, (c) => c.redirect(paths.page, 303));

  app.post(paths.login, async (c) => {
    if (!isSameOriginRequest(c.req.raw.headers, ownOrigins(c))) return forbidden(c, 'cross-site');
    const hash = await currentHash();
    if (!hash) return html(c, 503, setupPage(base, PASSWORD_HASH_ENV));
    const form = await readForm(c);
    if (!tokensMatch(cookie(c, LOGIN_COOKIE), form.get('csrf'))) return forbidden(c, 'login form token');
    const name = (form.get('name') ?? '')
      .normalize('NFC')
      .replace(/[\p{Cc}\p{Cf}]/gu, '')
      .trim()
      .slice(0, 100);
    const who = address(c);
    const decision = limiter.hit(who === undefined ? undefined : floodKey(who), receiver.now());
    if (!decision.ok) {
      await audit(c, {
        action: 'login-limited',
        detail: `${decision.scope}; retry after ${decision.retryAfterSeconds} s`,
      });
      const wait = new Intl.NumberFormat(config.locale, {
        style: 'unit',
        unit: 'second',
        unitDisplay: 'long',
      }).format(decision.retryAfterSeconds);
      c.header('Retry-After', String(decision.retryAfterSeconds));
      return loginForm(
        c,
        429,
        { kind: 'error', text: format(strings['moderate.login.limited'], { wait }) },
        name,
      );
    }
    if (!(await verifyPassword(form.get('password') ?? '', hash))) {
      await audit(c, { action: 'login-failed', detail: name ? `name given: ${name}` : undefined });
      return loginForm(c, 401, { kind: 'error', text: strings['moderate.login.wrong'] }, name);
    }
    limiter.reset(who === undefined ? undefined : floodKey(who));
    const session = sessions.create(name, hash, receiver.now());
    putCookie(c, SESSION_COOKIE, session.id, m.maxHours * 3600);
    dropCookie(c, LOGIN_COOKIE);
    await audit(c, { action: 'login' }, session);
    return c.redirect(paths.page, 303);
  });

  app.post(paths.logout, async (c) => {
    const guarded = await guard(c);
    if ('response' in guarded) return guarded.response;
    sessions.delete(guarded.session.id);
    dropCookie(c, SESSION_COOKIE);
    await audit(c, { action: 'logout' }, guarded.session);
    return c.redirect(paths.page, 303);
  });

  app.post(paths.action, async (c) => {
    const guarded = await guard(c);
    if ('response' in guarded) return guarded.response;
    const { session, form } = guarded;
    const id = form.get('id') ?? '';
    const action = form.get('action') ?? '';
    const comment = COMMENT_ID.test(id) ? await store.get(id) : undefined;
    if (!comment || !isAction(action))
      return back(c, session, { kind: 'error', text: strings['moderate.notFound'] }, form);
    const was = `was ${comment.status}`;
    const entry = { comment: id, post: comment.public.postId };
    if (action === 'delete') {
      if (form.get('confirm') !== '1') {
        const post = await receiver.findPost(comment.public.postId);
        return html(
          c,
          200,
          confirmDeletePage(base, {
            action: paths.action,
            csrf: session.csrf,
            back: backQuery(form.get('back')).slice(1),
            backHref: `${paths.page}${backQuery(form.get('back'))}`,
            comment: view(comment, post),
          }),
        );
      }
      await store.delete(id);
      await audit(c, { action, ...entry, detail: was }, session);
      return back(c, session, { kind: 'done', text: strings['moderate.done.delete'] }, form);
    }
    const status: CommentStatus = action === 'approve' ? 'approved' : action;
    await store.setStatus(id, status);
    let text = strings[`moderate.done.${action}`];
    let detail = was;
    if (status === 'approved' && comment.status !== 'approved') {
      const deployed = await deployMessage();
      text = `${text} ${deployed.text}`;
      detail = `${was}; ${deployed.detail}`;
    }
    await audit(c, { action, ...entry, detail }, session);
    return back(c, session, { kind: 'done', text }, form);
  });

  app.post(paths.reply, async (c) => {
    const guarded = await guard(c);
    if ('response' in guarded) return guarded.response;
    const { session, form } = guarded;
    const id = form.get('id') ?? '';
    const parent = COMMENT_ID.test(id) ? await store.get(id) : undefined;
    if (!parent || (parent.status !== 'pending' && parent.status !== 'approved'))
      return back(c, session, { kind: 'error', text: strings['moderate.notFound'] }, form);
    const checked = validateFields(
      {
        author: form.get('author') ?? '',
        email: '',
        url: '',
        comment: form.get('comment') ?? '',
        comment_post_ID: parent.public.postId,
        comment_parent: parent.public.id,
        khabar_token: '',
        subject: '',
      },
      config.limits,
      false,
    );
    if (!checked.ok)
      return back(c, session, { kind: 'error', text: messageFor(receiver, checked.rejection) }, form);
    const submission = { ...checked.value, author: checked.value.author || strings['moderate.editorName'] };
    const at = receiver.now();
    // A reply to a comment readers cannot see would stand alone on the page: replying publishes both.
    if (parent.status === 'pending') {
      await store.setStatus(parent.public.id, 'approved');
      await audit(
        c,
        { action: 'approve', comment: id, post: parent.public.postId, detail: 'was pending; replied to' },
        session,
      );
    }
    const reply = newComment({
      submission,
      post: { id: parent.public.postId, url: '/', title: '', closed: false },
      at,
      avatar: await avatarHash(config.secret, '', submission.author),
      address: undefined,
      userAgent: null,
    });
    reply.status = 'approved';
    await store.add(reply);
    receiver.onAccepted?.(reply);
    const deployed = await deployMessage();
    await audit(
      c,
      {
        action: 'reply',
        comment: id,
        post: parent.public.postId,
        reply: reply.public.id,
        detail: deployed.detail,
      },
      session,
    );
    return back(
      c,
      session,
      { kind: 'done', text: `${strings['moderate.done.reply']} ${deployed.text}` },
      form,
    );
  });

  return app;
}
