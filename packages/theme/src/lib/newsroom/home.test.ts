import { describe, expect, it } from 'vitest';
import { breakingStories, homeLayout, leadStory, type HomeStory } from './home.ts';

const hour = 3_600_000;
const now = new Date('2016-12-01T18:00:00Z');
function story(id: string, section: string, hoursAgo: number, breaking = false): HomeStory {
  return { id, data: { published: new Date(now.getTime() - hoursAgo * hour), section, breaking } };
}
const stories = [
  story('future', 'politics', -2, true),
  story('p1', 'politics', 1, true),
  story('e1', 'economy', 2),
  story('p2', 'politics', 3),
  story('s1', 'sports', 5, true),
  story('e2', 'economy', 8),
  story('p3', 'politics', 10),
  story('e3', 'economy', 30, true),
];
const options = {
  topStories: 2,
  sections: ['economy', 'politics', 'sports', 'culture'],
  storiesPerSection: 2,
  latest: 4,
  breakingHours: 6,
  now,
};
const ids = (list: HomeStory[]) => list.map((s) => s.id);

describe('breakingStories', () => {
  it('keeps breaking stories of the last hours, not older, not scheduled', () => {
    expect(ids(breakingStories(stories, 6, now))).toEqual(['p1', 's1']);
    expect(ids(breakingStories(stories, 48, now))).toEqual(['p1', 's1', 'e3']);
    expect(breakingStories(stories, 6, new Date('2020-01-01T00:00:00Z'))).toEqual([]);
  });
});

describe('homeLayout', () => {
  const layout = homeLayout(stories, options);

  it('leads with the newest story and follows with the top stories', () => {
    expect(layout.lead?.id).toBe('future');
    expect(ids(layout.top)).toEqual(['p1', 'e1']);
  });

  it('fills section blocks in the configured order, without repeating the lead and top stories', () => {
    expect(layout.blocks.map((b) => [b.section, ids(b.stories)])).toEqual([
      ['economy', ['e2', 'e3']],
      ['politics', ['p2', 'p3']],
      ['sports', ['s1']],
    ]);
  });

  it('drops a section with nothing left to show', () => {
    expect(layout.blocks.map((b) => b.section)).not.toContain('culture');
  });

  it('lists the latest stories overall', () => {
    expect(ids(layout.latest)).toEqual(['future', 'p1', 'e1', 'p2']);
  });

  it('leads with the newest pinned story that is published, ahead of newer ones', () => {
    const pinned = (s: HomeStory, extra: Partial<HomeStory['data']> = {}): HomeStory => ({
      ...s,
      data: { ...s.data, pinned: true, ...extra },
    });
    const list = stories.map((s) => (s.id === 'p2' || s.id === 'p3' ? pinned(s) : s));
    const layout = homeLayout(list, options);
    expect(layout.lead?.id).toBe('p2');
    // The top stories are the newest others; the pinned lead is not repeated in a section block.
    expect(ids(layout.top)).toEqual(['future', 'p1']);
    expect(layout.blocks.find((b) => b.section === 'politics')?.stories.map((s) => s.id)).toEqual(['p3']);
    // The latest list stays in order of publication.
    expect(ids(layout.latest)).toEqual(['future', 'p1', 'e1', 'p2']);
  });

  it('passes over a pinned story that is scheduled or a draft', () => {
    const pin = (s: HomeStory, draft = false): HomeStory => ({
      ...s,
      data: { ...s.data, pinned: true, draft },
    });
    const rest = stories.slice(1, -2);
    const older = stories.at(-2) as HomeStory;
    const list = [pin(story('later', 'politics', -1)), ...rest, pin(story('d', 'economy', 9), true), older];
    // Neither pinned story counts: the newest story leads, as without pins…
    expect(leadStory(list, now)?.id).toBe('later');
    // …and an older pinned story that is published leads ahead of both.
    expect(leadStory([...list, pin(story('old', 'sports', 40))], now)?.id).toBe('old');
    expect(leadStory<HomeStory>([], now)).toBeUndefined();
  });

  it('handles an empty newsroom', () => {
    expect(homeLayout([], options)).toEqual({
      breaking: [],
      lead: undefined,
      top: [],
      blocks: [],
      latest: [],
    });
  });
});
