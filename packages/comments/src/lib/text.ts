/**
 * Character-level checks on what readers type. Pure functions over strings; the receiver calls them in
 * the order the issue lists (strict UTF-8 and NFC, control characters, bidi and zero-width, lengths).
 */

/** Explicit bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): never in any field. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
/** Bidi marks (LRM, RLM, ALM): legitimate in Arabic prose, never in names or URLs. */
const BIDI_MARKS = /[\u200E\u200F\u061C]/u;
/** Zero-width and invisible format characters that can hide or spoof a name or a URL. */
// U+034F (combining grapheme joiner) leads the class: after another character it would combine with it.
const ZERO_WIDTH = /[\u034F\u200B-\u200D\u2060-\u2064\uFEFF\u180E\u115F\u1160\u3164\uFFA0\u00AD]/u;
/** C0 controls except TAB and LF, DEL, and C1 controls. */
// eslint-disable-next-line no-control-regex -- it must match control characters to refuse them
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
/** Any control character at all, including TAB, CR and LF: single-line fields. */
// eslint-disable-next-line no-control-regex -- it must match control characters to refuse them
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u;
/** Unicode noncharacters and unassigned-for-interchange code points. */
const NONCHARACTER = /[\uFDD0-\uFDEF\uFFFE\uFFFF]/u;

export type TextProblem = 'encoding' | 'control' | 'bidi' | 'invisible' | 'empty';

/** True when the string has no lone surrogates (what `String.prototype.isWellFormed` checks). */
export function isWellFormed(value: string): boolean {
  return value.isWellFormed();
}

/** Normalizes line breaks (CRLF, CR) to LF and the text to NFC. */
export function normalizeText(value: string): string {
  return value.replace(/\r\n?/g, '\n').normalize('NFC');
}

/**
 * Checks multi-line comment text: control characters (other than TAB and LF) and bidi embeddings or
 * overrides are refused; ZWJ, ZWNJ and bidi marks stay, because Arabic and Persian text needs them.
 * Call after `normalizeText`.
 */
export function checkCommentText(value: string): TextProblem | undefined {
  if (!isWellFormed(value) || NONCHARACTER.test(value)) return 'encoding';
  if (CONTROL_IN_TEXT.test(value)) return 'control';
  if (BIDI_CONTROLS.test(value)) return 'bidi';
  if (!hasVisibleContent(value)) return 'empty';
  return undefined;
}

/** Checks a single-line field (name, e-mail, URL): no controls, no bidi characters, no zero-width. */
export function checkLineText(value: string): TextProblem | undefined {
  if (!isWellFormed(value) || NONCHARACTER.test(value)) return 'encoding';
  if (CONTROL_IN_LINE.test(value)) return 'control';
  if (BIDI_CONTROLS.test(value) || BIDI_MARKS.test(value)) return 'bidi';
  if (ZERO_WIDTH.test(value)) return 'invisible';
  return undefined;
}

/**
 * What shows as nothing though Unicode may call it a letter: tatweel (U+0640, which only stretches a
 * joining letter), format characters (ZWJ, tag characters U+E0000…, bidi marks) and the Hangul fillers.
 */
const SHOWS_NOTHING = /[\u0640\p{Cf}\u115F\u1160\u3164\uFFA0]/gu;

/**
 * True when the text holds a letter or a digit a reader can see (`\p{L}`, `\p{N}`), once tatweel and
 * format characters are set aside: a braille blank, combining marks, variation selectors or tatweel
 * alone show as nothing and are not a name or a comment.
 */
export function hasLetterOrDigit(value: string): boolean {
  return /[\p{L}\p{N}]/u.test(value.replace(SHOWS_NOTHING, ''));
}

/** `<b>`, `</a>`, `<img …`, `<!--`: what a browser would start reading as markup. */
const MARKUP = /<[a-z/!?]/i;

/** True when the text holds the start of an HTML tag or comment (a name is never markup). */
export function hasMarkup(value: string): boolean {
  return MARKUP.test(value);
}

/** True when something other than whitespace and invisible format characters remains. */
export function hasVisibleContent(value: string): boolean {
  return /[^\s\p{Cf}\p{Zs}\p{Mn}\u115F\u1160\u3164\uFFA0\u2800]/u.test(value);
}

/** Length in Unicode code points (what a reader thinks of as characters, near enough). */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

const encoder = new TextEncoder();

/** Length in UTF-8 bytes (Arabic letters take two). */
export function byteLength(value: string): number {
  return encoder.encode(value).length;
}

export interface LengthLimit {
  chars: number;
  bytes: number;
}

/** 'chars' or 'bytes' when over the limit, undefined when within. */
export function checkLength(value: string, limit: LengthLimit): 'chars' | 'bytes' | undefined {
  if (charLength(value) > limit.chars) return 'chars';
  if (byteLength(value) > limit.bytes) return 'bytes';
  return undefined;
}

/** Collapses runs of spaces in a single-line field and trims it. */
export function tidyLine(value: string): string {
  return value.replace(/[ \t\u00A0]+/g, ' ').trim();
}

/** A fingerprint of text for duplicate detection: whitespace and case folded. */
export function foldForComparison(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}
