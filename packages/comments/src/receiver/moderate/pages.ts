/**
 * The moderation page's HTML, rendered on the server: it works with JavaScript off, and the receiver's
 * CSP forbids scripts anyway. Every value is escaped; readers' names and text sit in `<bdi>` or carry
 * `dir="auto"`, e-mail addresses, addresses and URLs are `dir="ltr"`. Pure.
 */
import { format, type PageLanguage, type StringKey, type Strings } from '../../config/strings.ts';
import { escapeHtml } from '../../lib/escape.ts';
import type { CommentStatus } from '../../store/comment.ts';
import { STATUSES } from '../../store/comment.ts';
import type { Flash } from './sessions.ts';

export interface Paths {
  page: string;
  login: string;
  logout: string;
  action: string;
  reply: string;
}

export interface CommentView {
  id: string;
  status: CommentStatus;
  author: string;
  body: string;
  website: string | null;
  email: string;
  address: string | null;
  createdAt: string;
  /** `createdAt` in the site's locale and time zone. */
  time: string;
  parentId: string | null;
  story: { id: string; title?: string | undefined; href?: string | undefined };
}

interface Base {
  strings: Strings;
  language: PageLanguage;
}

export interface ListView extends Base {
  paths: Paths;
  csrf: string;
  who: string;
  status: CommentStatus;
  query: string;
  pendingCount: string;
  total: string;
  comments: CommentView[];
  page: number;
  pages: number;
  /** The page's own query string (status, search, page), for the forms to come back to. */
  back: string;
  flash?: Flash | undefined;
  numbers: Intl.NumberFormat;
}

const STYLE = `@layer khabar.moderate{
:root{color-scheme:light dark;--khabar-mod-muted:#595959;--khabar-mod-line:#d0d0d0;--khabar-mod-error:#b3000c;--khabar-mod-done:#1d6b2f}
@media (prefers-color-scheme:dark){:root{--khabar-mod-muted:#b5b5b5;--khabar-mod-line:#444;--khabar-mod-error:#ff8a8a;--khabar-mod-done:#8fd19e}}
body{font-family:system-ui,'Noto Naskh Arabic',sans-serif;line-height:1.7;max-inline-size:56rem;margin-inline:auto;padding:1rem}
h1,h2{line-height:1.35}form{margin:0}label{display:block;font-weight:700}
input,textarea{box-sizing:border-box;inline-size:100%;font:inherit;padding:.4rem}
button{font:inherit;padding:.35rem 1rem;cursor:pointer}
.bar{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;justify-content:space-between}
.bar form{display:flex;gap:.5rem;align-items:end}
nav ul,.comments{list-style:none;padding:0;margin:0}
nav ul{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}
[aria-current]{font-weight:700}
.search{display:grid;grid-template-columns:1fr auto;gap:.5rem;align-items:end;margin-block:1rem}
.comments>li{border-block-start:1px solid var(--khabar-mod-line);padding-block:1rem}
.meta{color:var(--khabar-mod-muted);margin:0}
.text{white-space:pre-wrap;overflow-wrap:anywhere;margin-block:.5rem}
dl.private{display:grid;grid-template-columns:auto 1fr;gap:0 1rem;margin:0;color:var(--khabar-mod-muted);font-size:.9em}
dl.private dt{font-weight:700}dl.private dd{margin:0;overflow-wrap:anywhere}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-block:.75rem}
details form{display:grid;gap:.5rem;margin-block:.5rem}
.flash{border-inline-start:.25rem solid var(--khabar-mod-done);padding-inline-start:.75rem}
.flash.error,.error{border-inline-start:.25rem solid var(--khabar-mod-error);padding-inline-start:.75rem}
code{direction:ltr;unicode-bidi:isolate}
}`;

const e = escapeHtml;
const t = (strings: Strings, key: StringKey, values?: Record<string, string | number>) =>
  e(values ? format(strings[key], values) : strings[key]);

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${e(name)}" value="${e(value)}">`;
}

/** A complete document: the site's language and direction, no script, not to be indexed. */
export function document(base: Base, title: string, main: string): string {
  return `<!doctype html>
<html lang="${e(base.language.lang)}" dir="${base.language.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="same-origin">
<title>${e(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<main>
${main}
</main>
</body>
</html>
`;
}

function flashBlock(flash: Flash | undefined): string {
  if (!flash) return '';
  const role = flash.kind === 'error' ? 'alert' : 'status';
  return `<p class="flash ${flash.kind}" role="${role}">${e(flash.text)}</p>`;
}

/** No password is set: how to set one. Nobody gets in. */
export function setupPage(base: Base, env: string): string {
  const { strings } = base;
  return document(
    base,
    strings['moderate.setup.title'],
    `<h1>${t(strings, 'moderate.setup.title')}</h1>
<p>${t(strings, 'moderate.setup.body')}</p>
<pre dir="ltr"><code>npx khabar-comments passwd</code></pre>
<p>${format(e(strings['moderate.setup.env']), { command: '<code>khabar-comments passwd --print</code>', env: `<code>${e(env)}</code>` })}</p>`,
  );
}

export function loginPage(
  base: Base,
  options: { action: string; csrf: string; message?: Flash | undefined; name?: string },
): string {
  const { strings } = base;
  return document(
    base,
    strings['moderate.login.title'],
    `<h1>${t(strings, 'moderate.login.title')}</h1>
${flashBlock(options.message)}
<form method="post" action="${e(options.action)}" class="login">
${hidden('csrf', options.csrf)}
<p><label for="moderator-name">${t(strings, 'moderate.login.name')}</label>
<input id="moderator-name" name="name" autocomplete="username" dir="auto" maxlength="100" value="${e(options.name ?? '')}"></p>
<p><label for="moderator-password">${t(strings, 'moderate.login.password')}</label>
<input id="moderator-password" name="password" type="password" autocomplete="current-password" required maxlength="1024"></p>
<p><button type="submit">${t(strings, 'moderate.login.submit')}</button></p>
</form>`,
  );
}

/** A refusal or a problem, with a way back to the page. */
export function messagePage(base: Base, message: string, back: string): string {
  const { strings } = base;
  return document(
    base,
    strings['moderate.error.title'],
    `<h1>${t(strings, 'moderate.error.title')}</h1>
<p class="error" role="alert">${e(message)}</p>
<p><a href="${e(back)}">${t(strings, 'moderate.title')}</a></p>`,
  );
}

/** The buttons a comment in `status` offers: every other status, and deleting. */
function actionsFor(status: CommentStatus): ('approve' | 'pending' | 'spam' | 'trash' | 'delete')[] {
  const moves = (['approve', 'pending', 'spam', 'trash'] as const).filter(
    (action) => (action === 'approve' ? 'approved' : action) !== status,
  );
  return [...moves, 'delete'];
}

function storyBlock(strings: Strings, story: CommentView['story']): string {
  const label = story.title || (story.href ? decodeURIComponentSafe(new URL(story.href).pathname) : '');
  if (!story.href) return `<bdi>${t(strings, 'moderate.unknownStory', { id: story.id })}</bdi>`;
  return `<a href="${e(story.href)}"><bdi>${e(label)}</bdi></a>`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function privateBlock(strings: Strings, c: CommentView): string {
  const none = t(strings, 'moderate.none');
  const website = c.website
    ? `<a href="${e(c.website)}" rel="nofollow noopener noreferrer ugc" dir="ltr">${e(c.website)}</a>`
    : none;
  return `<dl class="private" aria-label="${t(strings, 'moderate.private')}">
<dt>${t(strings, 'moderate.field.email')}</dt><dd>${c.email ? `<bdi dir="ltr">${e(c.email)}</bdi>` : none}</dd>
<dt>${t(strings, 'moderate.field.address')}</dt><dd>${c.address ? `<bdi dir="ltr">${e(c.address)}</bdi>` : none}</dd>
<dt>${t(strings, 'moderate.field.website')}</dt><dd>${website}</dd>
</dl>`;
}

function commentBlock(view: ListView, c: CommentView): string {
  const { strings, paths, csrf, back } = view;
  const buttons = actionsFor(c.status)
    .map(
      (action) =>
        `<button type="submit" name="action" value="${action}">${t(strings, `moderate.action.${action}`)}</button>`,
    )
    .join('\n');
  const canReply = c.status === 'pending' || c.status === 'approved';
  const reply = canReply
    ? `<details>
<summary>${t(strings, 'moderate.reply.open')}</summary>
<form method="post" action="${e(paths.reply)}">
${hidden('csrf', csrf)}${hidden('id', c.id)}${hidden('back', back)}
${c.status === 'pending' ? `<p class="meta">${t(strings, 'moderate.reply.approvesParent')}</p>` : ''}
<p><label for="reply-name-${e(c.id)}">${t(strings, 'moderate.reply.name')}</label>
<input id="reply-name-${e(c.id)}" name="author" dir="auto" required value="${t(strings, 'moderate.editorName')}"></p>
<p><label for="reply-text-${e(c.id)}">${t(strings, 'moderate.reply.text')}</label>
<textarea id="reply-text-${e(c.id)}" name="comment" dir="auto" rows="4" required></textarea></p>
<p><button type="submit">${t(strings, 'moderate.reply.submit')}</button></p>
</form>
</details>`
    : '';
  const replyTo = c.parentId
    ? ` · ${t(strings, 'moderate.field.replyTo')} <bdi dir="ltr">${e(c.parentId)}</bdi>`
    : '';
  return `<li id="comment-${e(c.id)}" data-comment="${e(c.id)}">
<article>
<h2><bdi>${e(c.author || strings['moderate.none'])}</bdi></h2>
<p class="meta">${t(strings, 'moderate.field.story')}: ${storyBlock(strings, c.story)} · ${t(strings, 'moderate.field.time')}: <time datetime="${e(c.createdAt)}">${e(c.time)}</time>${replyTo}</p>
<div class="text" dir="auto">${e(c.body)}</div>
${privateBlock(strings, c)}
<form method="post" action="${e(paths.action)}" class="actions" aria-label="${t(strings, 'moderate.actions', { name: c.author })}">
${hidden('csrf', csrf)}${hidden('id', c.id)}${hidden('back', back)}
${buttons}
</form>
${reply}
</article>
</li>`;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function listPage(view: ListView): string {
  const { strings, paths, status, numbers } = view;
  const nav = STATUSES.map((s) => {
    const label = strings[`moderate.status.${s}`];
    const text =
      s === 'pending' ? format(strings['moderate.statusCount'], { label, count: view.pendingCount }) : label;
    const current = s === status ? ' aria-current="page"' : '';
    return `<li><a href="${e(paths.page + query({ status: s }))}"${current}>${e(text)}</a></li>`;
  }).join('\n');
  const results = view.query
    ? `<p role="status">${t(strings, 'moderate.search.results', { query: view.query, count: view.total })} · <a href="${e(paths.page + query({ status }))}">${t(strings, 'moderate.search.clear')}</a></p>`
    : '';
  const list = view.comments.length
    ? `<ol class="comments">\n${view.comments.map((c) => commentBlock(view, c)).join('\n')}\n</ol>`
    : `<p>${t(strings, 'moderate.empty')}</p>`;
  const pager =
    view.pages > 1
      ? `<nav aria-label="${t(strings, 'moderate.page.label')}"><ul>
${view.page > 1 ? `<li><a rel="prev" href="${e(paths.page + query({ status, q: view.query, page: view.page - 1 }))}">${t(strings, 'moderate.page.previous')}</a></li>` : ''}
<li>${t(strings, 'moderate.page.of', { page: numbers.format(view.page), pages: numbers.format(view.pages) })}</li>
${view.page < view.pages ? `<li><a rel="next" href="${e(paths.page + query({ status, q: view.query, page: view.page + 1 }))}">${t(strings, 'moderate.page.next')}</a></li>` : ''}
</ul></nav>`
      : '';
  return document(
    view,
    `${strings[`moderate.status.${status}`]} · ${strings['moderate.title']}`,
    `<div class="bar">
<h1>${t(strings, 'moderate.title')}</h1>
<form method="post" action="${e(paths.logout)}">
${hidden('csrf', view.csrf)}
<span>${format(e(strings['moderate.signedIn']), { name: `<bdi>${e(view.who || strings['moderate.none'])}</bdi>` })}</span>
<button type="submit">${t(strings, 'moderate.logout')}</button>
</form>
</div>
<nav aria-label="${t(strings, 'moderate.statuses')}"><ul>
${nav}
</ul></nav>
<form method="get" action="${e(paths.page)}" class="search" role="search">
${hidden('status', status)}
<p><label for="moderate-q">${t(strings, 'moderate.search.label')}</label>
<input id="moderate-q" name="q" type="search" dir="auto" value="${e(view.query)}"></p>
<p><button type="submit">${t(strings, 'moderate.search.submit')}</button></p>
</form>
${flashBlock(view.flash)}
${results}
${list}
${pager}`,
  );
}

/** Deleting is for good: a second, explicit step. */
export function confirmDeletePage(
  base: Base,
  options: { action: string; csrf: string; back: string; backHref: string; comment: CommentView },
): string {
  const { strings } = base;
  const c = options.comment;
  return document(
    base,
    strings['moderate.delete.title'],
    `<h1>${t(strings, 'moderate.delete.title')}</h1>
<p>${t(strings, 'moderate.delete.body')}</p>
<blockquote><p><bdi>${e(c.author)}</bdi> · <time datetime="${e(c.createdAt)}">${e(c.time)}</time></p>
<div class="text" dir="auto">${e(c.body)}</div></blockquote>
<form method="post" action="${e(options.action)}" class="actions">
${hidden('csrf', options.csrf)}${hidden('id', c.id)}${hidden('back', options.back)}${hidden('confirm', '1')}
<button type="submit" name="action" value="delete">${t(strings, 'moderate.delete.confirm')}</button>
<a href="${e(options.backHref)}">${t(strings, 'moderate.delete.cancel')}</a>
</form>`,
  );
}
