/**
 * The date archive: stories grouped by year and month of publication in the newsroom's time zone, and the
 * archive's URLs (`/archive/`, `/archive/2016/`, `/archive/2016/12/`). Pure; years and months are
 * zero-padded Western digits in URLs and formatted for readers by the components.
 */
import { zonedDateParts } from './stories.ts';
import { pagePath } from '../urls.ts';
import { PATHS } from '../routes.ts';

export interface ArchiveMonth<T> {
  /** Four-digit year, e.g. "2016". */
  year: string;
  /** Two-digit month, e.g. "12". */
  month: string;
  /** The month's stories, in the order given (newest first when the input is). */
  items: T[];
}

export interface ArchiveYear<T> {
  year: string;
  /** Months with at least one story, newest first. */
  months: ArchiveMonth<T>[];
  /** Stories in the year. */
  count: number;
}

/**
 * Groups stories by year and month in `timeZone`: years and months newest first, each month keeping the
 * order of the input. One pass over the list, then a sort of the (few) keys.
 */
export function groupByMonth<T extends { data: { published: Date } }>(
  stories: readonly T[],
  timeZone: string,
): ArchiveYear<T>[] {
  const byKey = new Map<string, ArchiveMonth<T>>();
  for (const story of stories) {
    const { year, month } = zonedDateParts(story.data.published, timeZone);
    const key = `${year}-${month}`;
    const bucket = byKey.get(key);
    if (bucket) bucket.items.push(story);
    else byKey.set(key, { year, month, items: [story] });
  }
  const years = new Map<string, ArchiveYear<T>>();
  for (const key of [...byKey.keys()].sort().reverse()) {
    const month = byKey.get(key) as ArchiveMonth<T>;
    const year = years.get(month.year);
    if (year) {
      year.months.push(month);
      year.count += month.items.length;
    } else years.set(month.year, { year: month.year, months: [month], count: month.items.length });
  }
  return [...years.values()];
}

/**
 * The encoded path of the archive, a year or a month.
 * @example archivePath('/') // '/archive/'
 * @example archivePath('/news/', '2016', '12') // '/news/archive/2016/12/'
 */
export function archivePath(base: string, year?: string, month?: string): string {
  const parts = [PATHS.archive, year, year ? month : undefined].filter(Boolean);
  return pagePath(base, `/${parts.join('/')}`);
}

/**
 * The first day of a month as an instant at noon UTC, for formatting its name ("ديسمبر 2016") in any
 * zone without slipping into the neighbouring month.
 */
export function monthInstant(year: string, month: string): Date {
  return new Date(Date.UTC(Number(year), Number(month) - 1, 15, 12));
}
