import { describe, it, expect } from 'vitest';
import { DateInputError, isoInZone, parseInstant, zonedWallTimeToInstant } from './instant.ts';
const HOUR = 3_600_000;

/** The error `fn` throws (fails the test if it throws nothing). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('zonedWallTimeToInstant', () => {
  it('reads "T", space and date-only forms as wall-clock time in the zone', () => {
    expect(zonedWallTimeToInstant('2016-12-01T10:30', 'Asia/Riyadh').toISOString()).toBe(
      '2016-12-01T07:30:00.000Z',
    );
    expect(zonedWallTimeToInstant('2016-12-01 10:30', 'Asia/Riyadh').toISOString()).toBe(
      '2016-12-01T07:30:00.000Z',
    );
    expect(zonedWallTimeToInstant('2016-12-01', 'Africa/Cairo').toISOString()).toBe(
      '2016-11-30T22:00:00.000Z',
    );
    expect(zonedWallTimeToInstant('2016-12-01T10:30:15.25', 'UTC').toISOString()).toBe(
      '2016-12-01T10:30:15.250Z',
    );
  });

  it('uses the offset in force at that wall time (summer and winter)', () => {
    expect(zonedWallTimeToInstant('2016-07-01T12:00', 'Europe/London').toISOString()).toBe(
      '2016-07-01T11:00:00.000Z',
    );
    expect(zonedWallTimeToInstant('2016-12-01T12:00', 'Europe/London').toISOString()).toBe(
      '2016-12-01T12:00:00.000Z',
    );
    expect(zonedWallTimeToInstant('2016-12-01T10:00', 'Asia/Damascus').toISOString()).toBe(
      '2016-12-01T08:00:00.000Z',
    );
  });

  it('moves a time in a spring-forward gap forward by the gap (London 01:30 → 02:30 BST)', () => {
    const instant = zonedWallTimeToInstant('2016-03-27T01:30', 'Europe/London');
    expect(instant.toISOString()).toBe('2016-03-27T01:30:00.000Z');
    expect(isoInZone(instant, 'Europe/London')).toBe('2016-03-27T02:30:00+01:00');
  });

  it('handles the midnight gap in Beirut and the day Samoa skipped', () => {
    expect(isoInZone(zonedWallTimeToInstant('2016-03-27T00:30', 'Asia/Beirut'), 'Asia/Beirut')).toBe(
      '2016-03-27T01:30:00+03:00',
    );
    expect(isoInZone(zonedWallTimeToInstant('2011-12-30T12:00', 'Pacific/Apia'), 'Pacific/Apia')).toBe(
      '2011-12-31T12:00:00+14:00',
    );
  });

  it('picks the earlier instant of a repeated fall-back hour', () => {
    expect(zonedWallTimeToInstant('2016-10-30T01:30', 'Europe/London').toISOString()).toBe(
      '2016-10-30T00:30:00.000Z',
    );
    // Beirut falls back at midnight: 23:00–24:00 on 29 October happens at +03:00, then at +02:00.
    expect(zonedWallTimeToInstant('2016-10-29T23:30', 'Asia/Beirut').toISOString()).toBe(
      '2016-10-29T20:30:00.000Z',
    );
    expect(isoInZone(new Date('2016-10-29T21:30:00Z'), 'Asia/Beirut')).toBe('2016-10-29T23:30:00+02:00');
  });

  it('round-trips with isoInZone outside transitions', () => {
    for (const zone of ['Asia/Riyadh', 'Europe/London', 'Asia/Beirut', 'America/New_York']) {
      for (let t = Date.UTC(2016, 0, 1, 0, 7); t < Date.UTC(2017, 0, 1); t += 29 * HOUR) {
        const wall = isoInZone(new Date(t), zone).slice(0, 19);
        expect(zonedWallTimeToInstant(wall, zone).getTime()).toBe(t);
      }
    }
  });

  it('throws DateInputError explaining impossible dates and times', () => {
    const cases: Array<[string, string]> = [
      ['2016-02-30', '"2016-02-30" is not a real date: February 2016 has 29 days'],
      ['2015-02-29', '"2015-02-29" is not a real date: February 2015 has 28 days'],
      ['2016-04-31T10:00', '"2016-04-31T10:00" is not a real date: April 2016 has 30 days'],
      ['2016-13-01', '"2016-13-01" is not a real date: there is no month 13 (months run 01–12)'],
      ['2016-00-10', '"2016-00-10" is not a real date: there is no month 00 (months run 01–12)'],
      ['2016-12-00', '"2016-12-00" is not a real date: there is no day 00 (days start at 01)'],
      ['2016-12-01T25:00', '"2016-12-01T25:00" is not a real time: hour 25 is out of range (00–23)'],
      ['2016-12-01T24:00', '"2016-12-01T24:00" is not a real time: hour 24 is out of range (00–23)'],
      ['2016-12-01T10:60', '"2016-12-01T10:60" is not a real time: minute 60 is out of range (00–59)'],
      ['2016-12-01T23:59:60', '"2016-12-01T23:59:60" is not a real time: second 60 is out of range (00–59)'],
    ];
    for (const [input, message] of cases) {
      const error = thrown(() => zonedWallTimeToInstant(input, 'Asia/Riyadh'));
      expect(error).toBeInstanceOf(DateInputError);
      expect((error as DateInputError).message).toBe(message);
      expect((error as DateInputError).input).toBe(input);
      expect((error as DateInputError).name).toBe('DateInputError');
    }
  });

  it('accepts 29 February in a leap year', () => {
    expect(zonedWallTimeToInstant('2016-02-29', 'UTC').toISOString()).toBe('2016-02-29T00:00:00.000Z');
  });

  it('rejects malformed strings and strings with an offset', () => {
    for (const input of [
      '1 Dec 2016',
      '2016-12-1',
      '2016-12-01T10',
      '2016-12-01T10:30Z',
      ' 2016-12-01',
      '',
    ]) {
      expect(() => zonedWallTimeToInstant(input, 'UTC')).toThrow(DateInputError);
    }
    expect(() => zonedWallTimeToInstant('1 Dec 2016', 'UTC')).toThrow(
      /"1 Dec 2016" is not a recognised date/,
    );
  });

  it('rejects an unknown time zone', () => {
    expect(() => zonedWallTimeToInstant('2016-12-01', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('parseInstant', () => {
  it('reads full ISO 8601 instants whatever the zone', () => {
    expect(parseInstant('2016-12-01T10:00:00+03:00', 'UTC').toISOString()).toBe('2016-12-01T07:00:00.000Z');
    expect(parseInstant('2016-12-01T07:00:00Z', 'Asia/Riyadh').toISOString()).toBe(
      '2016-12-01T07:00:00.000Z',
    );
    expect(parseInstant('2016-12-01T07:00z', 'Asia/Riyadh').toISOString()).toBe('2016-12-01T07:00:00.000Z');
    expect(parseInstant('2016-12-01 10:00:00.5+0300', 'UTC').toISOString()).toBe('2016-12-01T07:00:00.500Z');
    expect(parseInstant('2016-12-01T10:00:00.123456-03:30', 'UTC').toISOString()).toBe(
      '2016-12-01T13:30:00.123Z',
    );
    expect(parseInstant('2016-12-01T10:00+03', 'UTC').toISOString()).toBe('2016-12-01T07:00:00.000Z');
  });

  it('reads wall-clock strings in the zone', () => {
    expect(parseInstant('2016-12-01 10:00', 'Asia/Riyadh').toISOString()).toBe('2016-12-01T07:00:00.000Z');
    expect(parseInstant('2016-12-01', 'Asia/Riyadh').toISOString()).toBe('2016-11-30T21:00:00.000Z');
  });

  it('returns a copy of a valid Date', () => {
    const date = new Date('2016-12-01T07:00:00Z');
    const parsed = parseInstant(date, 'UTC');
    expect(parsed).not.toBe(date);
    expect(parsed.getTime()).toBe(date.getTime());
  });

  it('rejects impossible dates in offset strings with a clear message', () => {
    const error = thrown(() => parseInstant('2016-02-30T10:00:00+03:00', 'UTC'));
    expect(error).toBeInstanceOf(DateInputError);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      '"2016-02-30T10:00:00+03:00" is not a real date: February 2016 has 29 days',
    );
    expect(() => parseInstant('2016-12-01T24:00:00Z', 'UTC')).toThrow(/hour 24 is out of range/);
  });

  it('rejects impossible offsets', () => {
    expect(() => parseInstant('2016-12-01T10:00:00+25:00', 'UTC')).toThrow(
      '"2016-12-01T10:00:00+25:00" has an impossible UTC offset +25:00',
    );
    expect(() => parseInstant('2016-12-01T10:00:00+03:60', 'UTC')).toThrow(DateInputError);
  });

  it('rejects what Date.parse would guess at', () => {
    for (const input of [
      'Thu, 01 Dec 2016 10:00:00 GMT',
      '12/01/2016',
      '2016-12-01T10:00:00 +03:00',
      '2016',
    ]) {
      expect(() => parseInstant(input, 'UTC')).toThrow(DateInputError);
    }
  });

  it('rejects an Invalid Date and non-string values', () => {
    expect(() => parseInstant(new Date('nope'), 'UTC')).toThrow(DateInputError);
    expect(() => parseInstant(20161201 as unknown as string, 'UTC')).toThrow(
      /Expected a date string or a Date/,
    );
  });
});
