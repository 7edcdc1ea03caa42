/**
 * A light, safe Markdown subset for comment bodies, rendered by markdown-it: paragraphs, line breaks,
 * `> ` quotes, **strong**, *emphasis*, `code`, [links](https://…) and bare http(s) links. Everything else
 * is text: raw HTML is escaped (`html: false`), images, headings, lists and code blocks are not parsed,
 * entities are left as typed, and links are http(s) only (the same rule as a reader's website) with
 * `rel="nofollow ugc noopener"`.
 */
import markdownIt, { type MarkdownIt } from 'markdown-it';
import { escapeHtml } from './escape.ts';
import { safeLinkHref } from './url.ts';

export const LINK_REL = 'nofollow ugc noopener';

function createRenderer(): MarkdownIt {
  // `zero` turns every rule off; only the subset above is turned back on.
  const md = markdownIt('zero', { html: false, linkify: true, breaks: true, maxNesting: 20 });
  md.enable(['blockquote', 'newline', 'escape', 'backticks', 'emphasis', 'link', 'linkify']);
  // Bare links are http(s) URLs with a scheme, as typed; not `example.com`, e-mail addresses or `//host`.
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
  md.linkify.add('ftp:', null).add('//', null).add('mailto:', null);
  md.validateLink = (url) => safeLinkHref(url) !== undefined;

  const rules = md.renderer.rules;
  // Compact output, and `dir="auto"` so each paragraph takes the direction of its own first letters.
  rules.paragraph_open = () => '<p dir="auto">';
  rules.paragraph_close = () => '</p>';
  rules.blockquote_open = () => '<blockquote>';
  rules.blockquote_close = () => '</blockquote>';
  rules.hardbreak = () => '<br>';
  rules.softbreak = () => '<br>';
  rules.link_open = (tokens, idx) => {
    const href = safeLinkHref(String(tokens[idx]?.attrGet('href') ?? '')) ?? '';
    return `<a href="${escapeHtml(href)}" rel="${LINK_REL}">`;
  };
  return md;
}

const renderer = createRenderer();

/**
 * Renders a comment body to safe HTML. Blank lines separate paragraphs; lines starting with `>` are a
 * quote. The renderer runs in linear time on hostile input (fifty thousand `*` or `[`).
 */
export function renderMarkdown(body: string): string {
  return renderer.render(body);
}

/** Renders one paragraph's inline Markdown (no blocks) to safe HTML. */
export function renderInline(text: string): string {
  return renderer.renderInline(text);
}

/** Plain text of a body, for excerpts and the terminal: Markdown marks left as typed. */
export function excerpt(body: string, max = 80): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  // Code points, as the length limits count them (see `charLength`).
  const chars = Array.from(flat);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat;
}
