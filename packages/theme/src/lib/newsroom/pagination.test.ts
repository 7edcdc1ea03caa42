import { describe, expect, it } from 'vitest';
import {
  GAP,
  legacyPageNumber,
  legacyPageNumbers,
  numberedPage,
  numberedPageNumbers,
  numberedPages,
  pageNeighbours,
  pageUrl,
  pageWindow,
  paginate,
} from './pagination.ts';

/** Stories newest first: 105 … 1 (the number is the story's rank from the oldest). */
const list = (n: number) => Array.from({ length: n }, (_, i) => n - i);

describe('paginate', () => {
  it('puts the newest stories on the first page and numbers the others from the oldest, every one full', () => {
    const pages = paginate(list(25), 10);
    expect(pages.map((p) => p.number)).toEqual([0, 2, 1]);
    expect(pages.map((p) => p.items)).toEqual([
      [25, 24, 23, 22, 21, 20, 19, 18, 17, 16],
      [20, 19, 18, 17, 16, 15, 14, 13, 12, 11],
      [10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
    ]);
    expect(pages.every((p) => p.total === 2 && p.count === 25)).toBe(true);
    expect(pages[1]?.start).toBe(5);
  });

  it('shows every story on some page, with no numbered page for a list that fits on the first', () => {
    for (let n = 0; n <= 45; n++) {
      for (let per = 1; per <= 12; per++) {
        const pages = paginate(list(n), per);
        expect(new Set(pages.flatMap((p) => p.items)).size).toBe(n);
        expect(pages.slice(1).every((p) => p.items.length === per)).toBe(true);
        expect(pages[0]?.items.length).toBe(Math.min(n, per));
      }
    }
    expect(paginate([], 10)).toEqual([{ number: 0, total: 0, items: [], start: 0, count: 0 }]);
  });

  it('never changes a numbered page when a story is published', () => {
    for (let n = 11; n < 60; n++) {
      const before = paginate(list(n), 10).slice(1);
      const after = paginate(list(n + 1), 10).slice(1);
      for (const page of before) {
        expect(after.find((p) => p.number === page.number)?.items).toEqual(page.items);
      }
    }
  });

  it('rejects a page size that is not a whole positive number', () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
    expect(() => numberedPages(3, 1.5)).toThrow(RangeError);
  });

  it('gives one numbered page by its number, and the numbers of all', () => {
    expect(numberedPage(list(25), 10, 2).items).toEqual([20, 19, 18, 17, 16, 15, 14, 13, 12, 11]);
    expect(numberedPages(105, 10)).toBe(10);
    expect(numberedPages(10, 10)).toBe(0);
    expect(numberedPageNumbers(3)).toEqual([1, 2, 3]);
  });
});

describe('pageUrl', () => {
  it('keeps the first page at the list URL and puts numbered pages under /pages/<n>/', () => {
    expect(pageUrl('/politics/', 0)).toBe('/politics/');
    expect(pageUrl('/politics/', 2)).toBe('/politics/pages/2/');
    expect(pageUrl('/news/archive/2016/12/', 3)).toBe('/news/archive/2016/12/pages/3/');
  });

  it('keeps an encoded Arabic URL encoded once', () => {
    const first = `/tags/${encodeURIComponent('روسيا')}/`;
    expect(pageUrl(first, 2)).toBe(`/tags/${encodeURIComponent('روسيا')}/pages/2/`);
  });
});

describe('legacyPageNumber', () => {
  it('leads an old page (counted from the newest) to the numbered page holding the story it began with', () => {
    const stories = list(105);
    for (let n = 2; n <= 11; n++) {
      const first = stories[(n - 1) * 10];
      const target = legacyPageNumber(105, 10, n) as number;
      expect(numberedPage(stories, 10, target).items).toContain(first);
    }
    expect(legacyPageNumber(105, 10, 12)).toBeUndefined();
    expect(legacyPageNumber(105, 10, 1)).toBeUndefined();
    expect(legacyPageNumbers(105, 10)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(legacyPageNumbers(10, 10)).toEqual([]);
  });
});

describe('pageWindow', () => {
  it('shows every page of a short list, newest first', () => {
    expect(pageWindow(0, 0)).toEqual([]);
    expect(pageWindow(0, 1)).toEqual([1]);
    expect(pageWindow(2, 4)).toEqual([4, 3, 2, 1]);
  });

  it('shows the pages near the current one and the oldest, with a gap between', () => {
    expect(pageWindow(6, 10)).toEqual([8, 7, 6, 5, 4, GAP, 1]);
    expect(pageWindow(0, 10)).toEqual([10, 9, GAP, 1]);
    expect(pageWindow(1, 10)).toEqual([3, 2, 1]);
  });

  it('never hides a single page behind a gap', () => {
    expect(pageWindow(5, 7)).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });

  it('does not change for a page far from the newest when the list grows', () => {
    expect(pageWindow(5, 11)).toEqual(pageWindow(5, 10));
  });
});

describe('pageNeighbours', () => {
  it('leads from the first page to the newest numbered one, and down to the oldest', () => {
    expect(pageNeighbours(0, 3)).toEqual({ older: 3 });
    expect(pageNeighbours(3, 3)).toEqual({ newer: 0, older: 2 });
    expect(pageNeighbours(1, 3)).toEqual({ newer: 2 });
    expect(pageNeighbours(0, 0)).toEqual({});
  });
});
