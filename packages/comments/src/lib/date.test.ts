import { describe, expect, it } from 'vitest';
import { commentDatetime, isTimeZone } from './date.ts';

describe('commentDatetime', () => {
  it("writes the newsroom's local time with its offset, as the articles do", () => {
    expect(commentDatetime('2016-12-01T12:20:00.000Z', 'Asia/Damascus')).toBe('2016-12-01T14:20:00+02:00');
    expect(commentDatetime('2016-12-01T07:00:00.000Z', 'Asia/Riyadh')).toBe('2016-12-01T10:00:00+03:00');
    expect(commentDatetime('2016-12-01T07:00:00.000Z', 'UTC')).toBe('2016-12-01T07:00:00+00:00');
    expect(commentDatetime('2016-12-01T07:00:00.250Z', 'Asia/Tehran')).toBe('2016-12-01T10:30:00.250+03:30');
    expect(commentDatetime('2016-12-01T07:00:00.000Z', 'America/Caracas')).toBe('2016-12-01T03:00:00-04:00');
  });
  it('follows daylight saving and crosses midnight', () => {
    expect(commentDatetime('2016-07-01T12:00:00Z', 'Europe/London')).toBe('2016-07-01T13:00:00+01:00');
    expect(commentDatetime('2016-12-01T12:00:00Z', 'Europe/London')).toBe('2016-12-01T12:00:00+00:00');
    expect(commentDatetime('2016-12-01T23:30:00Z', 'Asia/Riyadh')).toBe('2016-12-02T02:30:00+03:00');
  });
  it('denotes the same instant', () => {
    for (const zone of ['Asia/Damascus', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns'])
      expect(new Date(commentDatetime('2024-03-31T00:59:59.999Z', zone)).toISOString()).toBe(
        '2024-03-31T00:59:59.999Z',
      );
  });
  it('refuses an unknown time zone or instant', () => {
    expect(isTimeZone('Asia/Damascus')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(() => commentDatetime('yesterday', 'UTC')).toThrow(RangeError);
  });
});
