/**
 * WordPress's dates. `post_date_gmt` is the instant; WordPress leaves it `0000-00-00 00:00:00` for drafts
 * that were never scheduled, and then only `post_date`, a wall-clock time in the site's zone, is left.
 */

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/** The parts of a WordPress date, or undefined for an empty or zero date. */
function wallClock(text: string): number[] | undefined {
  const match = WALL_CLOCK.exec(text.trim());
  if (!match) return undefined;
  const parts = match.slice(1).map(Number);
  if (parts[0] === 0 || parts[1] === 0 || parts[2] === 0) return undefined;
  return parts;
}

function asUtc(parts: readonly number[]): number {
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** A time-zone argument: an IANA zone (`Asia/Damascus`), `UTC`, or a fixed offset (`+03:00`). */
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/** How far the zone's clock is ahead of UTC at an instant, in minutes. */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const fixed = OFFSET.exec(timeZone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]));
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((local - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** True when the zone is one `zoneOffsetMinutes` understands. */
export function isTimeZone(timeZone: string): boolean {
  if (OFFSET.test(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The instant a wall-clock time names in a zone (the earlier one when the clock is set back). */
export function wallClockToInstant(text: string, timeZone: string): Date | undefined {
  const parts = wallClock(text);
  if (!parts) return undefined;
  const local = asUtc(parts);
  let guess = local - zoneOffsetMinutes(local, timeZone) * 60_000;
  guess = local - zoneOffsetMinutes(guess, timeZone) * 60_000;
  return new Date(guess);
}

/** A GMT date of the export as an instant, or undefined when WordPress left it empty or zero. */
export function gmtToInstant(text: string): Date | undefined {
  const parts = wallClock(text);
  return parts ? new Date(asUtc(parts)) : undefined;
}

/** A post's instant: its GMT date, else its local date in the zone; with which one was used. */
export function postInstant(
  gmt: string,
  local: string,
  timeZone: string,
): { instant: Date; from: 'gmt' | 'local' } | undefined {
  const fromGmt = gmtToInstant(gmt);
  if (fromGmt) return { instant: fromGmt, from: 'gmt' };
  const fromLocal = wallClockToInstant(local, timeZone);
  return fromLocal ? { instant: fromLocal, from: 'local' } : undefined;
}

/**
 * The offset between a post's local and GMT dates, in minutes, or undefined when either is missing. The
 * most frequent one across an export is the site's offset, used when no `--time-zone` is given.
 */
export function observedOffset(local: string, gmt: string): number | undefined {
  const a = wallClock(local);
  const b = wallClock(gmt);
  if (!a || !b) return undefined;
  return Math.round((asUtc(a) - asUtc(b)) / 60_000);
}

/** A fixed offset in minutes as a time-zone argument (`+03:00`). */
export function offsetZone(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The most frequent of the observed offsets, or undefined when none was observed. */
export function mostFrequent(counts: ReadonlyMap<number, number>): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  for (const [offset, count] of counts) {
    if (count > bestCount) {
      best = offset;
      bestCount = count;
    }
  }
  return best;
}
