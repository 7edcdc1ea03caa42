/**
 * The build's one clock. Every time-dependent part of the site (the breaking strip, "the last 48 hours" of
 * the news sitemap, the feeds' last build date, the footer's year, whether a story still takes comments)
 * measures from this instant, resolved once per build and handed to the theme's routes and to
 * khabar-comments.
 */
import { userError } from './user-error.ts';

/** Where the clock can come from, in order of precedence. */
export interface ClockSources {
  /** The `now` option (already validated: an ISO instant). */
  option?: string | undefined;
  /** `KHABAR_BUILD_TIME`: an ISO instant. */
  buildTime?: string | undefined;
  /** `SOURCE_DATE_EPOCH`: seconds since 1970, for reproducible builds. */
  sourceDateEpoch?: string | undefined;
}

/**
 * The build's clock: the `now` option, else `KHABAR_BUILD_TIME`, else `SOURCE_DATE_EPOCH`, else `fallback`
 * (the moment the build starts).
 * @example resolveClock({ sourceDateEpoch: '1480608000' }, new Date()) // 2016-12-01T16:00:00.000Z
 * @throws when an environment variable holds something that is not a time, naming the variable.
 */
export function resolveClock(sources: ClockSources, fallback: Date): Date {
  if (sources.option) return new Date(sources.option);
  const buildTime = sources.buildTime?.trim();
  if (buildTime) {
    const date = new Date(buildTime);
    if (Number.isNaN(date.getTime())) {
      throw userError(
        `KHABAR_BUILD_TIME="${buildTime}" is not a date; use an ISO instant such as "2016-12-02T08:00:00+02:00"`,
      );
    }
    return date;
  }
  const epoch = sources.sourceDateEpoch?.trim();
  if (epoch) {
    const seconds = Number(epoch);
    if (!/^\d+$/.test(epoch) || !Number.isSafeInteger(seconds)) {
      throw userError(
        `SOURCE_DATE_EPOCH="${epoch}" is not a number of seconds since 1970-01-01 (e.g. "1480608000")`,
      );
    }
    return new Date(seconds * 1000);
  }
  return fallback;
}

/** The clock's sources in this process's environment. */
export function clockSourcesFromEnv(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): ClockSources {
  return {
    option,
    buildTime: env['KHABAR_BUILD_TIME'],
    sourceDateEpoch: env['SOURCE_DATE_EPOCH'],
  };
}
