import { describe, expect, it } from 'vitest';
import { formatList, listParts } from './list.ts';

// Expected strings are what Node 22 (ICU 78) prints for Intl.ListFormat(locale, { type: 'conjunction' }).
const three = ['مها', 'سامر', 'ليلى'];

describe('listParts', () => {
  it('gives each name as an element with its index, and the separators as literals (Arabic)', () => {
    expect(listParts(three, 'ar')).toEqual([
      { type: 'element', index: 0, value: 'مها' },
      { type: 'literal', value: ' و' },
      { type: 'element', index: 1, value: 'سامر' },
      { type: 'literal', value: ' و' },
      { type: 'element', index: 2, value: 'ليلى' },
    ]);
  });

  it('uses the locale’s own separators: Persian and Urdu put commas before the last "and"', () => {
    const literals = (locale: string) =>
      listParts(three, locale)
        .filter((part) => part.type === 'literal')
        .map((part) => part.value);
    expect(literals('fa')).toEqual(['،\u200F ', '، و ']);
    expect(literals('ur')).toEqual(['، ', '، اور ']);
    expect(literals('ar-EG')).toEqual([' و', ' و']);
  });

  it('has one element for one name and nothing for none', () => {
    expect(listParts(['مها'], 'ar')).toEqual([{ type: 'element', index: 0, value: 'مها' }]);
    expect(listParts([], 'ar')).toEqual([]);
  });

  it('keeps a name that looks like a separator as one element', () => {
    const parts = listParts(['و', 'قسم الأخبار'], 'ar');
    expect(parts.filter((part) => part.type === 'element').map((part) => part.value)).toEqual([
      'و',
      'قسم الأخبار',
    ]);
  });
});

describe('formatList', () => {
  it('is the text of the parts', () => {
    expect(formatList(three, 'ar')).toBe('مها وسامر وليلى');
    expect(formatList(['مها', 'سامر'], 'fa')).toBe('مها و سامر');
    expect(formatList(three, 'ur')).toBe('مها، سامر، اور ليلى');
    for (const locale of ['ar', 'fa', 'ur'])
      expect(formatList(three, locale)).toBe(
        listParts(three, locale)
          .map((part) => part.value)
          .join(''),
      );
  });
});
