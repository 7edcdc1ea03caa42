/**
 * WordPress stores non-Latin slugs percent-encoded in lower case (`%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9`), and
 * browsers send them in upper case (`%D8%B3…`). Khabar writes slugs as text (`سياسة`), so both forms
 * of an old address must be recognised and redirected.
 */

/** Decodes the whole characters in a run of escapes (one to four bytes each), keeping the broken ones. */
function decodeRun(run: string): string {
  const escapes = run.match(/%[0-9a-f]{2}/gi) ?? [];
  let out = '';
  let index = 0;
  while (index < escapes.length) {
    let length = Math.min(4, escapes.length - index);
    for (; length > 0; length--) {
      try {
        out += decodeURIComponent(escapes.slice(index, index + length).join(''));
        break;
      } catch {
        // Not a whole character: try a shorter sequence.
      }
    }
    if (length === 0) {
      out += escapes[index] ?? '';
      length = 1;
    }
    index += length;
  }
  return out;
}

/** A slug as readers see it: WordPress's percent-encoding decoded, in Unicode NFC. Bad escapes stay as they are. */
export function decodeSlug(slug: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    // A lone "%" or a cut multibyte sequence: decode the escapes that form whole characters.
    decoded = slug.replace(/(?:%[0-9a-f]{2})+/gi, decodeRun);
  }
  return decoded.normalize('NFC');
}

/**
 * A slug the theme accepts: letters (any script) and digits joined by single dashes, lower case.
 * Tatweel and marks (harakat) are dropped, as the theme's slugs have none; anything else (spaces,
 * underscores, punctuation) becomes a dash.
 */
export function normalizeSlug(slug: string): string {
  return decodeSlug(slug)
    .toLowerCase()
    .replace(/\u0640|\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** A path percent-encoded the way browsers send it: upper-case escapes, slashes kept. */
export function encodeUpper(path: string): string {
  return path
    .split('/')
    .map((part) => encodeURIComponent(decodeSlug(part)))
    .join('/');
}

/** The same path with lower-case escapes, the way WordPress writes its own links. */
export function encodeLower(path: string): string {
  return encodeUpper(path).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
}

/** Every form of a path a request may arrive in: as WordPress wrote it, upper- and lower-case escapes. */
export function pathForms(path: string): string[] {
  return [...new Set([encodeLower(path), encodeUpper(path)])];
}
