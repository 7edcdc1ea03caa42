import { describe, it, expect } from 'vitest';
import { assertTimeZone, assertValidDate, isoInZone, parseLongOffset, timeZoneOffsetMs } from './zone.ts';
const HOUR = 3_600_000;

describe('assertTimeZone', () => {
  it('returns the canonical name', () => {
    expect(assertTimeZone('asia/riyadh')).toBe('Asia/Riyadh');
  });

  it('names an unknown zone', () => {
    expect(() => assertTimeZone('Mars/Olympus')).toThrow(RangeError);
    expect(() => assertTimeZone('Mars/Olympus')).toThrow(/Unknown time zone "Mars\/Olympus"/);
  });
});

describe('assertValidDate', () => {
  it('rejects an Invalid Date and accepts a real one', () => {
    expect(() => {
      assertValidDate(new Date('nope'), 'formatDate');
    }).toThrow('formatDate needs a valid Date, got Invalid Date');
    expect(() => {
      assertValidDate(new Date(0), 'formatDate');
    }).not.toThrow();
  });
});

describe('parseLongOffset', () => {
  it('reads the forms Intl produces, including plain "GMT"', () => {
    expect(parseLongOffset('GMT')).toBe(0);
    expect(parseLongOffset('GMT+00:00')).toBe(0);
    expect(parseLongOffset('GMT+03:00')).toBe(3 * HOUR);
    expect(parseLongOffset('GMT-03:30')).toBe(-3.5 * HOUR);
    expect(parseLongOffset('GMT+05:45')).toBe(5.75 * HOUR);
    expect(parseLongOffset('GMT+02:25:12')).toBe((2 * 3600 + 25 * 60 + 12) * 1000);
    expect(parseLongOffset('GMT\u221205:00')).toBe(-5 * HOUR);
  });

  it('rejects anything else', () => {
    expect(() => parseLongOffset('EST')).toThrow(/Unexpected time-zone offset/);
  });
});

describe('timeZoneOffsetMs', () => {
  it('follows daylight saving time', () => {
    expect(timeZoneOffsetMs(new Date('2016-07-01T12:00:00Z'), 'Europe/London')).toBe(HOUR);
    expect(timeZoneOffsetMs(new Date('2016-12-01T12:00:00Z'), 'Europe/London')).toBe(0);
  });

  it('follows changes of standard offset over the years (Syria moved to UTC+3 in 2022)', () => {
    expect(timeZoneOffsetMs(new Date('2016-12-01T12:00:00Z'), 'Asia/Damascus')).toBe(2 * HOUR);
    expect(timeZoneOffsetMs(new Date('2023-12-01T12:00:00Z'), 'Asia/Damascus')).toBe(3 * HOUR);
  });
});

describe('isoInZone', () => {
  it('writes the seed article day in Riyadh with seconds and offset', () => {
    expect(isoInZone(new Date('2016-12-01T07:00:00Z'), 'Asia/Riyadh')).toBe('2016-12-01T10:00:00+03:00');
    expect(isoInZone(new Date('2016-12-01T07:00:00Z'), 'Europe/Moscow')).toBe('2016-12-01T10:00:00+03:00');
  });

  it('writes +00:00, not Z, for UTC and for London in winter', () => {
    expect(isoInZone(new Date('2016-12-01T12:00:00Z'), 'UTC')).toBe('2016-12-01T12:00:00+00:00');
    expect(isoInZone(new Date('2016-12-01T12:00:00Z'), 'Europe/London')).toBe('2016-12-01T12:00:00+00:00');
  });

  it('is correct across DST in London and Beirut', () => {
    expect(isoInZone(new Date('2016-07-01T12:00:00Z'), 'Europe/London')).toBe('2016-07-01T13:00:00+01:00');
    expect(isoInZone(new Date('2016-07-01T12:00:00Z'), 'Asia/Beirut')).toBe('2016-07-01T15:00:00+03:00');
    expect(isoInZone(new Date('2016-12-01T12:00:00Z'), 'Asia/Beirut')).toBe('2016-12-01T14:00:00+02:00');
  });

  it('writes the date on the far side of midnight when the zone is there', () => {
    expect(isoInZone(new Date('2016-11-30T22:30:00Z'), 'Asia/Riyadh')).toBe('2016-12-01T01:30:00+03:00');
  });

  it('handles negative and non-whole-hour offsets and keeps milliseconds', () => {
    expect(isoInZone(new Date('2016-12-01T07:00:00.042Z'), 'America/St_Johns')).toBe(
      '2016-12-01T03:30:00.042-03:30',
    );
    expect(isoInZone(new Date('2016-12-01T07:00:00Z'), 'Asia/Kathmandu')).toBe('2016-12-01T12:45:00+05:45');
  });

  it('rounds local-mean-time offsets to the minute but keeps the instant exact', () => {
    const instant = new Date('1900-01-01T00:00:00Z'); // Damascus was UTC+02:25:12
    const iso = isoInZone(instant, 'Asia/Damascus');
    expect(iso).toBe('1900-01-01T02:25:00+02:25');
    expect(Date.parse(iso)).toBe(instant.getTime());
    const monrovia = new Date('1960-01-01T00:00:00Z'); // Liberia was UTC−00:44:30; half a minute rounds away from zero
    expect(isoInZone(monrovia, 'Africa/Monrovia')).toBe('1959-12-31T23:15:00-00:45');
    expect(Date.parse(isoInZone(monrovia, 'Africa/Monrovia'))).toBe(monrovia.getTime());
  });

  it('round-trips through Date.parse for many instants and zones', () => {
    const zones = [
      'Asia/Riyadh',
      'Europe/London',
      'Asia/Beirut',
      'America/New_York',
      'Asia/Tehran',
      'Pacific/Apia',
    ];
    for (let t = Date.UTC(2011, 0, 1); t < Date.UTC(2025, 0, 1); t += 37 * HOUR + 123_000) {
      for (const zone of zones) expect(Date.parse(isoInZone(new Date(t), zone))).toBe(t);
    }
  });

  it('pads years below 1000', () => {
    expect(isoInZone(new Date('0005-03-01T00:00:00Z'), 'UTC')).toBe('0005-03-01T00:00:00+00:00');
  });

  it('rejects Invalid Dates and unknown zones', () => {
    expect(() => isoInZone(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
    expect(() => isoInZone(new Date(0), 'Mars/Olympus')).toThrow(/Unknown time zone "Mars\/Olympus"/);
  });
});
