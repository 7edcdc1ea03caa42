import { describe, expect, it } from 'vitest';
import {
  excerptPieces,
  ftsQuery,
  MAX_QUERY_WORDS,
  queryForms,
  queryWords,
  resultsPage,
  searchDatabaseFile,
  searchDatabaseFiles,
  searchWorkersFrom,
} from './server.ts';

describe('queryWords', () => {
  it('reads words of any script and drops punctuation and FTS5 syntax', () => {
    expect(queryWords('روسيا، "الإرهاب" G20 OR* (x)')).toEqual(['روسيا', 'الإرهاب', 'G20', 'OR', 'x']);
  });

  it(`keeps at most ${MAX_QUERY_WORDS} words`, () => {
    expect(queryWords(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_QUERY_WORDS);
  });
});

describe('queryForms', () => {
  it('looks an Arabic word up as typed, folded and by its light stems', () => {
    expect(queryForms('رُوسْيا')).toEqual(['رُوسْيا', 'روسيا', 'روس']);
    expect(queryForms('والارهاب')).toContain('ارهاب');
    expect(queryForms('الإرهاب')).toContain('الارهاب');
  });

  it('folds Arabic-Indic and Persian digits, and leaves Latin words alone', () => {
    expect(queryForms('٢٠١٦')).toEqual(['٢٠١٦', '2016']);
    expect(queryForms('Aleppo')).toEqual(['Aleppo']);
  });
});

describe('ftsQuery', () => {
  it('asks for every word under any of its forms, each quoted', () => {
    expect(ftsQuery('وروسيا')).toBe('("وروسيا" OR "روس")');
    expect(ftsQuery('a b')).toBe('("a") AND ("b")');
  });

  it('has no query for a text with no word', () => {
    expect(ftsQuery(' … ؟ "')).toBeUndefined();
  });
});

describe('excerptPieces', () => {
  it('cuts the marked matches out as pieces of their own', () => {
    expect(excerptPieces('في \u0002روسيا\u0003 اليوم \u0002و\u0003')).toEqual([
      { text: 'في ', match: false },
      { text: 'روسيا', match: true },
      { text: ' اليوم ', match: false },
      { text: 'و', match: true },
    ]);
  });

  it('leaves a text with no match whole, and a stray mark out', () => {
    expect(excerptPieces('نص\u0003 بلا تطابق')).toEqual([{ text: 'نص بلا تطابق', match: false }]);
  });
});

describe('resultsPage', () => {
  it('reads a whole page number from 1, anything else as the first page', () => {
    expect(resultsPage('3')).toBe(3);
    for (const value of [null, undefined, '', '0', '-2', '1.5', 'x', '99999999'])
      expect(resultsPage(value)).toBe(1);
  });
});

describe('the index files', () => {
  it('names each part of an edition’s index', () => {
    expect(searchDatabaseFile(undefined)).toBe('stories.sqlite');
    expect(searchDatabaseFile(undefined, 1)).toBe('stories.1.sqlite');
    expect(searchDatabaseFile('en', 2)).toBe('stories-en.2.sqlite');
  });

  it('finds an edition’s parts in a folder, the first part first, and none without the first', () => {
    const names = [
      'stories.10.sqlite',
      'stories-en.sqlite',
      'stories.sqlite',
      'stories.2.sqlite',
      'stories.x.sqlite',
    ];
    expect(searchDatabaseFiles(undefined, names)).toEqual([
      'stories.sqlite',
      'stories.2.sqlite',
      'stories.10.sqlite',
    ]);
    expect(searchDatabaseFiles('en', names)).toEqual(['stories-en.sqlite']);
    expect(searchDatabaseFiles('fr', names)).toBeUndefined();
  });

  it('writes with two workers by default, as many as KHABAR_SEARCH_WORKERS says from 1 to 8', () => {
    expect(searchWorkersFrom({}, 2)).toBe(2);
    expect(searchWorkersFrom({}, 1)).toBe(1);
    expect(searchWorkersFrom({ KHABAR_SEARCH_WORKERS: '3' }, 2)).toBe(3);
    for (const value of ['0', '9', 'two', '1.5'])
      expect(searchWorkersFrom({ KHABAR_SEARCH_WORKERS: value }, 2)).toBe(2);
  });
});
