/**
 * What the home page shows, decided from plain data: the breaking strip, the lead story, the top stories,
 * one block per section and the latest list. The clock is passed in (the build's time), so the choice is
 * testable and a build can be made reproducible.
 */

export interface HomeStory {
  id: string;
  data: { published: Date; section: string; breaking: boolean; pinned?: boolean; draft?: boolean };
}

export interface HomeOptions {
  /** Top stories after the lead. */
  topStories: number;
  /** Section slugs, in the order their blocks appear. */
  sections: readonly string[];
  /** Stories per section block. */
  storiesPerSection: number;
  /** Length of the latest list. */
  latest: number;
  /** A story flagged `breaking` stays in the strip this many hours after it was published. */
  breakingHours: number;
  /** The instant the window is measured back from: the build's time. */
  now: Date;
}

export interface HomeLayout<T> {
  breaking: T[];
  lead: T | undefined;
  top: T[];
  blocks: { section: string; stories: T[] }[];
  latest: T[];
}

/**
 * Breaking stories published within `hours` before `now` (not after it: a story scheduled for later is
 * not news yet), newest first.
 */
export function breakingStories<T extends HomeStory>(stories: readonly T[], hours: number, now: Date): T[] {
  const end = now.getTime();
  const start = end - hours * 3_600_000;
  return stories.filter((s) => {
    const t = s.data.published.getTime();
    return s.data.breaking && t >= start && t <= end;
  });
}

/**
 * The home page's lead: the newest story pinned (`pinned: true`) that is published by `now` (not a draft,
 * not scheduled for later), else the newest story.
 */
export function leadStory<T extends HomeStory>(stories: readonly T[], now: Date): T | undefined {
  const end = now.getTime();
  const pinned = stories.find(
    (s) => s.data.pinned === true && s.data.draft !== true && s.data.published.getTime() <= end,
  );
  return pinned ?? stories[0];
}

/**
 * The home page from stories sorted newest first. The lead is the newest pinned story, else the newest
 * (`leadStory`); the top stories are the newest others; each section block shows the newest of its
 * section that are not already in the lead or the top stories (a block left with nothing is dropped);
 * the latest list is the newest overall, a pinned lead included where its date puts it.
 */
export function homeLayout<T extends HomeStory>(stories: readonly T[], options: HomeOptions): HomeLayout<T> {
  const lead = leadStory(stories, options.now);
  const wantedTop = Math.max(0, options.topStories);
  const top = stories
    .slice(0, wantedTop + 1)
    .filter((s) => s !== lead)
    .slice(0, wantedTop);
  const shown = new Set([lead, ...top].filter(Boolean).map((s) => (s as T).id));
  const wanted = new Set(options.sections);
  const perSection = new Map<string, T[]>(options.sections.map((slug) => [slug, []]));
  const count = Math.max(0, options.storiesPerSection);
  // One pass: each story fills its section's block until the block is full.
  for (const story of stories) {
    if (shown.has(story.id) || !wanted.has(story.data.section)) continue;
    const block = perSection.get(story.data.section) as T[];
    if (block.length < count) block.push(story);
  }
  return {
    breaking: breakingStories(stories, options.breakingHours, options.now),
    lead,
    top,
    blocks: options.sections
      .map((section) => ({ section, stories: perSection.get(section) ?? [] }))
      .filter((block) => block.stories.length > 0),
    latest: stories.slice(0, Math.max(0, options.latest)),
  };
}
