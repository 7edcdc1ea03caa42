import { describe, expect, it } from 'vitest';
import { clockSourcesFromEnv, resolveClock } from './clock.ts';

const fallback = new Date('2026-12-01T09:00:00Z');

describe('resolveClock', () => {
  it('takes the `now` option first', () => {
    const clock = resolveClock(
      { option: '2016-12-01T16:00:00.000Z', buildTime: '2020-01-01T00:00:00Z', sourceDateEpoch: '0' },
      fallback,
    );
    expect(clock.toISOString()).toBe('2016-12-01T16:00:00.000Z');
  });

  it('then KHABAR_BUILD_TIME, then SOURCE_DATE_EPOCH, then the fallback', () => {
    expect(resolveClock({ buildTime: '2016-12-02T08:00:00+02:00' }, fallback).toISOString()).toBe(
      '2016-12-02T06:00:00.000Z',
    );
    expect(resolveClock({ sourceDateEpoch: '1480608000' }, fallback).toISOString()).toBe(
      '2016-12-01T16:00:00.000Z',
    );
    expect(resolveClock({ buildTime: '  ', sourceDateEpoch: '' }, fallback)).toBe(fallback);
  });

  it('names the variable that holds no time', () => {
    expect(() => resolveClock({ buildTime: 'yesterday' }, fallback)).toThrow(/KHABAR_BUILD_TIME="yesterday"/);
    expect(() => resolveClock({ sourceDateEpoch: '12.5' }, fallback)).toThrow(/SOURCE_DATE_EPOCH="12.5"/);
  });

  it('reads its sources from an environment', () => {
    expect(clockSourcesFromEnv(undefined, { SOURCE_DATE_EPOCH: '1', KHABAR_BUILD_TIME: undefined })).toEqual({
      option: undefined,
      buildTime: undefined,
      sourceDateEpoch: '1',
    });
  });
});

describe('resolveClock with nothing set', () => {
  it('is the fallback', () => {
    expect(resolveClock({}, fallback)).toBe(fallback);
  });
});
