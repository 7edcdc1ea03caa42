import { describe, expect, it } from 'vitest';
import {
  gmtToInstant,
  mostFrequent,
  observedOffset,
  offsetZone,
  postInstant,
  wallClockToInstant,
} from './dates.ts';

describe('WordPress dates', () => {
  it('reads post_date_gmt as the instant', () => {
    expect(gmtToInstant('2016-12-01 11:20:00')?.toISOString()).toBe('2016-12-01T11:20:00.000Z');
    expect(gmtToInstant('0000-00-00 00:00:00')).toBeUndefined();
    expect(gmtToInstant('')).toBeUndefined();
  });

  it('falls back to post_date in the time zone when the GMT date is zero', () => {
    const result = postInstant('0000-00-00 00:00:00', '2016-12-01 14:20:00', 'Asia/Damascus');
    expect(result?.from).toBe('local');
    // Damascus was UTC+2 in December 2016.
    expect(result?.instant.toISOString()).toBe('2016-12-01T12:20:00.000Z');
    expect(postInstant('2016-12-01 11:20:00', '2016-12-01 14:20:00', 'Asia/Damascus')?.from).toBe('gmt');
    expect(postInstant('', '', 'UTC')).toBeUndefined();
  });

  it('follows daylight saving time and fixed offsets', () => {
    expect(wallClockToInstant('2016-07-01 14:20:00', 'Asia/Damascus')?.toISOString()).toBe(
      '2016-07-01T11:20:00.000Z',
    );
    expect(wallClockToInstant('2016-07-01 14:20:00', '+03:00')?.toISOString()).toBe(
      '2016-07-01T11:20:00.000Z',
    );
    expect(wallClockToInstant('2016-07-01 14:20:00', '-05:30')?.toISOString()).toBe(
      '2016-07-01T19:50:00.000Z',
    );
  });

  it('derives the site’s offset from the posts that have both dates', () => {
    expect(observedOffset('2016-12-01 14:20:00', '2016-12-01 11:20:00')).toBe(180);
    expect(observedOffset('2016-12-01 14:20:00', '0000-00-00 00:00:00')).toBeUndefined();
    expect(offsetZone(180)).toBe('+03:00');
    expect(offsetZone(-330)).toBe('-05:30');
    expect(
      mostFrequent(
        new Map([
          [120, 3],
          [180, 5],
        ]),
      ),
    ).toBe(180);
    expect(mostFrequent(new Map())).toBeUndefined();
  });
});
