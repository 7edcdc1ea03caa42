/**
 * WordPress's paragraph rules for the classic editor (`wpautop`), written from its documented
 * behaviour: the raw text of a classic post has no `<p>`; a blank line ends a paragraph and a single
 * newline is a line break, except around block-level elements, and nothing inside `<pre>` changes.
 */

const BLOCKS =
  'table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|math|svg|iframe|video|audio|object|script|noscript';

const OPEN_BLOCK = new RegExp(`(<(?:${BLOCKS})[\\s/>])`, 'gi');
const CLOSE_BLOCK = new RegExp(`(</(?:${BLOCKS})>)`, 'gi');
const STARTS_BLOCK = new RegExp(`^</?(?:${BLOCKS})[\\s/>]`, 'i');
const ENDS_BLOCK = new RegExp(`</?(?:${BLOCKS})[^>]*>$`, 'i');

/** Paragraphs and line breaks for the raw text of a classic-editor post. */
export function autop(text: string, breaks = true): string {
  if (text.trim() === '') return '';
  // Keep <pre> (and <script>, <style>) exactly as written.
  const kept: string[] = [];
  let html = text.replace(/\r\n?/g, '\n').replace(/<(pre|script|style)[\s>][\s\S]*?<\/\1>/gi, (block) => {
    kept.push(block);
    return `<wp-kept-${kept.length - 1}></wp-kept-${kept.length - 1}>`;
  });
  html = html.replace(/<br\s*\/?>\s*<br\s*\/?>/gi, '\n\n');
  // Block-level elements stand on their own, so text beside them becomes its own paragraph.
  html = html.replace(OPEN_BLOCK, '\n\n$1').replace(CLOSE_BLOCK, '$1\n\n');
  html = html.replace(/<wp-kept-\d+><\/wp-kept-\d+>/g, '\n\n$&\n\n');
  const paragraphs = html
    .split(/\n[ \t]*\n/)
    .map((piece) => piece.replace(/^\n+|\n+$/g, ''))
    .filter((piece) => piece.trim() !== '');
  const out = paragraphs.map((piece) => {
    const trimmed = piece.trim();
    if (STARTS_BLOCK.test(trimmed) || /^<wp-kept-\d+>/.test(trimmed)) return trimmed;
    if (ENDS_BLOCK.test(trimmed) && STARTS_BLOCK.test(trimmed)) return trimmed;
    const body = breaks
      ? piece.replace(/(?<!<br\s*\/?>)[ \t]*\n(?!\s*<\/?(?:li|td|th|tr)[\s>])/g, '<br />\n')
      : piece;
    return `<p>${body}</p>`;
  });
  return out
    .join('\n')
    .replace(/<wp-kept-(\d+)><\/wp-kept-\1>/g, (_, index: string) => kept[Number(index)] ?? '');
}

const EMPTY_PARAGRAPH = /^(?:&nbsp;|&#160;|&#xa0;|\u00a0|<br\s*\/?>|\s)*$/i;

/** True for a paragraph that holds nothing a reader sees: spaces, `&nbsp;`, line breaks. */
export function isEmptyParagraph(inner: string): boolean {
  // A test, not a replace: it stops at the first letter and builds no copy of the paragraph (it was a
  // twentieth of converting a post). At each place at most one of the alternatives can start, so the
  // paragraph is all of them exactly when removing them all left nothing.
  return EMPTY_PARAGRAPH.test(inner);
}

/** Drops the paragraphs that hold only spaces or no-break spaces (the classic editor's empty lines). */
export function dropEmptyParagraphs(html: string): string {
  return html.replace(/<p(?:\s[^>]*)?>([\s\S]*?)<\/p>\s*/gi, (paragraph, inner: string) =>
    isEmptyParagraph(inner) ? '' : paragraph,
  );
}
