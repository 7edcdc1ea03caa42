import { describe, expect, it } from 'vitest';
import {
  pagesPartId,
  PART_SIZE,
  parallelPartsFrom,
  partSizeFrom,
  partsByMonth,
  partsManifest,
  type SearchPart,
} from './parts.ts';

/** Months newest first: `[['2016-12', 3], ['2016-11', 2]]` → five stories. */
const stories = (runs: [string, number][]) => runs.flatMap(([month, n]) => Array<string>(n).fill(month));
const summary = (parts: SearchPart[]) => parts.map((p) => `${p.id}:${p.count}`);

describe('partsByMonth', () => {
  it('keeps the newest month in a part of its own, and the older stories in one part when they fit', () => {
    const months = stories([
      ['2016-12', 3],
      ['2016-11', 200],
      ['2015-01', 1],
    ]);
    expect(partsByMonth(months, 204)).toEqual([
      { id: '2016-12', start: 0, count: 3, newest: '2016-12', oldest: '2016-12' },
      { id: '2016-11', start: 3, count: 201, newest: '2016-11', oldest: '2015-01' },
    ]);
    expect(partsByMonth(stories([['2016-12', 5]]), 204)).toEqual([
      { id: '2016-12', start: 0, count: 5, newest: '2016-12', oldest: '2016-12' },
    ]);
    expect(partsByMonth([], 10)).toEqual([]);
  });

  it('re-indexes only the newest month when a story is published in it', () => {
    const before = partsByMonth(
      stories([
        ['2016-12', 30],
        ['2016-11', 40],
        ['2016-10', 40],
      ]),
      100,
    );
    const after = partsByMonth(
      stories([
        ['2016-12', 31],
        ['2016-11', 40],
        ['2016-10', 40],
      ]),
      100,
    );
    expect(after.slice(1).map((p) => [p.newest, p.oldest, p.count])).toEqual(
      before.slice(1).map((p) => [p.newest, p.oldest, p.count]),
    );
    expect(after[0]?.count).toBe(31);
  });

  it('covers every story once, in order, newest part first', () => {
    const months = stories([
      ['2017-03', 40],
      ['2017-02', 35],
      ['2017-01', 50],
      ['2016-12', 45],
      ['2016-11', 30],
    ]);
    const parts = partsByMonth(months, 100);
    let next = 0;
    for (const part of parts) {
      expect(part.start).toBe(next);
      expect(part.count).toBeLessThanOrEqual(100);
      next += part.count;
    }
    expect(next).toBe(months.length);
    // Halves of fixed spans: 2017-03 | 2017-02…2017-01 | 2016-12…2016-11.
    expect(parts.map((p) => [p.newest, p.oldest])).toEqual([
      ['2017-03', '2017-03'],
      ['2017-02', '2017-01'],
      ['2016-12', '2016-11'],
    ]);
    expect(parts.map((p) => p.id)).toEqual(['2017-03', '2017-02', '2016-12']);
  });

  it('never splits a month that fits in a part', () => {
    const months = stories([
      ['2017-02', 60],
      ['2017-01', 60],
      ['2016-12', 60],
    ]);
    for (const part of partsByMonth(months, 100)) {
      expect(months[part.start - 1]).not.toBe(months[part.start]);
    }
  });

  it('cuts along spans fixed in time, so a new story changes the newest part alone', () => {
    // Five years of 150 stories a month, newest first, at 2,000 a part.
    const month = (i: number) => `${2012 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    const years = (counts: (i: number) => number) =>
      stories(Array.from({ length: 60 }, (_, k): [string, number] => [month(59 - k), counts(59 - k)]));
    const before = partsByMonth(
      years(() => 150),
      2_000,
    );
    const after = partsByMonth(
      years((i) => (i === 59 ? 151 : 150)),
      2_000,
    );
    const corrected = partsByMonth(
      years((i) => (i === 3 ? 149 : 150)),
      2_000,
    );
    const key = (p: SearchPart) => `${p.newest}…${p.oldest}:${p.count}`;
    expect(before.length).toBeGreaterThan(4);
    for (const part of before) expect(part.count).toBeLessThanOrEqual(2_000);
    // Only the part of the newest month differs (by one story); the others hold the same months.
    expect(after.map(key).slice(1)).toEqual(before.map(key).slice(1));
    expect(after[0]?.count).toBe((before[0]?.count ?? 0) + 1);
    // A story taken out of 2012-04 changes that part alone.
    const changed = corrected.map(key).filter((k, i) => k !== before.map(key)[i]);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/…2012-0[1-4]:/);
  });

  it('splits a month bigger than a part into nearly equal pieces, named after it', () => {
    const months = stories([
      ['2016-12', 1],
      ['2016-11', 15],
    ]);
    expect(summary(partsByMonth(months, 4))).toEqual([
      '2016-12:1',
      '2016-11:4',
      '2016-11-2:4',
      '2016-11-3:4',
      '2016-11-4:3',
    ]);
  });

  it('keeps ids unique when a month comes back in a list that is not sorted', () => {
    const months = stories([
      ['2016-12', 2],
      ['2016-11', 2],
      ['2016-12', 2],
    ]);
    expect(partsByMonth(months, 2).map((p) => p.id)).toEqual(['2016-12', '2016-11', '2016-12-2']);
  });

  it('refuses a part size below one story', () => {
    expect(() => partsByMonth(['2016-12'], 0)).toThrow(RangeError);
  });
});

describe('pagesPartId', () => {
  it('names the parts of stories read from their pages "pages", "pages-2"…', () => {
    expect([1, 2, 3].map(pagesPartId)).toEqual(['pages', 'pages-2', 'pages-3']);
  });
});

describe('partsManifest', () => {
  it('lists the parts in order, with their months when they have them', () => {
    expect(
      partsManifest([
        { id: '2016-12', stories: 3, newest: '2016-12', oldest: '2016-10' },
        { id: 'pages', stories: 1 },
      ]),
    ).toEqual({
      version: 1,
      parts: [
        { id: '2016-12', stories: 3, newest: '2016-12', oldest: '2016-10' },
        { id: 'pages', stories: 1 },
      ],
    });
  });
});

describe('PART_SIZE', () => {
  it('gives a newsroom of 30 stories a day a part a month, so a correction re-indexes its month alone', () => {
    // Two years, newest first: 30 stories a day, 28–31 days a month.
    const months: string[] = [];
    for (let at = Date.UTC(2018, 11, 31); at >= Date.UTC(2017, 0, 1); at -= 86_400_000) {
      months.push(...Array<string>(30).fill(new Date(at).toISOString().slice(0, 7)));
    }
    const parts = partsByMonth(months, PART_SIZE);
    expect(parts).toHaveLength(24);
    for (const part of parts) {
      expect(part.newest).toBe(part.oldest);
      expect(part.count).toBeLessThanOrEqual(PART_SIZE);
    }
  });
});

describe('partSizeFrom', () => {
  it('reads KHABAR_SEARCH_PART_SIZE, else the default', () => {
    expect(partSizeFrom({})).toBe(PART_SIZE);
    expect(partSizeFrom({ KHABAR_SEARCH_PART_SIZE: ' 2 ' })).toBe(2);
  });

  it('says what to write instead of a value that is not a number of stories', () => {
    expect(() => partSizeFrom({ KHABAR_SEARCH_PART_SIZE: 'small' })).toThrow(
      /KHABAR_SEARCH_PART_SIZE must be a whole number of stories, 1 or more \(it is "small"\)/,
    );
    expect(() => partSizeFrom({ KHABAR_SEARCH_PART_SIZE: '0' })).toThrow(/Unset it/);
  });
});

describe('parallelPartsFrom', () => {
  it('is 1 unless KHABAR_SEARCH_PARALLEL says how many, and refuses what is not a count', () => {
    expect(parallelPartsFrom({})).toBe(1);
    expect(parallelPartsFrom({ KHABAR_SEARCH_PARALLEL: ' 2 ' })).toBe(2);
    for (const bad of ['0', '1.5', 'two', '17'])
      expect(() => parallelPartsFrom({ KHABAR_SEARCH_PARALLEL: bad })).toThrow(
        new RegExp(`KHABAR_SEARCH_PARALLEL must be .* \\(it is "${bad}"\\)`),
      );
  });
});
