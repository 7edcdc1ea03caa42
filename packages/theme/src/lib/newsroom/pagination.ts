/**
 * Splitting a list of stories into pages, and the page links a reader sees. Pure: routes pass plain
 * lists and the URL of the first page; nothing here touches Astro.
 *
 * A list's first page lives at its own URL (`/politics/`) and shows its newest stories. Every other page
 * is numbered from the **oldest**: `/politics/pages/1/` holds the list's oldest `perPage` stories,
 * `/politics/pages/2/` the next ones, and so on up to the page just before the first page's stories. So a
 * numbered page always holds the same stories — every one of them is full — and publishing a story changes
 * the first page alone; a new numbered page appears once every `perPage` stories. (Numbered from the
 * newest, as the site did before, every page of a list shifted by one story at every publish.) The old
 * `/politics/page/<n>/` addresses, counted from the newest, answer with a redirect to the numbered page
 * that now holds the story that led them (`legacyPageNumber`).
 */
import { pagePath } from '../urls.ts';
import { PATHS } from '../routes.ts';

/** One page of a paginated list. */
export interface Page<T> {
  /** 0 for the first page (the list's newest stories); else the page's number, counted from the oldest. */
  number: number;
  /** How many numbered pages the list has (0 when the first page holds every story). */
  total: number;
  /** The stories on this page, newest first. */
  items: T[];
  /** 0-based index, in the whole list (newest first), of this page's first story. */
  start: number;
  /** How many stories the whole list has. */
  count: number;
}

function checkPerPage(perPage: number): void {
  if (!Number.isInteger(perPage) || perPage < 1)
    throw new RangeError(`perPage must be a whole number ≥ 1, got ${perPage}`);
}

/**
 * How many numbered pages a list of `count` stories has at `perPage` a page: enough for the stories the
 * first page does not show, each page full.
 * @example numberedPages(105, 10) // 10: pages 1–10 hold the oldest 100; the first page the newest 10
 */
export function numberedPages(count: number, perPage: number): number {
  checkPerPage(perPage);
  return count > perPage ? Math.ceil((count - perPage) / perPage) : 0;
}

/**
 * Numbered page `n` of a list (newest first): the `perPage` stories from the `(n - 1) × perPage`-th oldest.
 * @example numberedPage([5, 4, 3, 2, 1], 2, 1).items // [2, 1]
 */
export function numberedPage<T>(items: readonly T[], perPage: number, n: number): Page<T> {
  const total = numberedPages(items.length, perPage);
  const end = items.length - (n - 1) * perPage;
  const start = Math.max(0, end - perPage);
  return { number: n, total, items: items.slice(start, end), start, count: items.length };
}

/**
 * A list's pages in the order a reader walks them: the first page (its newest stories), then the
 * numbered pages from the newest (`total`) down to 1. The first page exists even for an empty list.
 * @example paginate([5, 4, 3, 2, 1], 2).map((p) => [p.number, p.items]) // [[0, [5, 4]], [2, [4, 3]], [1, [2, 1]]]
 */
export function paginate<T>(items: readonly T[], perPage: number): Page<T>[] {
  const total = numberedPages(items.length, perPage);
  const first: Page<T> = { number: 0, total, items: items.slice(0, perPage), start: 0, count: items.length };
  const numbered = Array.from({ length: total }, (_, i) => numberedPage(items, perPage, total - i));
  return [first, ...numbered];
}

/**
 * The encoded URL of page `n` of a list whose first page is at `firstPageUrl` (already encoded): the
 * first page for 0, else `<first>/pages/<n>/`.
 * @example pageUrl('/politics/', 0) // '/politics/'
 * @example pageUrl('/politics/', 3) // '/politics/pages/3/'
 */
export function pageUrl(firstPageUrl: string, n: number): string {
  if (n <= 0) return firstPageUrl;
  return pagePath('/', `${firstPageUrl}/${PATHS.pages}/${n}`);
}

/**
 * Where an old address `<first>/page/<n>/` (page `n` counted from the newest, n ≥ 2) now leads: the
 * number of the page that holds the story it began with; undefined when the list is too short for it.
 * @example legacyPageNumber(105, 10, 2) // 10: the old page 2 began with the 11th newest story
 */
export function legacyPageNumber(count: number, perPage: number, n: number): number | undefined {
  const newest = (n - 1) * perPage;
  if (n < 2 || newest >= count) return undefined;
  return Math.floor((count - 1 - newest) / perPage) + 1;
}

/** A gap in a run of page numbers ("…"). */
export const GAP = 'gap' as const;

/**
 * The page numbers a page links to, newest first: `around` on either side of the current one, and the
 * oldest page (1) after a gap. The newest numbered page is linked only while it is near: a page's links
 * then change only when a new page appears next to it, not whenever the list grows.
 * @example pageWindow(6, 10) // [8, 7, 6, 5, 4, 'gap', 1]
 * @example pageWindow(0, 10) // [10, 9, 'gap', 1]
 */
export function pageWindow(current: number, total: number, around = 2): (number | typeof GAP)[] {
  if (total === 0) return [];
  const centre = current === 0 ? total + 1 : current;
  const shown = new Set<number>([1]);
  for (let n = centre - around; n <= centre + around; n++) if (n >= 1 && n <= total) shown.add(n);
  const sorted = [...shown].sort((a, b) => b - a);
  const out: (number | typeof GAP)[] = [];
  for (const n of sorted) {
    const previous = out.at(-1);
    if (typeof previous === 'number') {
      if (previous - n === 2) out.push(n + 1);
      else if (previous - n > 2) out.push(GAP);
    }
    out.push(n);
  }
  return out;
}

/** The numbers of a list's numbered pages, for their routes: 1…total. */
export function numberedPageNumbers(total: number): number[] {
  return Array.from({ length: total }, (_, i) => i + 1);
}

/** The old `…/page/<n>/` numbers a list of `count` stories had (2…), for their redirects. */
export function legacyPageNumbers(count: number, perPage: number): number[] {
  checkPerPage(perPage);
  const old = Math.max(1, Math.ceil(count / perPage));
  return Array.from({ length: Math.max(0, old - 1) }, (_, i) => i + 2);
}

/** The pages a page leads to: the newer one (0 for the first page) and the older one, where there are. */
export function pageNeighbours(current: number, total: number): { newer?: number; older?: number } {
  if (current === 0) return total > 0 ? { older: total } : {};
  return { newer: current < total ? current + 1 : 0, ...(current > 1 ? { older: current - 1 } : {}) };
}
