/**
 * Comment times as the articles carry theirs: the machine-readable instant in the newsroom's time zone,
 * with its offset (`2016-12-01T14:20:00+02:00`), never a bare UTC `Z`. Pure.
 */

const MINUTE_MS = 60_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `timeZone`, in Western digits and the Gregorian calendar whatever the locale. */
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `Intl` knows the time zone (`Asia/Damascus`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    wallClock(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant `iso` as `<time datetime>` wants it: the local time in `timeZone` with its UTC offset,
 * seconds always, milliseconds when there are any, UTC as `+00:00`. An offset with seconds (local mean
 * time before 1920) is rounded to the minute, the wall time shifted with it: the same instant still.
 *
 * @example commentDatetime('2016-12-01T12:20:00.000Z', 'Asia/Damascus') // '2016-12-01T14:20:00+02:00'
 */
export function commentDatetime(iso: string, timeZone: string): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) throw new RangeError(`Not an instant: ${JSON.stringify(iso)}`);
  const parts: Record<string, number> = {};
  for (const part of wallClock(timeZone).formatToParts(new Date(t)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const seconds = Math.floor(t / 1000) * 1000;
  const asUtc = Date.UTC(
    parts['year'] ?? 0,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    parts['hour'] ?? 0,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  );
  const offset = Math.round((asUtc - seconds) / MINUTE_MS);
  const local = new Date(t + offset * MINUTE_MS);
  const ms = local.getUTCMilliseconds();
  const abs = Math.abs(offset);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    (ms === 0 ? '' : `.${pad(ms, 3)}`) +
    `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
