/**
 * Time zones and UTC offsets: checking a zone's name, the offset at an instant, and the
 * machine-readable `<time datetime>` value with the newsroom's offset.
 *
 * Everything is computed with `Intl` time-zone data (no Temporal, no libraries), so results follow the
 * IANA database bundled with the runtime. Offsets change over the years (Damascus was UTC+2 in winter
 * 2016 and UTC+3 all year from 2022), which is why nothing here hard-codes an offset.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormats.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US-u-nu-latn', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Checks that `timeZone` is a time zone the runtime knows and returns its canonical spelling.
 *
 * @throws {RangeError} naming the time zone when it is unknown.
 *
 * @example
 * assertTimeZone('asia/riyadh'); // "Asia/Riyadh"
 * assertTimeZone('Mars/Olympus'); // throws RangeError: Unknown time zone "Mars/Olympus" …
 */
export function assertTimeZone(timeZone: string): string {
  try {
    return offsetFormat(timeZone).resolvedOptions().timeZone;
  } catch (cause) {
    throw new RangeError(
      `Unknown time zone ${JSON.stringify(timeZone)}: expected an IANA name such as "Asia/Riyadh", "Africa/Cairo" or "UTC"`,
      { cause },
    );
  }
}

/**
 * Parses an `Intl` `longOffset` time-zone name ("GMT+03:00", "GMT-03:30", "GMT+02:25:12" for local mean
 * time, or plain "GMT") into milliseconds east of UTC.
 *
 * @example
 * parseLongOffset('GMT+03:00'); // 10800000
 * parseLongOffset('GMT'); // 0
 */
export function parseLongOffset(text: string): number {
  const match = /^(?:GMT|UTC)(?:([-+\u2212])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/.exec(text);
  if (match === null) throw new Error(`Unexpected time-zone offset from Intl: ${JSON.stringify(text)}`);
  const [, sign, hours = '0', minutes = '0', seconds = '0'] = match;
  const ms = (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1000;
  return sign === '-' || sign === '\u2212' ? -ms : ms;
}

/**
 * Throws unless `instant` is a `Date` holding a real time (not an Invalid Date).
 *
 * @throws {RangeError} naming the caller.
 *
 * @example
 * assertValidDate(new Date('nope'), 'formatDate'); // throws RangeError: formatDate needs a valid Date, got Invalid Date
 */
export function assertValidDate(instant: Date, caller: string): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`${caller} needs a valid Date, got ${String(instant)}`);
  }
}

/** The offset of `timeZone` at an epoch time, in milliseconds east of UTC. */
export function offsetAt(epochMs: number, timeZone: string): number {
  let name: string | undefined;
  try {
    name = offsetFormat(timeZone)
      .formatToParts(epochMs)
      .find((part) => part.type === 'timeZoneName')?.value;
  } catch (cause) {
    assertTimeZone(timeZone);
    throw cause;
  }
  if (name === undefined) throw new Error(`Intl gave no offset for time zone ${JSON.stringify(timeZone)}`);
  return parseLongOffset(name);
}

/**
 * The UTC offset of `timeZone` at `instant`, in milliseconds east of UTC (negative west of it).
 *
 * @example
 * timeZoneOffsetMs(new Date('2016-12-01T07:00:00Z'), 'Asia/Riyadh'); // 10800000 (+03:00)
 * timeZoneOffsetMs(new Date('2016-07-01T07:00:00Z'), 'Europe/London'); // 3600000 (BST)
 */
export function timeZoneOffsetMs(instant: Date, timeZone: string): number {
  assertValidDate(instant, 'timeZoneOffsetMs');
  return offsetAt(instant.getTime(), timeZone);
}

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isoYear(year: number): string {
  if (year >= 0 && year <= 9999) return pad(year, 4);
  return (year < 0 ? '-' : '+') + pad(Math.abs(year), 6);
}

/**
 * The instant as an ISO 8601 / RFC 3339 string in `timeZone`'s local time with its UTC offset, as
 * `<time datetime>` wants: `"2016-12-01T10:00:00+03:00"`. Seconds are always written; milliseconds only
 * when non-zero. UTC is written `+00:00`, not `Z`. Daylight saving is followed (London is `+01:00` in
 * July and `+00:00` in December).
 *
 * Historic local-mean-time offsets with seconds (Damascus before 1920 was UTC+02:25:12) cannot be
 * written in RFC 3339; they are rounded to the minute and the wall time is shifted with them, so the
 * string still denotes exactly the same instant.
 *
 * @throws {RangeError} for an Invalid Date or an unknown time zone.
 *
 * @example
 * isoInZone(new Date('2016-12-01T07:00:00Z'), 'Asia/Riyadh'); // "2016-12-01T10:00:00+03:00"
 * isoInZone(new Date('2016-07-01T12:00:00Z'), 'Europe/London'); // "2016-07-01T13:00:00+01:00"
 */
export function isoInZone(instant: Date, timeZone: string): string {
  assertValidDate(instant, 'isoInZone');
  const t = instant.getTime();
  const offset = offsetAt(t, timeZone);
  const offsetMinutes = Math.sign(offset) * Math.round(Math.abs(offset) / MINUTE_MS);
  const local = new Date(t + offsetMinutes * MINUTE_MS);
  const ms = local.getUTCMilliseconds();
  const absMinutes = Math.abs(offsetMinutes);
  return (
    `${isoYear(local.getUTCFullYear())}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    (ms === 0 ? '' : `.${pad(ms, 3)}`) +
    `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(absMinutes / 60))}:${pad(absMinutes % 60)}`
  );
}
