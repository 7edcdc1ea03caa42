/**
 * Related stories without quadratic cost.
 *
 * `buildRelatedIndex()` makes one pass over the newsroom (newest first) and records, for every section and
 * every tag, the list of stories that carry it and each story's position in those lists: O(n · k) time and
 * space, where k is the number of tags per story (a handful).
 *
 * `relatedStories()` then scores only candidates: for each of the story's keys (its section and its tags)
 * it takes at most `window` stories from that key's list, those nearest the story in time (the list is in
 * publication order, so they sit next to it), and counts how many keys each candidate shares. A popular tag
 * with thousands of stories costs `window` look-ups, not thousands. Per story that is O(k · window) plus
 * keeping the best `count` of at most k · window candidates, so a whole build is O(n · k · window · count):
 * linear in the newsroom (k, window and count are small constants).
 *
 * Score: 3 per shared tag, 1 for the same section; ties go to the more recent story, then to the id.
 * A story is never related to itself, and an opinion piece is related news only when it shares a tag
 * (the same section alone does not make a columnist's view news about the story).
 */

export interface RelatableStory {
  id: string;
  data: { published: Date; section: string; tags: readonly string[]; kind?: string | undefined };
}

export interface RelatedIndex<T extends RelatableStory> {
  /** Stories by key (`s:<section>` or `t:<tag>`), in the order given (newest first). */
  lists: Map<string, T[]>;
  /** For each key, the position of each story in its list. */
  positions: Map<string, Map<string, number>>;
}

export interface RelatedOptions {
  /** How many related stories to return. */
  count?: number;
  /** How many stories to consider per key, nearest in time first. */
  window?: number;
  /** Points per shared tag. */
  tagWeight?: number;
  /** Points for the same section. */
  sectionWeight?: number;
  /** Ids to leave out (besides the story itself). */
  exclude?: ReadonlySet<string>;
  /** Counts candidate look-ups, for tests and the benchmark. */
  stats?: { lookups: number };
}

const sectionKey = (section: string) => `s:${section}`;
const tagKey = (tag: string) => `t:${tag}`;

function keysOf(story: RelatableStory): string[] {
  return [sectionKey(story.data.section), ...new Set(story.data.tags.map(tagKey))];
}

/** Indexes stories by section and tag. Pass them newest first. O(n · k). */
export function buildRelatedIndex<T extends RelatableStory>(stories: readonly T[]): RelatedIndex<T> {
  const lists = new Map<string, T[]>();
  const positions = new Map<string, Map<string, number>>();
  for (const story of stories) {
    for (const key of keysOf(story)) {
      let list = lists.get(key);
      let where = positions.get(key);
      if (!list || !where) {
        list = [];
        where = new Map();
        lists.set(key, list);
        positions.set(key, where);
      }
      where.set(story.id, list.length);
      list.push(story);
    }
  }
  return { lists, positions };
}

/** Whether candidate `a` ranks before `b`: higher score, then newer, then the smaller id. */
function ranksBefore<T extends RelatableStory>(
  a: { story: T; score: number },
  b: { story: T; score: number },
) {
  if (a.score !== b.score) return a.score > b.score;
  const ta = a.story.data.published.getTime();
  const tb = b.story.data.published.getTime();
  if (ta !== tb) return ta > tb;
  return a.story.id < b.story.id;
}

/**
 * The stories most related to `story`: sharing its tags and section, recent first, never itself.
 * Cost O(k · window · count): the candidates are scored, then the best `count` kept by insertion.
 */
export function relatedStories<T extends RelatableStory>(
  story: T,
  index: RelatedIndex<T>,
  { count = 4, window = 60, tagWeight = 3, sectionWeight = 1, exclude, stats }: RelatedOptions = {},
): T[] {
  if (count <= 0) return [];
  const scores = new Map<string, { story: T; score: number; tagged: boolean }>();
  const consider = (candidate: T, weight: number, tagged: boolean) => {
    if (stats) stats.lookups++;
    if (candidate.id === story.id || exclude?.has(candidate.id)) return;
    const entry = scores.get(candidate.id);
    if (entry) {
      entry.score += weight;
      entry.tagged ||= tagged;
    } else scores.set(candidate.id, { story: candidate, score: weight, tagged });
  };
  const opinionKeptOut = story.data.kind !== 'opinion';
  for (const key of keysOf(story)) {
    const list = index.lists.get(key);
    const at = index.positions.get(key)?.get(story.id);
    if (!list || at === undefined) continue;
    const tagged = !key.startsWith('s:');
    const weight = tagged ? tagWeight : sectionWeight;
    // The `window` nearest neighbours in publication order, alternating newer and older.
    let taken = 0;
    for (let step = 1; taken < window && (at - step >= 0 || at + step < list.length); step++) {
      const newer = list[at - step];
      if (newer) {
        consider(newer, weight, tagged);
        taken++;
      }
      const older = list[at + step];
      if (older && taken < window) {
        consider(older, weight, tagged);
        taken++;
      }
    }
  }
  const best: { story: T; score: number }[] = [];
  for (const entry of scores.values()) {
    if (opinionKeptOut && !entry.tagged && entry.story.data.kind === 'opinion') continue;
    if (best.length === count && !ranksBefore(entry, best[count - 1] as { story: T; score: number }))
      continue;
    let i = Math.min(best.length, count - 1);
    best[i] = entry;
    while (i > 0 && ranksBefore(entry, best[i - 1] as { story: T; score: number })) {
      best[i] = best[i - 1] as { story: T; score: number };
      best[i - 1] = entry;
      i--;
    }
  }
  return best.map((entry) => entry.story);
}

/**
 * More from the story's section: the stories published just before it, nearest first, other than the
 * story itself and those in `exclude` (the related stories already shown); the stories just after it
 * when fewer came before. Anchored in time like `relatedStories`, so publishing a story changes this
 * block only on the few pages of its section that have fewer than `count` earlier stories, not on
 * every page of the section.
 */
export function moreFromSection<T extends RelatableStory>(
  story: T,
  index: RelatedIndex<T>,
  { count = 4, exclude }: { count?: number; exclude?: ReadonlySet<string> } = {},
): T[] {
  const out: T[] = [];
  if (count <= 0) return out;
  const key = sectionKey(story.data.section);
  const list = index.lists.get(key) ?? [];
  const at = index.positions.get(key)?.get(story.id) ?? -1;
  const take = (candidate: T | undefined) => {
    if (!candidate || candidate.id === story.id || exclude?.has(candidate.id)) return;
    out.push(candidate);
  };
  // The list is newest first: older stories follow the story, newer ones precede it.
  for (let i = at + 1; i < list.length && out.length < count; i++) take(list[i]);
  for (let i = at - 1; i >= 0 && out.length < count; i--) take(list[i]);
  return out;
}
