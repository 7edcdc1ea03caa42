/**
 * Splitting a list of stories into numbered pages, and the page links a reader sees. Pure: routes pass
 * plain lists and the URL of the first page; nothing here touches Astro.
 *
 * Page 1 lives at the list's own URL (`/politics/`); page n ≥ 2 at `<first>/page/<n>/` (`/politics/page/2/`),
 * which is why `page` is a reserved section slug.
 */
import { pagePath } from '../urls.ts';
import { PATHS } from '../routes.ts';

/** One page of a paginated list. */
export interface Page<T> {
  /** 1-based page number. */
  number: number;
  /** How many pages the list has (at least 1). */
  total: number;
  /** The stories on this page. */
  items: T[];
  /** 0-based index in the whole list of this page's first story. */
  start: number;
  /** How many stories the whole list has. */
  count: number;
}

/** How many pages `count` items make at `perPage` a page: never fewer than one. */
export function pageCount(count: number, perPage: number): number {
  if (!Number.isInteger(perPage) || perPage < 1)
    throw new RangeError(`perPage must be a whole number ≥ 1, got ${perPage}`);
  return Math.max(1, Math.ceil(count / perPage));
}

/**
 * Splits a list into pages of `perPage`. Every page but the first holds at least one item; the first
 * page exists even for an empty list (a section with no story yet still has its page).
 * @example paginate([1, 2, 3], 2).map((p) => p.items) // [[1, 2], [3]]
 */
export function paginate<T>(items: readonly T[], perPage: number): Page<T>[] {
  const total = pageCount(items.length, perPage);
  return Array.from({ length: total }, (_, index) => ({
    number: index + 1,
    total,
    items: items.slice(index * perPage, (index + 1) * perPage),
    start: index * perPage,
    count: items.length,
  }));
}

/**
 * The encoded URL of page `n` of a list whose first page is at `firstPageUrl` (already encoded).
 * @example pageUrl('/politics/', 1) // '/politics/'
 * @example pageUrl('/politics/', 3) // '/politics/page/3/'
 */
export function pageUrl(firstPageUrl: string, n: number): string {
  if (n <= 1) return firstPageUrl;
  return pagePath('/', `${firstPageUrl}/${PATHS.page}/${n}`);
}

/** A gap in a run of page numbers ("…"). */
export const GAP = 'gap' as const;

/**
 * The page numbers to show around the current page: always the first and the last, `around` on either
 * side of the current one, and a gap where numbers are left out. A gap never stands for a single page
 * (that page is shown instead).
 * @example pageWindow(5, 10) // [1, 'gap', 4, 5, 6, 'gap', 10]
 */
export function pageWindow(current: number, total: number, around = 1): (number | typeof GAP)[] {
  const shown = new Set<number>([1, total]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= total) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | typeof GAP)[] = [];
  let previous = 0;
  for (const n of sorted) {
    if (n - previous === 2) out.push(n - 1);
    else if (n - previous > 2) out.push(GAP);
    out.push(n);
    previous = n;
  }
  return out;
}

/** The params of `/<list>/page/<n>` routes for pages 2…total (page 1 is the list's own route). */
export function laterPageNumbers(total: number): number[] {
  return Array.from({ length: Math.max(0, total - 1) }, (_, i) => i + 2);
}
