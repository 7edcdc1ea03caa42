/**
 * The receiver's own pages, for readers with JavaScript off: an error page that keeps what they typed
 * (with a fresh token, so sending again works), and the reply form. The form is the one the articles
 * carry (`lib/form.ts`); every value is escaped, and the responder sends the pages with a CSP that
 * forbids scripts.
 */
import { format, type PageLanguage, type Strings } from '../config/strings.ts';
import { escapeHtml } from '../lib/escape.ts';
import { renderCommentForm, type CommentFormOptions } from '../lib/form.ts';

export interface PageOptions {
  strings: Strings;
  /** The page's `lang` and `dir`, from the site's locale. */
  language: PageLanguage;
  title: string;
  message?: string;
  /** Shown as an alert (an error) rather than as a heading note. */
  isError: boolean;
  backUrl?: string | undefined;
  /** The form to show, without the strings (the page's own are used). */
  form?: Omit<CommentFormOptions, 'strings' | 'enhance'> | undefined;
}

const STYLE = `body{font-family:system-ui,'Noto Naskh Arabic',sans-serif;line-height:1.7;max-inline-size:40rem;margin-inline:auto;padding:1rem}
form{display:grid;gap:.75rem}form p{margin:0}label{display:block;font-weight:700}
input,textarea{box-sizing:border-box;inline-size:100%;font:inherit;padding:.4rem}
.khabar-form__notes,.khabar-form__hint,.note{color:#595959}
.khabar-form__hp{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.khabar-form__status:empty{display:none}button{font:inherit;padding:.5rem 1.25rem}
.error{border-inline-start:.25rem solid #b3000c;padding-inline-start:.75rem;color:#7a0008}`;

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
    parts.push(renderCommentForm({ ...form, strings }));
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
${STYLE}
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
