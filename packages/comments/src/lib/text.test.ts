import { describe, expect, it } from 'vitest';
import {
  byteLength,
  hasLetterOrDigit,
  hasMarkup,
  charLength,
  checkCommentText,
  checkLength,
  checkLineText,
  hasVisibleContent,
  normalizeText,
} from './text.ts';

describe('checkCommentText', () => {
  it('keeps ZWJ, ZWNJ and bidi marks in Arabic and Persian prose', () => {
    expect(checkCommentText('می‌خواهم — نص عربي\u200D مع\u200F علامات')).toBeUndefined();
  });
  it.each([
    ['U+202E', 'a\u202Eb', 'bidi'],
    ['U+202D', 'a\u202Db', 'bidi'],
    ['U+2067 isolate', 'a\u2067b', 'bidi'],
    ['NUL', 'a\u0000b', 'control'],
    ['ESC', 'a\u001B[31m', 'control'],
    ['C1', 'a\u0085b', 'control'],
    ['lone high surrogate', 'a\uD800b', 'encoding'],
    ['lone low surrogate', 'a\uDC00b', 'encoding'],
    ['noncharacter', 'a\uFFFEb', 'encoding'],
    ['zero-width only', '\u200B\u200C\u200D\uFEFF', 'empty'],
    ['spaces only', ' \n\t\u00A0 ', 'empty'],
    ['diacritics only', '\u064E\u064F', 'empty'],
  ])('refuses %s', (_, text, problem) => {
    expect(checkCommentText(text)).toBe(problem);
  });
  it('allows tabs and newlines', () => {
    expect(checkCommentText('سطر\n\tسطر')).toBeUndefined();
  });
});

describe('checkLineText', () => {
  it.each([
    ['CRLF injection', 'name\r\nSet-Cookie: x', 'control'],
    ['LF', 'a\nb', 'control'],
    ['U+2028', 'a\u2028b', 'control'],
    ['RLO', 'moc.\u202Eevil', 'bidi'],
    ['RLM', 'سارة\u200F', 'bidi'],
    ['ALM', 'a\u061Cb', 'bidi'],
    ['ZWSP', 'adm\u200Bin', 'invisible'],
    ['ZWJ', 'a\u200Db', 'invisible'],
    ['BOM', '\uFEFFname', 'invisible'],
    ['soft hyphen', 'ad\u00ADmin', 'invisible'],
    ['Hangul filler', '\u3164', 'invisible'],
  ])('refuses %s', (_, text, problem) => {
    expect(checkLineText(text)).toBe(problem);
  });
  it('accepts an Arabic name', () => {
    expect(checkLineText('سارة الأحمد')).toBeUndefined();
  });
});

describe('lengths', () => {
  it('counts code points and UTF-8 bytes', () => {
    expect(charLength('سارة')).toBe(4);
    expect(byteLength('سارة')).toBe(8);
    expect(charLength('😀')).toBe(1);
    expect(checkLength('سارة', { chars: 4, bytes: 7 })).toBe('bytes');
    expect(checkLength('سارة', { chars: 3, bytes: 100 })).toBe('chars');
    expect(checkLength('سارة', { chars: 4, bytes: 8 })).toBeUndefined();
  });
});

describe('normalizeText', () => {
  it('normalizes to NFC and line breaks to LF', () => {
    expect(normalizeText('e\u0301\r\nx\ry')).toBe('\u00E9\nx\ny');
    // Arabic: alef + hamza above composes to U+0623.
    expect(normalizeText('\u0627\u0654')).toBe('\u0623');
  });
  it('sees content', () => {
    expect(hasVisibleContent('\u200Bا')).toBe(true);
  });
});

describe('hasLetterOrDigit: what shows as nothing is not a name or a comment', () => {
  it.each([
    ['braille blank', '\u2800\u2800'],
    ['combining marks only', '\u064B\u064E\u0301'],
    ['tatweel only', '\u0640\u0640\u0640'],
    ['tag characters', '\u{E0041}\u{E0042}\u{E007F}'],
    ['variation selectors', '\uFE0F\uFE00\u{E0100}'],
    ['Hangul filler', '\u3164'],
    ['tatweel around a zero-width joiner', '\u0640\u200D\u0640'],
    ['punctuation', '…!؟'],
  ])('%s: refused', (_name, value) => {
    expect(hasLetterOrDigit(value)).toBe(false);
  });
  it.each(['سارة', 'ـسـ', 'Ali', '٣', '7', 'ع\u064E'])('%s: a visible letter or digit', (value) => {
    expect(hasLetterOrDigit(value)).toBe(true);
  });
});

describe('hasMarkup', () => {
  it.each(['<b>Ali</b>', '</a>', '<img src=x onerror=alert(1)', '<!-- x -->', 'x <svg'])('%s', (value) => {
    expect(hasMarkup(value)).toBe(true);
  });
  it.each(['Ali <3', 'a < b', '«سارة»', '<علي>', 'A & B'])('%s is not markup', (value) => {
    expect(hasMarkup(value)).toBe(false);
  });
});
