import { describe, expect, it } from 'vitest';
import { GAP, laterPageNumbers, pageCount, pageUrl, pageWindow, paginate } from './pagination.ts';

describe('paginate', () => {
  it('splits a list into full pages and a last partial one, counts adding up', () => {
    const items = Array.from({ length: 25 }, (_, i) => i);
    const pages = paginate(items, 10);
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(pages.every((p) => p.total === 3 && p.count === 25)).toBe(true);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    expect(pages[2]?.start).toBe(20);
  });

  it('makes no empty page when the list divides evenly', () => {
    expect(paginate([1, 2, 3, 4], 2).map((p) => p.items)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('keeps one (empty) first page for an empty list, and no other', () => {
    const pages = paginate([], 10);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.items).toEqual([]);
    expect(pageCount(0, 10)).toBe(1);
  });

  it('rejects a page size that is not a whole positive number', () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
    expect(() => pageCount(3, 1.5)).toThrow(RangeError);
  });

  it('adds up for every size and page size', () => {
    for (let n = 0; n <= 40; n++) {
      for (let per = 1; per <= 12; per++) {
        const pages = paginate(
          Array.from({ length: n }, (_, i) => i),
          per,
        );
        expect(pages.reduce((sum, p) => sum + p.items.length, 0)).toBe(n);
        expect(pages.slice(1).every((p) => p.items.length > 0)).toBe(true);
        expect(pages.every((p) => p.items.length <= per)).toBe(true);
      }
    }
  });
});

describe('pageUrl', () => {
  it('keeps page 1 at the list URL and puts later pages under /page/<n>/', () => {
    expect(pageUrl('/politics/', 1)).toBe('/politics/');
    expect(pageUrl('/politics/', 2)).toBe('/politics/page/2/');
    expect(pageUrl('/news/archive/2016/12/', 3)).toBe('/news/archive/2016/12/page/3/');
  });

  it('keeps an encoded Arabic URL encoded once', () => {
    const first = `/tags/${encodeURIComponent('روسيا')}/`;
    expect(pageUrl(first, 2)).toBe(`/tags/${encodeURIComponent('روسيا')}/page/2/`);
  });
});

describe('pageWindow', () => {
  it('shows every page of a short list', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it('puts gaps around the current page of a long list', () => {
    expect(pageWindow(5, 10)).toEqual([1, GAP, 4, 5, 6, GAP, 10]);
    expect(pageWindow(1, 10)).toEqual([1, 2, GAP, 10]);
    expect(pageWindow(10, 10)).toEqual([1, GAP, 9, 10]);
  });

  it('never hides a single page behind a gap', () => {
    expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, GAP, 10]);
  });

  it('lists the route numbers of later pages', () => {
    expect(laterPageNumbers(1)).toEqual([]);
    expect(laterPageNumbers(3)).toEqual([2, 3]);
  });
});
