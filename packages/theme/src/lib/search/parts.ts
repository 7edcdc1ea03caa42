/**
 * The search index in parts. Pagefind holds a whole index in memory and, while writing it, about four
 * times that (0.3 MB a story of 250–900 words): 10,000 stories in one index cost its process 2.9 GB,
 * 100,000 would cost some 29 GB. So the index is built in parts of whole months, each by a Pagefind
 * process of its own that exits before the next starts, and the search page merges the parts in the
 * reader's browser (Pagefind's multisite search). Pure: the months come in, the parts and the manifest
 * the search page reads come out.
 */

/**
 * The most stories a part holds, unless `KHABAR_SEARCH_PART_SIZE` says otherwise. Measured on the bench
 * newsroom: a part of 5,000 stories peaks at 1.5 GB in Pagefind's process (2,500 at 0.8 GB, 1,000 at
 * 0.3 GB), about what the Astro process frees once its bundling ends; fewer parts also mean fewer files
 * for the browser to fetch for each word searched (one index chunk a part).
 */
export const PART_SIZE = 5_000;

/**
 * The folder under `pagefind/` of the `n`th part of stories indexed from their built pages (their months
 * are not known): "pages", "pages-2"…
 */
export function pagesPartId(n: number): string {
  return n === 1 ? 'pages' : `pages-${n}`;
}

/** The manifest's file name, in `pagefind/`. */
export const PARTS_MANIFEST = 'parts.json';

/** One part of the index: consecutive stories of the list it was planned from. */
export interface SearchPart {
  /**
   * Its folder under `pagefind/`: its newest month ("2016-12"); a month too big for one part is split,
   * and its later pieces are "2016-12-2", "2016-12-3"…
   */
  id: string;
  /** Where its stories start in the list. */
  start: number;
  /** How many stories it holds. */
  count: number;
  /** Its newest month ("2016-12"). */
  newest: string;
  /** Its oldest month. */
  oldest: string;
}

/** A run of stories of one month (or a piece of a month too big for one part). */
interface Group {
  id: string;
  month: string;
  start: number;
  count: number;
}

/** Runs of equal months, a run longer than `max` cut into pieces of nearly equal size. */
function monthGroups(months: readonly string[], max: number): Group[] {
  const groups: Group[] = [];
  for (let start = 0; start < months.length;) {
    const month = months[start] ?? '';
    let end = start + 1;
    while (end < months.length && months[end] === month) end++;
    const pieces = Math.ceil((end - start) / max);
    const size = Math.ceil((end - start) / pieces);
    for (let piece = 0; piece < pieces; piece++) {
      const from = start + piece * size;
      groups.push({
        id: piece === 0 ? month : `${month}-${piece + 1}`,
        month,
        start: from,
        count: Math.min(size, end - from),
      });
    }
    start = end;
  }
  return groups;
}

/** Fills parts with whole groups, closing one when the next group would pass `max` or overshoot `target`. */
function fill(groups: readonly Group[], max: number, target: number): SearchPart[] {
  const parts: SearchPart[] = [];
  let part: SearchPart | undefined;
  for (const group of groups) {
    if (part) {
      const after = part.count + group.count;
      if (after > max || after - target > target - part.count) part = undefined;
    }
    if (part) {
      part.count += group.count;
      part.oldest = group.month;
    } else {
      part = {
        id: group.id,
        start: group.start,
        count: group.count,
        newest: group.month,
        oldest: group.month,
      };
      parts.push(part);
    }
  }
  return parts;
}

/**
 * Splits stories into parts of at most `max`, by month of publication: `months` holds each story's
 * month ("2016-12", in the newsroom's time zone), newest first, as the stories are listed. A month never
 * straddles two parts unless it alone holds more than `max` stories, and the parts are about equal in
 * size: as few as the months allow, each near `stories ÷ parts`, so a site of `max` stories or fewer
 * gets a single part.
 * @example partsByMonth(['2016-12', '2016-12', '2016-11'], 5000) // one part: { id: '2016-12', start: 0, count: 3, … }
 */
export function partsByMonth(months: readonly string[], max: number): SearchPart[] {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`a part holds 1 story or more, not ${max}`);
  if (months.length === 0) return [];
  const groups = monthGroups(months, max);
  // The fewest parts that can hold the stories, then one more while whole months will not fit in them.
  for (let parts = Math.ceil(months.length / max); ; parts++) {
    const filled = fill(groups, max, months.length / parts);
    if (filled.length <= parts) return uniqueIds(filled);
  }
}

/** Ids stay unique even when a month comes back later in a list that was not sorted: "2016-12-2"… */
function uniqueIds(parts: SearchPart[]): SearchPart[] {
  const used = new Set<string>();
  for (const part of parts) {
    let id = part.id;
    for (let n = 2; used.has(id); n++) id = `${part.id}-${n}`;
    used.add(id);
    part.id = id;
  }
  return parts;
}

/** A part as the manifest lists it. */
export interface ManifestPart {
  /** Its folder under `pagefind/`. */
  id: string;
  /** How many stories Pagefind indexed in it. */
  stories: number;
  /** Its newest and oldest month, when its stories were planned by month. */
  newest?: string | undefined;
  oldest?: string | undefined;
}

/** `pagefind/parts.json`: the parts, newest first; the search page loads the first and merges the others. */
export interface PartsManifest {
  version: 1;
  parts: ManifestPart[];
}

/** The manifest of these parts, in this order. */
export function partsManifest(parts: readonly ManifestPart[]): PartsManifest {
  return {
    version: 1,
    parts: parts.map(({ id, stories, newest, oldest }) =>
      newest && oldest ? { id, stories, newest, oldest } : { id, stories },
    ),
  };
}

/**
 * The part size a build uses: `KHABAR_SEARCH_PART_SIZE` when set (for tests, to get several parts from a
 * small site), else `PART_SIZE`.
 */
export function partSizeFrom(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.KHABAR_SEARCH_PART_SIZE?.trim();
  if (!raw) return PART_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(
      `KHABAR_SEARCH_PART_SIZE must be a whole number of stories, 1 or more (it is "${raw}"). ` +
        `Unset it to use the default of ${PART_SIZE}.`,
    );
  }
  return size;
}
