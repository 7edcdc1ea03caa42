import { describe, expect, it } from 'vitest';
import { mostReadList, parseMostRead } from './most-read.ts';

const SOURCE = 'src/data/most-read.json';
const stories = [
  { id: 'cup-final', slug: undefined },
  { id: 'russia-syria-sovereignty', slug: 'روسيا-وسوريا' },
  { id: 'solar-plant', slug: undefined },
];
const names = (story: (typeof stories)[number]) => [story.id, story.slug];

describe('parseMostRead', () => {
  it('reads the period and the stories', () => {
    const file = parseMostRead('{"period":"week","stories":[{"story":"cup-final","views":3}]}', SOURCE);
    expect(file).toEqual({ period: 'week', stories: [{ story: 'cup-final', views: 3 }] });
  });

  it('names the file and the field at fault', () => {
    expect(() => parseMostRead('{"period":"month","stories":[{"views":3}]}', SOURCE)).toThrow(
      /^src\/data\/most-read\.json is not a most-read file the theme can read:\n {2}- period: must be "day" or "week"[^\n]*\n {2}- stories\[0\]\.story: is required/,
    );
    expect(() => parseMostRead('{"period":', SOURCE)).toThrow(/^src\/data\/most-read\.json is not JSON/);
  });
});

describe('mostReadList', () => {
  it('ranks by views, finds stories by id or slug, and cuts to the limit', () => {
    const file = parseMostRead(
      JSON.stringify({
        period: 'day',
        stories: [
          { story: 'solar-plant', views: 10 },
          { story: 'روسيا-وسوريا', views: 90 },
          { story: 'cup-final', views: 50 },
        ],
      }),
      SOURCE,
    );
    expect(mostReadList(file, stories, names, 2, SOURCE).stories.map((s) => s.id)).toEqual([
      'russia-syria-sovereignty',
      'cup-final',
    ]);
  });

  it('keeps the file’s order without views, and reports an entry that names no story', () => {
    const file = parseMostRead(
      '{"period":"day","stories":[{"story":"solar-plant"},{"story":"deleted-story"},{"story":"cup-final"},{"story":"solar-plant"}]}',
      SOURCE,
    );
    const list = mostReadList(file, stories, names, 5, SOURCE);
    expect(list.stories.map((s) => s.id)).toEqual(['solar-plant', 'cup-final']);
    expect(list.unknown).toEqual([
      'src/data/most-read.json: stories[1] names "deleted-story", which is no published story (no story file of that name, and no story with that id or slug): it is left out of the most-read list.',
    ]);
  });
});
