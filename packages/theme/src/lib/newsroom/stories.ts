/**
 * Pure choices over lists of stories: what is published, in which order, where it lives.
 * Routes call these with plain data; nothing here touches Astro.
 */

export interface StoryLike {
  id: string;
  data: { published: Date; draft: boolean; section: string; tags: string[]; authors: { id: string }[] };
}

/** Published stories (no drafts), newest first; ties broken by id so builds are deterministic. */
export function publishedNewestFirst<T extends StoryLike>(stories: readonly T[]): T[] {
  return stories
    .filter((story) => !story.data.draft)
    .sort(
      (a, b) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id, 'en'),
    );
}

/**
 * How many stories of a list sorted newest first are scheduled after an instant (they sort first): the
 * list published by then is `newestFirst.slice(scheduledAfter(…))` (`getArticles` keeps one copy per cut).
 * @example scheduledAfter(newestFirst, new Date('2016-12-01T18:00:00+02:00')) // 1
 */
export function scheduledAfter(newestFirst: readonly { data: { published: Date } }[], instant: Date): number {
  const time = instant.getTime();
  let low = 0;
  let high = newestFirst.length;
  // The first story published at or before the instant.
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((newestFirst[middle] as (typeof newestFirst)[number]).data.published.getTime() > time)
      low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first pair of items that share a key, if any. */
export function firstDuplicate<T>(items: readonly T[], key: (item: T) => string): [T, T] | undefined {
  const seen = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const earlier = seen.get(k);
    if (earlier !== undefined) return [earlier, item];
    seen.set(k, item);
  }
  return undefined;
}

/** Groups stories by a key, keeping each group's order. */
export function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar date of an instant in a time zone, as zero-padded Western digits (for URLs). */
export function zonedDateParts(
  instant: Date,
  timeZone: string,
): { year: string; month: string; day: string } {
  const parts = dayFormat(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day') };
}
