/**
 * Arabic URL slugs: readable Arabic words joined by "-", one canonical spelling per title.
 */
import { toDigits } from './digits.ts';

/** Options for {@link arabicSlug}. */
export interface SlugOptions {
  /** Longest slug, in characters (code points), before percent-encoding. Default 80. */
  maxLength?: number | undefined;
}

/** The default {@link SlugOptions.maxLength}. */
export const DEFAULT_SLUG_LENGTH = 80;

/**
 * Removed without a trace: Arabic diacritics (tashkeel/harakat U+064B–065F, superscript alef U+0670,
 * Quranic annotation marks U+0610–061A and U+06D6–06ED, extended marks U+08D3–08FF), tatweel U+0640,
 * and every invisible format control (bidi marks and embeddings U+200E/200F, U+202A–202E, U+2066–2069,
 * U+061C, zero-width space and joiner U+200B/200D, word joiner, soft hyphen, BOM U+FEFF…) except ZWNJ.
 */
const DROPPED =
  /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u08D3-\u08FF\u0640]|(?!\u200C)\p{Cf}|(?=\p{Script_Extensions=Arabic})\p{M}/gu;

/** Everything that is not a letter, a combining mark (of another script) or a digit separates words. */
const SEPARATORS = /[^\p{L}\p{M}\p{Nd}]+/gu;

/**
 * Turns a headline into a URL slug that keeps the Arabic words:
 * - Unicode NFC, so "أ" typed as alef + hamza and as one character give the same slug;
 * - diacritics, tatweel and invisible controls dropped (U+202E RIGHT-TO-LEFT OVERRIDE inside a word
 *   vanishes instead of splitting it); ZWNJ (U+200C) separates words;
 * - letters of every script kept (Arabic including Persian/Urdu پ چ ژ گ ک ی; Latin lowercased);
 * - Arabic-Indic and Persian digits turned into 0–9;
 * - every other run (spaces, punctuation, "..", "،") becomes one "-", with none at either end;
 * - at most `maxLength` (80) characters, cut at a "-" so no word is split unless a single word is longer.
 *
 * Returns `""` when nothing is left (a title of only punctuation): the caller must pick a fallback.
 *
 * @example
 * arabicSlug('روسيا تطالب الغرب بإحترام السيادة السورية .. وتعاون أمريكي');
 * // "روسيا-تطالب-الغرب-بإحترام-السيادة-السورية-وتعاون-أمريكي"
 * arabicSlug('مُحَمَّدٌ'); // "محمد"
 * arabicSlug('G20 قمة ٢٠١٦'); // "g20-قمة-2016"
 */
export function arabicSlug(text: string, opts: SlugOptions = {}): string {
  const maxLength = opts.maxLength ?? DEFAULT_SLUG_LENGTH;
  if (!Number.isSafeInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`maxLength must be a positive whole number, got ${maxLength}`);
  }
  const slug = toDigits(text.normalize('NFC').replace(DROPPED, ''), 'latn')
    .toLowerCase()
    .replace(SEPARATORS, '-')
    .replace(/^-+|-+$/g, '');
  return truncate(slug, maxLength);
}

function truncate(slug: string, maxLength: number): string {
  const chars = Array.from(slug);
  if (chars.length <= maxLength) return slug;
  const head = chars.slice(0, maxLength + 1); // one more, to see whether the cut falls on a "-"
  const lastDash = head.lastIndexOf('-');
  const cut = lastDash > 0 ? lastDash : maxLength;
  return chars.slice(0, cut).join('').replace(/-+$/, '');
}

/**
 * The one canonical percent-encoded form of a slug for a URL path segment: NFC, then
 * `encodeURIComponent` (UTF-8, uppercase hex). Use it wherever a link or a file name is built, so
 * links, sitemaps and canonical URLs agree byte for byte.
 *
 * @example
 * encodePathSegment('قمة-g20'); // "%D9%82%D9%85%D8%A9-g20"
 */
export function encodePathSegment(slug: string): string {
  return encodeURIComponent(slug.normalize('NFC'));
}

/**
 * The inverse of {@link encodePathSegment}: decodes a percent-encoded path segment (either hex case)
 * and normalises it to NFC.
 *
 * @throws {URIError} naming the segment when it is not valid percent-encoded UTF-8.
 *
 * @example
 * decodePathSegment('%D9%82%D9%85%D8%A9-g20'); // "قمة-g20"
 * decodePathSegment('%d9%82%d9%85%d8%a9'); // "قمة"
 */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment).normalize('NFC');
  } catch {
    throw new URIError(`${JSON.stringify(segment)} is not a valid percent-encoded UTF-8 path segment`);
  }
}
