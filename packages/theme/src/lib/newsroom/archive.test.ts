import { describe, expect, it } from 'vitest';
import { archivePath, groupByMonth, monthInstant } from './archive.ts';

const story = (id: string, iso: string) => ({ id, data: { published: new Date(iso) } });

describe('groupByMonth', () => {
  const stories = [
    story('d', '2017-01-01T10:00:00+02:00'),
    story('c', '2016-12-31T22:30:00Z'), // 00:30 on 1 January 2017 in Damascus (+02:00 that winter)
    story('b', '2016-12-01T14:20:00+02:00'),
    story('a', '2016-11-20T10:00:00+02:00'),
    story('z', '2015-03-02T10:00:00+02:00'),
  ];

  it('groups by the month in the newsroom zone, newest first, keeping the input order', () => {
    const years = groupByMonth(stories, 'Asia/Damascus');
    expect(years.map((y) => y.year)).toEqual(['2017', '2016', '2015']);
    expect(years[0]?.months.map((m) => [m.month, m.items.map((s) => s.id)])).toEqual([['01', ['d', 'c']]]);
    expect(years[1]?.months.map((m) => [m.month, m.items.map((s) => s.id)])).toEqual([
      ['12', ['b']],
      ['11', ['a']],
    ]);
    expect(years.map((y) => y.count)).toEqual([2, 2, 1]);
  });

  it('puts a story in another month when the zone says so', () => {
    const years = groupByMonth([story('c', '2016-12-31T22:30:00Z')], 'UTC');
    expect(years[0]?.year).toBe('2016');
  });

  it('loses no story', () => {
    const years = groupByMonth(stories, 'Asia/Damascus');
    expect(years.reduce((n, y) => n + y.months.reduce((m, mo) => m + mo.items.length, 0), 0)).toBe(
      stories.length,
    );
  });
});

describe('archivePath', () => {
  it('builds the archive, year and month paths under the base', () => {
    expect(archivePath('/')).toBe('/archive/');
    expect(archivePath('/', '2016')).toBe('/archive/2016/');
    expect(archivePath('/news/', '2016', '12')).toBe('/news/archive/2016/12/');
  });

  it('gives a mid-month instant for naming a month', () => {
    expect(monthInstant('2016', '12').toISOString()).toBe('2016-12-15T12:00:00.000Z');
  });
});
