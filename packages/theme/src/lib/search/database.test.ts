import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createSearchTable,
  insertRows,
  openSearchIndex,
  optimizeSearchTable,
  searchStories,
  sqlite,
  storyCount,
} from './database.ts';
import { searchRecord } from './record.ts';
import { SEARCH_PAGE_SIZE, searchRow } from './server.ts';

/** An index (in memory, or in a file) of stories given by headline and text. */
function indexOf(stories: readonly { url: string; title: string; text: string }[], file = ':memory:') {
  const db = new (sqlite().DatabaseSync)(file);
  createSearchTable(db);
  insertRows(
    db,
    stories.map(({ url, title, text }) =>
      searchRow(
        url,
        searchRecord({
          locale: 'ar',
          title,
          description: `وصف ${title}`,
          section: 'سياسة',
          date: '١ كانون الأول ٢٠١٦',
          authors: [],
          tags: [],
          html: `<p>${text}</p>`,
        }),
      ),
    ),
  );
  optimizeSearchTable(db);
  return db;
}

describe('the server search index', () => {
  const db = indexOf([
    { url: '/a/', title: 'زيارة إلى موسكو', text: 'قال الوزير إنّ رُوسْيا تدعم الحلّ، ومكافحة الإرهاب أولوية.' },
    { url: '/b/', title: 'روسيا والإرهاب', text: 'خبر عن الاقتصاد.' },
    { url: '/c/', title: 'الطقس', text: 'أمطار غزيرة في دمشق.' },
    // Stories of other words, as an archive has: a word in most stories would weigh nothing in bm25.
    ...Array.from({ length: 8 }, (_, i) => ({
      url: `/other-${i}/`,
      title: `مباراة ${i}`,
      text: 'فاز الفريق.',
    })),
  ]);

  it('holds every story', () => {
    expect(storyCount(db)).toBe(11);
  });

  it('finds a word however it is spelled, and ranks a headline match first', () => {
    for (const query of ['روسيا', 'رُوسْيا', 'وروسيا', 'الارهاب', 'والإرهاب']) {
      const { total, results } = searchStories(db, query);
      expect(total, query).toBe(2);
      expect(results.map((r) => r.url).sort()).toEqual(['/a/', '/b/']);
    }
    // The headline says it as typed: it outranks the text.
    expect(searchStories(db, 'روسيا').results.map((r) => r.url)).toEqual(['/b/', '/a/']);
  });

  it('needs every word of the query', () => {
    expect(searchStories(db, 'روسيا الوزير').results.map((r) => r.url)).toEqual(['/a/']);
    expect(searchStories(db, 'روسيا دمشق').total).toBe(0);
  });

  it('gives the words around a match with the match marked, and a result’s fields', () => {
    const [result] = searchStories(db, 'الوزير').results;
    expect(result).toMatchObject({
      url: '/a/',
      title: 'زيارة إلى موسكو',
      section: 'سياسة',
      description: 'وصف زيارة إلى موسكو',
    });
    expect(result?.excerpt).toContain('\u0002الوزير\u0003');
  });

  it('finds nothing for a query of no word, or of FTS5 syntax alone', () => {
    expect(searchStories(db, '')).toEqual({ total: 0, results: [] });
    expect(searchStories(db, 'AND OR NOT').total).toBe(0);
    expect(searchStories(db, '" * ( ) :')).toEqual({ total: 0, results: [] });
  });

  it('pages through results, none on two pages', () => {
    const many = indexOf(
      Array.from({ length: 45 }, (_, i) => ({
        url: `/s${i}/`,
        title: `خبر ${i}`,
        text: 'نص مشترك في كل خبر',
      })),
    );
    const pages = [1, 2, 3].map((page) => searchStories(many, 'مشترك', page));
    expect(pages.map((p) => p.results.length)).toEqual([SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE, 5]);
    expect(pages.every((p) => p.total === 45)).toBe(true);
    expect(new Set(pages.flatMap((p) => p.results.map((r) => r.url))).size).toBe(45);
  });

  it('reads an index written in parts as one: counts summed, results ranked together, pages across parts', () => {
    const folder = mkdtempSync(join(tmpdir(), 'khabar-search-parts-'));
    try {
      const stories = Array.from({ length: 50 }, (_, i) => ({
        url: `/s${i}/`,
        title: i === 7 ? 'روسيا اليوم' : `خبر ${i}`,
        text: i % 5 === 0 ? 'عن روسيا' : 'نص آخر',
      }));
      const files = [0, 1, 2].map((part) => join(folder, `part-${part}.sqlite`));
      for (const [part, file] of files.entries())
        indexOf(
          stories.filter((_, i) => i % 3 === part),
          file,
        ).close();
      const db = openSearchIndex(files);
      const one = indexOf(stories);
      const all = (index: typeof db) =>
        [1, 2].flatMap((page) => searchStories(index, 'نص', page).results.map((r) => r.url));
      expect(searchStories(db, 'نص').total).toBe(40);
      expect(new Set(all(db)).size).toBe(40);
      // Each result's fields are its own story's, whichever part holds it.
      const titles = new Map(stories.map((story) => [story.url, story.title]));
      for (const result of [1, 2].flatMap((page) => searchStories(db, 'نص', page).results))
        expect(result.title).toBe(titles.get(result.url));
      // The headline's match is first in both, whichever part holds it.
      expect(searchStories(db, 'روسيا').results[0]?.url).toBe('/s7/');
      expect(
        searchStories(db, 'روسيا')
          .results.map((r) => r.url)
          .sort(),
      ).toEqual(
        searchStories(one, 'روسيا')
          .results.map((r) => r.url)
          .sort(),
      );
      db.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
