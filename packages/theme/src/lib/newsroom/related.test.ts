import { describe, expect, it } from 'vitest';
import { buildRelatedIndex, moreFromSection, relatedStories, type RelatableStory } from './related.ts';

let clock = Date.UTC(2016, 11, 1);
function story(id: string, section: string, tags: string[]): RelatableStory {
  clock -= 3_600_000; // each story an hour older than the one before: pass them newest first
  return { id, data: { published: new Date(clock), section, tags } };
}

const stories = [
  story('a', 'politics', ['روسيا', 'سوريا']),
  story('b', 'politics', ['سوريا']),
  story('c', 'economy', ['روسيا', 'سوريا']),
  story('d', 'politics', []),
  story('e', 'sports', ['كرة القدم']),
  story('f', 'economy', ['روسيا']),
];
const index = buildRelatedIndex(stories);
const ids = (list: RelatableStory[]) => list.map((s) => s.id);
/** The story at `i`, which the test built. */
const at = (list: RelatableStory[], i: number): RelatableStory => list[i] as RelatableStory;

describe('relatedStories', () => {
  it('ranks by shared tags, then section, then recency', () => {
    // c shares two tags (6); b one tag and the section (4); f one tag (3); d the section (1).
    expect(ids(relatedStories(at(stories, 0), index, { count: 10 }))).toEqual(['c', 'b', 'f', 'd']);
  });

  it('never returns the story itself', () => {
    for (const s of stories) expect(ids(relatedStories(s, index, { count: 10 }))).not.toContain(s.id);
  });

  it('prefers the newer of two equal candidates', () => {
    expect(ids(relatedStories(at(stories, 3), index, { count: 2 }))).toEqual(['a', 'b']);
  });

  it('returns nothing for a story that shares nothing', () => {
    expect(relatedStories(at(stories, 4), index)).toEqual([]);
  });

  it('leaves out excluded ids and honours the count', () => {
    expect(ids(relatedStories(at(stories, 0), index, { count: 2, exclude: new Set(['c']) }))).toEqual([
      'b',
      'f',
    ]);
    expect(relatedStories(at(stories, 0), index, { count: 0 })).toEqual([]);
  });

  it('considers at most `window` stories per key, the nearest in time', () => {
    const many = Array.from({ length: 50 }, (_, i) => story(`m${i}`, 'politics', ['x']));
    const idx = buildRelatedIndex(many);
    const picked = relatedStories(at(many, 25), idx, { count: 4, window: 4 });
    expect(ids(picked).sort()).toEqual(['m23', 'm24', 'm26', 'm27']);
  });
});

describe('the cost of related stories', () => {
  /** A newsroom where every story carries the same popular tag: the quadratic worst case of a naive scan. */
  function newsroom(n: number): RelatableStory[] {
    return Array.from({ length: n }, (_, i) =>
      story(`n${n}-${i}`, `s${i % 6}`, ['popular', `t${i % 31}`, `u${i % 13}`]),
    );
  }
  function lookups(n: number): number {
    const all = newsroom(n);
    const idx = buildRelatedIndex(all);
    const stats = { lookups: 0 };
    for (const s of all) relatedStories(s, idx, { stats });
    return stats.lookups;
  }

  it('grows linearly with the newsroom, not quadratically', () => {
    const small = lookups(5_000);
    const large = lookups(20_000);
    // Four times the stories: four times the work (a naive all-pairs scan would be sixteen times).
    expect(large / small).toBeGreaterThan(3.8);
    expect(large / small).toBeLessThan(4.2);
    // And bounded per story: keys × window.
    expect(large).toBeLessThanOrEqual(20_000 * 4 * 60);
  });
});

describe('moreFromSection', () => {
  it('lists the stories of the section published just before, then after, without the story and the excluded', () => {
    // politics, newest first: a, b, d. For b: d came before it, a after.
    expect(ids(moreFromSection(at(stories, 1), index, { count: 5 }))).toEqual(['d', 'a']);
    expect(ids(moreFromSection(at(stories, 1), index, { count: 5, exclude: new Set(['d']) }))).toEqual(['a']);
    expect(ids(moreFromSection(at(stories, 1), index, { count: 1 }))).toEqual(['d']);
    expect(ids(moreFromSection(at(stories, 0), index, { count: 2 }))).toEqual(['b', 'd']);
  });

  it('does not change for a story with enough earlier ones when a new story is published', () => {
    const before = buildRelatedIndex(stories);
    const fresh = {
      id: 'new',
      data: { published: new Date(Date.UTC(2016, 11, 2)), section: 'politics', tags: [] },
    };
    const after = buildRelatedIndex([fresh, ...stories]);
    expect(ids(moreFromSection(at(stories, 0), after, { count: 2 }))).toEqual(
      ids(moreFromSection(at(stories, 0), before, { count: 2 })),
    );
  });
});

describe('opinion in related news', () => {
  const news = (id: string, section: string, tags: string[]) => story(id, section, tags);
  const opinion = (id: string, section: string, tags: string[]): RelatableStory => {
    const s = story(id, section, tags);
    return { ...s, data: { ...s.data, kind: 'opinion' } };
  };
  const list = [
    news('report', 'politics', ['مياه']),
    opinion('same-section', 'politics', ['رأي عام']),
    opinion('same-tag', 'economy', ['مياه']),
    news('neighbour', 'politics', []),
  ];
  const built = buildRelatedIndex(list);

  it('leaves out an opinion piece that only shares the section, keeps one that shares a tag', () => {
    expect(ids(relatedStories(at(list, 0), built, { count: 10 }))).toEqual(['same-tag', 'neighbour']);
  });

  it('keeps opinion beside opinion by section, as any story', () => {
    expect(ids(relatedStories(at(list, 2), built, { count: 10 }))).toEqual(['report']);
    expect(ids(relatedStories(at(list, 1), built, { count: 10 }))).toEqual(['report', 'neighbour']);
  });
});
