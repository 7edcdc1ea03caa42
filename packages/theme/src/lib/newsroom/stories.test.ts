import { describe, expect, it } from 'vitest';
import { firstDuplicate, groupBy, publishedNewestFirst, scheduledAfter, zonedDateParts } from './stories.ts';

const story = (id: string, published: string, draft = false) => ({
  id,
  data: { published: new Date(published), draft, section: 's', tags: [], authors: [] },
});

describe('publishedNewestFirst', () => {
  it('drops drafts and sorts newest first, ties by id', () => {
    const sorted = publishedNewestFirst([
      story('b', '2016-11-30T10:00:00Z'),
      story('draft', '2016-12-02T10:00:00Z', true),
      story('c', '2016-12-01T10:00:00Z'),
      story('a', '2016-11-30T10:00:00Z'),
    ]);
    expect(sorted.map((s) => s.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('groupBy', () => {
  it('keeps order within groups and allows several keys per item', () => {
    const groups = groupBy(['x1', 'y1', 'x2'], (s) => [s[0] ?? '', 'all']);
    expect(groups.get('x')).toEqual(['x1', 'x2']);
    expect(groups.get('all')).toEqual(['x1', 'y1', 'x2']);
  });
});

describe('zonedDateParts', () => {
  it('gives the calendar date in the newsroom zone, not UTC', () => {
    expect(zonedDateParts(new Date('2016-11-30T22:30:00Z'), 'Asia/Riyadh')).toEqual({
      year: '2016',
      month: '12',
      day: '01',
    });
    expect(zonedDateParts(new Date('2016-11-30T22:30:00Z'), 'UTC').day).toBe('30');
  });
});

describe('firstDuplicate', () => {
  it('finds the first two items with the same key', () => {
    expect(firstDuplicate(['a/x', 'b/y', 'c/x'], (s) => s.slice(2))).toEqual(['a/x', 'c/x']);
    expect(firstDuplicate(['a', 'b'], (s) => s)).toBeUndefined();
  });
});

describe('scheduledAfter', () => {
  const newestFirst = [
    story('later', '2016-12-03T09:00:00Z'),
    story('due', '2016-12-01T18:00:00Z'),
    story('older', '2016-11-30T10:00:00Z'),
  ];

  it('leaves out the stories scheduled after the instant, and counts them', () => {
    const skipped = scheduledAfter(newestFirst, new Date('2016-12-01T18:00:00Z'));
    expect(newestFirst.slice(skipped).map((s) => s.id)).toEqual(['due', 'older']);
    expect(skipped).toBe(1);
  });

  it('keeps everything once every story is due, and nothing before the first', () => {
    expect(scheduledAfter(newestFirst, new Date('2030-01-01'))).toBe(0);
    expect(newestFirst.slice(scheduledAfter(newestFirst, new Date('2000-01-01')))).toEqual([]);
  });
});
