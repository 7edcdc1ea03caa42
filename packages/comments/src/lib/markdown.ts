/**
 * A light, safe Markdown subset for comment bodies: paragraphs, line breaks, `> ` quotes, **strong**,
 * *emphasis*, `code`, [links](https://…) and bare http(s) links. Everything else is text: raw HTML is
 * escaped, images are not rendered, links are http(s) only and carry `rel="nofollow ugc noopener"`.
 *
 * Every step is a single forward pass (delimiters are matched with per-kind stacks, scans stop at the next
 * bracket), so hostile input such as fifty thousand `*` or `[` renders in linear time.
 */
import { safeLinkHref } from './url.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export const LINK_REL = 'nofollow ugc noopener';

function link(href: string, text: string): string {
  return `<a href="${escapeHtml(href)}" rel="${LINK_REL}">${escapeHtml(text)}</a>`;
}

interface Delimiter {
  /** Index of the placeholder in `out`. */
  at: number;
  key: string;
}

const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '"', ')', ']', '،', '؛', '؟', '»']);
const WORD = /[\p{L}\p{N}]/u;

/** Renders inline Markdown in one line-joined paragraph to safe HTML. */
export function renderInline(text: string): string {
  const out: string[] = [];
  const stacks = new Map<string, Delimiter[]>();
  let plain = '';
  const flush = () => {
    if (plain) out.push(escapeHtml(plain));
    plain = '';
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i] ?? '';
    if (c === '\n') {
      flush();
      out.push('<br>');
      i++;
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push(`<code>${escapeHtml(text.slice(i + 1, end))}</code>`);
        i = end + 1;
        continue;
      }
      plain += c;
      i++;
      continue;
    }
    if (c === '!' && text[i + 1] === '[') {
      // Images are not rendered: the `!` stays as text, the bracket is read as text or a link.
      plain += c;
      i++;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      while (j < n && j - i <= 300 && text[j] !== ']' && text[j] !== '[' && text[j] !== '\n') j++;
      if (text[j] === ']' && text[j + 1] === '(' && j > i + 1) {
        let k = j + 2;
        while (k < n && k - j <= 2048 && !/[\s()[\]<>]/.test(text[k] ?? '')) k++;
        const href = text[k] === ')' ? safeLinkHref(text.slice(j + 2, k)) : undefined;
        if (href && text[i - 1] !== '!') {
          flush();
          out.push(link(href, text.slice(i + 1, j)));
          i = k + 1;
          continue;
        }
      }
      plain += c;
      i++;
      continue;
    }
    if (
      (c === 'h' || c === 'H') &&
      /^https?:\/\//i.test(text.slice(i, i + 8)) &&
      !WORD.test(text[i - 1] ?? '')
    ) {
      let j = i;
      while (j < n && !/[\s<>"'`]/.test(text[j] ?? '')) j++;
      let end = j;
      while (end > i && TRAILING_PUNCTUATION.has(text[end - 1] ?? '')) end--;
      const candidate = text.slice(i, end);
      const href = safeLinkHref(candidate);
      if (href) {
        flush();
        out.push(link(href, candidate));
        i += candidate.length;
        continue;
      }
      plain += text.slice(i, j);
      i = j;
      continue;
    }
    if (c === '*' || c === '_') {
      let j = i;
      while (j < n && text[j] === c) j++;
      const run = j - i;
      const before = text[i - 1] ?? ' ';
      const after = text[j] ?? ' ';
      let canOpen = !/\s/.test(after);
      let canClose = !/\s/.test(before);
      if (c === '_' && WORD.test(before) && WORD.test(after)) canOpen = canClose = false;
      if (run > 2 || (!canOpen && !canClose)) {
        plain += text.slice(i, j);
        i = j;
        continue;
      }
      flush();
      const key = `${c}${run}`;
      const stack = stacks.get(key) ?? [];
      stacks.set(key, stack);
      const opener = canClose ? stack.at(-1) : undefined;
      if (opener) {
        stack.pop();
        // Openers of other kinds inside this span can no longer close: they stay literal text.
        for (const other of stacks.values()) {
          while ((other.at(-1)?.at ?? -1) > opener.at) other.pop();
        }
        const tag = run === 2 ? 'strong' : 'em';
        out[opener.at] = `<${tag}>`;
        out.push(`</${tag}>`);
      } else if (canOpen) {
        stack.push({ at: out.length, key });
        out.push(escapeHtml(text.slice(i, j)));
      } else {
        out.push(escapeHtml(text.slice(i, j)));
      }
      i = j;
      continue;
    }
    plain += c;
    i++;
  }
  flush();
  return out.join('');
}

/**
 * Renders a comment body to safe HTML. Blank lines separate paragraphs; a paragraph whose lines all start
 * with `>` is a quote.
 */
export function renderMarkdown(body: string): string {
  const blocks = body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '');
  return blocks
    .map((block) => {
      const lines = block.split('\n');
      if (lines.every((line) => line.startsWith('>'))) {
        const inner = lines.map((line) => line.replace(/^> ?/, '')).join('\n');
        return `<blockquote><p dir="auto">${renderInline(inner)}</p></blockquote>`;
      }
      return `<p dir="auto">${renderInline(block)}</p>`;
    })
    .join('');
}

/** Plain text of a body, for excerpts and the terminal: Markdown marks left as typed. */
export function excerpt(body: string, max = 80): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  // Code points, as the length limits count them (see `charLength`).
  const chars = Array.from(flat);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat;
}
