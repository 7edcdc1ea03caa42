import { describe, expect, it } from 'vitest';
import { opinionIndex } from './opinion.ts';

const story = (id: string, kind: string, day: number, authors: string[]) => ({
  id,
  data: { kind, published: new Date(Date.UTC(2016, 11, day)), authors: authors.map((a) => ({ id: a })) },
});

describe('opinionIndex', () => {
  const newestFirst = [
    story('news-5', 'news', 5, ['omar']),
    story('op-4', 'opinion', 4, ['layla']),
    story('op-3', 'opinion', 3, ['omar', 'layla']),
    story('analysis-2', 'analysis', 2, ['nour']),
    story('op-1', 'opinion', 1, ['omar']),
  ];

  it('lists the columnists by their newest piece, with how many they wrote', () => {
    const { columnists } = opinionIndex(newestFirst, 10);
    expect(columnists.map((c) => [c.id, c.latest.id, c.count])).toEqual([
      ['layla', 'op-4', 2],
      ['omar', 'op-3', 2],
    ]);
  });

  it('keeps only opinion pieces, newest first, up to the count asked', () => {
    expect(opinionIndex(newestFirst, 2).latest.map((s) => s.id)).toEqual(['op-4', 'op-3']);
    expect(opinionIndex(newestFirst, 0).latest).toEqual([]);
  });

  it('has no columnists where there is no opinion', () => {
    expect(opinionIndex([story('news', 'news', 1, ['omar'])], 5)).toEqual({ columnists: [], latest: [] });
  });
});
