/**
 * Reading HTML with a real parser (htmlparser2, which decodes character references with `entities`):
 * the text of a fragment, and where its lead paragraph ends. Pure; no regex looks at a tag.
 */
import { Parser } from 'htmlparser2';

/** Elements whose content is not text a reader reads. */
const NOT_TEXT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math']);

/** Phrasing elements: a word may run across their edges (`<b>ال</b>كلمة`), so they add no space. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);

/** Options for {@link htmlText}. */
export interface HtmlTextOptions {
  /** Keep the text's own line breaks and spacing (for Markdown, whose lines mean something). */
  keepLines?: boolean | undefined;
}

/**
 * The text of an HTML fragment as a reader reads it: character references decoded, scripts, styles and
 * comments left out, a space where one block ends and the next begins, runs of white space collapsed
 * (unless `keepLines`).
 * @example htmlText('<p>أ &amp; ب</p><p>ج<script>x()</script></p>') // 'أ & ب ج'
 */
export function htmlText(html: string, { keepLines = false }: HtmlTextOptions = {}): string {
  let text = '';
  let hidden = 0;
  const edge = (name: string) => {
    if (NOT_TEXT.has(name)) return true;
    if (!INLINE.has(name)) text += ' ';
    return false;
  };
  const parser = new Parser({
    onopentag(name) {
      if (edge(name)) hidden++;
    },
    onclosetag(name) {
      if (edge(name)) hidden = Math.max(0, hidden - 1);
    },
    ontext(chunk) {
      if (hidden === 0) text += chunk;
    },
  });
  parser.end(html);
  return keepLines ? text : text.replace(/\s+/g, ' ').trim();
}

/**
 * The offset in `html` just after its first top-level paragraph (where an insertion point after the lead
 * goes), or `html.length` when there is none. A paragraph inside a quote or a list is not the lead.
 * @example leadEnd('<p>أ</p><p>ب</p>') // 8
 */
export function leadEnd(html: string): number {
  let depth = 0;
  let end = html.length;
  const parser = new Parser({
    onopentag() {
      depth++;
    },
    onclosetag(name, isImplied) {
      depth--;
      if (depth !== 0 || name !== 'p' || end !== html.length) return;
      // An implied end (`<p>a<p>b`) falls where the tag that implies it starts.
      end = isImplied ? parser.startIndex : parser.endIndex + 1;
      parser.pause();
    },
  });
  parser.end(html);
  return end;
}
