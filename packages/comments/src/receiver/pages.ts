/**
 * The receiver's own pages, for readers with JavaScript off: an error page that keeps what they typed
 * (with a fresh token, so sending again works), and the reply form. Every value is escaped; the pages
 * carry a CSP that forbids scripts.
 */
import { escapeHtml } from '../lib/escape.ts';
import { format, type PageLanguage, type Strings } from '../config/strings.ts';

export interface FormState {
  action: string;
  postId: string;
  parentId?: string | null;
  token?: string | undefined;
  author?: string;
  email?: string;
  url?: string;
  comment?: string;
}

export interface PageOptions {
  strings: Strings;
  /** The page's `lang` and `dir`, from the site's locale. */
  language: PageLanguage;
  title: string;
  message?: string;
  /** Shown as an alert (an error) rather than as a heading note. */
  isError: boolean;
  backUrl?: string | undefined;
  form?: FormState | undefined;
  requireNameEmail: boolean;
}

export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function field(
  strings: Strings,
  name: 'author' | 'email' | 'url',
  type: string,
  value: string | undefined,
  required: boolean,
  autocomplete: string,
): string {
  const label = strings[`form.${name}`];
  return `<p><label for="${name}">${escapeHtml(label)}${required ? ' <span aria-hidden="true">*</span>' : ''}</label>
<input id="${name}" name="${name}" type="${type}" dir="${name === 'author' ? 'auto' : 'ltr'}" value="${escapeHtml(value ?? '')}" autocomplete="${autocomplete}"${required ? ' required' : ''}></p>`;
}

/** Renders a complete HTML document in the site's language and direction. */
export function renderPage(options: PageOptions): string {
  const { strings, form } = options;
  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(options.title)}</h1>`);
  if (options.message) {
    parts.push(
      `<p class="${options.isError ? 'error' : 'note'}" role="${options.isError ? 'alert' : 'status'}">${escapeHtml(options.message)}</p>`,
    );
  }
  if (form) {
    if (options.isError) parts.push(`<p>${escapeHtml(strings['error.resubmit'])}</p>`);
    parts.push(`<form method="post" action="${escapeHtml(form.action)}">
<p class="note">${escapeHtml(strings['form.notes'])} ${escapeHtml(strings['form.required'])}</p>
<p><label for="comment">${escapeHtml(strings['form.comment'])} <span aria-hidden="true">*</span></label>
<textarea id="comment" name="comment" dir="auto" rows="8" required>${escapeHtml(form.comment ?? '')}</textarea></p>
${field(strings, 'author', 'text', form.author, options.requireNameEmail, 'name')}
${field(strings, 'email', 'email', form.email, options.requireNameEmail, 'email')}
${field(strings, 'url', 'url', form.url, false, 'url')}
<input type="hidden" name="comment_post_ID" value="${escapeHtml(form.postId)}">
<input type="hidden" name="comment_parent" value="${escapeHtml(form.parentId ?? '0')}">
<input type="hidden" name="khabar_token" value="${escapeHtml(form.token ?? '')}">
<p><button type="submit">${escapeHtml(strings['form.submit'])}</button></p>
</form>`);
  }
  if (options.backUrl)
    parts.push(`<p><a href="${escapeHtml(options.backUrl)}">${escapeHtml(strings['error.back'])}</a></p>`);
  return `<!doctype html>
<html lang="${escapeHtml(options.language.lang)}" dir="${options.language.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(options.title)}</title>
<style>
body{font-family:system-ui,'Noto Naskh Arabic',sans-serif;line-height:1.7;max-inline-size:40rem;margin-inline:auto;padding:1rem}
label{display:block;font-weight:700}input,textarea{box-sizing:border-box;inline-size:100%;font:inherit;padding:.4rem}
.error{border-inline-start:.25rem solid #b3000c;padding-inline-start:.75rem;color:#7a0008}
.note{color:#595959}button{font:inherit;padding:.5rem 1.25rem}
</style>
</head>
<body>
<main>
${parts.join('\n')}
</main>
</body>
</html>
`;
}

/** The reply page's heading: "اترك رداً على <name>". */
export function replyTitle(strings: Strings, name: string): string {
  return format(strings['form.titleReply'], { name });
}
