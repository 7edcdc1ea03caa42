/**
 * The search index in parts. Pagefind holds a whole index in memory and, while writing it, about four
 * times that (0.3 MB a story of 250–900 words): 10,000 stories in one index cost its process 2.9 GB,
 * 100,000 would cost some 29 GB. So the index is built in parts of whole months, each by a Pagefind
 * process of its own that exits before the next starts, and the search page merges the parts in the
 * reader's browser (Pagefind's multisite search). Pure: the months come in, the parts and the manifest
 * the search page reads come out.
 */

/**
 * The most stories a part holds, unless `KHABAR_SEARCH_PART_SIZE` says otherwise. A correction re-indexes
 * its story's whole part, in time and memory about proportional to the part's stories: measured on the
 * bench newsroom, a part of 5,000 stories peaks at 1.5 GB in Pagefind's process (2,500 at 0.8 GB, 1,000
 * at 0.3 GB), and a typo fixed on a 2,000-story site took the index 13.5 s after the build with its part
 * of 1,881 stories, 2.0 s with parts of at most 500 (about 300). At 1,000 a newsroom of 30 stories a day
 * gets a part a month, the bench's 10,000 stories 18 parts of about 570. Fewer parts would mean fewer
 * files for the browser to fetch for each word searched (one index chunk a part).
 */
export const PART_SIZE = 1_000;

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

/** A month's place in time: months since the year 0 ("2016-12" → 24203); NaN for what is not a month. */
function monthNumber(month: string): number {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : Number.NaN;
}

/**
 * The widest span of time a part covers: 1,024 months (about 85 years). The spans are aligned on the
 * year 0 and halved (512, 256… 1 month) while they hold more than a part's stories.
 */
const WIDEST_SPAN = 1024;

/** The part of these groups (consecutive in the list, newest first). */
function partOf(groups: readonly Group[]): SearchPart {
  const first = groups[0] as Group;
  const last = groups.at(-1) as Group;
  return {
    id: first.id,
    start: first.start,
    count: groups.reduce((sum, group) => sum + group.count, 0),
    newest: first.month,
    oldest: last.month,
  };
}

/**
 * The parts of the groups in the span of `size` months from month `from`: one part when they fit, else
 * the newer half's parts, then the older half's. A month too big for a part comes in pieces, a part each.
 */
function partsOfSpan(groups: readonly Group[], from: number, size: number, max: number, out: SearchPart[]) {
  const count = groups.reduce((sum, group) => sum + group.count, 0);
  if (count <= max) {
    out.push(partOf(groups));
    return;
  }
  if (size === 1) {
    for (const piece of groups) out.push(partOf([piece]));
    return;
  }
  const half = size / 2;
  const middle = from + half;
  const newer = groups.filter((group) => monthNumber(group.month) >= middle);
  const older = groups.filter((group) => monthNumber(group.month) < middle);
  if (newer.length) partsOfSpan(newer, middle, half, max, out);
  if (older.length) partsOfSpan(older, from, half, max, out);
}

/**
 * Splits stories into parts of at most `max`, by month of publication: `months` holds each story's
 * month ("2016-12", in the newsroom's time zone), newest first, as the stories are listed.
 *
 * The newest month is a part of its own: it is where stories are published, so a publish re-indexes
 * that month's stories alone. The older stories make one part when they fit in one; beyond that they
 * are cut along spans of time fixed in the calendar rather than balanced over the whole list: a span of
 * 1,024 months is halved, and halved again, until each span holds `max` stories or fewer (a month that
 * alone holds more is cut into nearly equal pieces). So a part's stories depend only on the stories of
 * its own span: a correction changes its own part, and every other part is what it was, which lets
 * the build reuse it (`integrations/search-index.ts`). When a month ends, it joins the older parts once.
 * @example partsByMonth(['2016-12', '2016-12', '2016-11'], 5000).map((p) => p.count) // [2, 1]
 */
export function partsByMonth(months: readonly string[], max: number): SearchPart[] {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`a part holds 1 story or more, not ${max}`);
  if (months.length === 0) return [];
  const groups = monthGroups(months, max);
  let cut = 1;
  while (cut < groups.length && (groups[cut] as Group).month === (groups[0] as Group).month) cut++;
  // The newest month, in pieces when it alone holds more than a part.
  const parts: SearchPart[] = groups.slice(0, cut).map((group) => partOf([group]));
  const older = groups.slice(cut);
  const olderCount = older.reduce((sum, group) => sum + group.count, 0);
  if (older.length && olderCount <= max) parts.push(partOf(older));
  else partsOfOlder(older, max, parts);
  return uniqueIds(parts);
}

/** The parts of older stories than fit in one: consecutive groups of one widest span go down together. */
function partsOfOlder(groups: readonly Group[], max: number, parts: SearchPart[]): void {
  // A list out of order, or a month that is not one, starts a run of its own.
  for (let i = 0; i < groups.length;) {
    const span = Math.floor(monthNumber((groups[i] as Group).month) / WIDEST_SPAN);
    let end = i + 1;
    while (!Number.isNaN(span) && end < groups.length) {
      const next = monthNumber((groups[end] as Group).month);
      if (Math.floor(next / WIDEST_SPAN) !== span || !(next <= monthNumber((groups[end - 1] as Group).month)))
        break;
      end++;
    }
    if (Number.isNaN(span)) parts.push(partOf([groups[i] as Group]));
    else partsOfSpan(groups.slice(i, end), span * WIDEST_SPAN, WIDEST_SPAN, max, parts);
    i = end;
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

/**
 * How many parts Pagefind indexes at once: `KHABAR_SEARCH_PARALLEL` when set, else 1. Each part at once
 * is a Pagefind process of its own (about 0.3 GB for a part of `PART_SIZE` stories), so more is worth it
 * on a machine with memory and cores to spare, and mostly where the build renders few pages
 * (`rendering.prerender: 'recent'` or `'none'`) and so leaves its cores to Pagefind.
 */
export function parallelPartsFrom(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.KHABAR_SEARCH_PARALLEL?.trim();
  if (!raw) return 1;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 16) {
    throw new Error(
      `KHABAR_SEARCH_PARALLEL must be a whole number of Pagefind processes from 1 to 16 (it is "${raw}"). ` +
        'Unset it to index one part at a time.',
    );
  }
  return count;
}
