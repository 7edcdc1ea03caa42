/**
 * Instants and wall-clock times: parsing article dates strictly, in the newsroom's time zone (the zone
 * arithmetic is in `zone.ts`).
 */
import { assertTimeZone, DAY_MS, HOUR_MS, MINUTE_MS, offsetAt, pad } from './zone.ts';

export { assertTimeZone, assertValidDate, isoInZone, parseLongOffset, timeZoneOffsetMs } from './zone.ts';

/** An article date that cannot be read: malformed, impossible (30 February, hour 25) or an Invalid Date. */
export class DateInputError extends Error {
  override readonly name = 'DateInputError';
  /** The offending value, as given (Invalid Dates are shown as `"Invalid Date"`). */
  readonly input: string;

  constructor(input: string, message: string) {
    super(message);
    this.input = input;
  }
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Calendar fields of a date-time without a zone. */
interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The fields read as if they were UTC, as epoch milliseconds; `undefined` if any field overflowed. */
function fieldsToEpoch(f: Fields): number | undefined {
  const date = new Date(0);
  date.setUTCFullYear(f.year, f.month - 1, f.day); // setUTCFullYear does not map 0–99 to 1900–1999
  date.setUTCHours(f.hour, f.minute, f.second, f.millisecond);
  const roundTrips =
    date.getUTCFullYear() === f.year &&
    date.getUTCMonth() === f.month - 1 &&
    date.getUTCDate() === f.day &&
    date.getUTCHours() === f.hour &&
    date.getUTCMinutes() === f.minute &&
    date.getUTCSeconds() === f.second &&
    date.getUTCMilliseconds() === f.millisecond;
  return roundTrips ? date.getTime() : undefined;
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0); // day 0 of the next month = last day of this one
  return date.getUTCDate();
}

/** Why the fields do not name a real date-time (called only once the round-trip has failed). */
function explainOverflow(f: Fields): string {
  if (f.month < 1 || f.month > 12) {
    return `is not a real date: there is no month ${pad(f.month)} (months run 01–12)`;
  }
  const monthName = MONTH_NAMES[f.month - 1] ?? `month ${f.month}`;
  const days = daysInMonth(f.year, f.month);
  if (f.day < 1) return `is not a real date: there is no day 00 (days start at 01)`;
  if (f.day > days) return `is not a real date: ${monthName} ${f.year} has ${days} days`;
  if (f.hour > 23) return `is not a real time: hour ${pad(f.hour)} is out of range (00–23)`;
  if (f.minute > 59) return `is not a real time: minute ${pad(f.minute)} is out of range (00–59)`;
  if (f.second > 59) return `is not a real time: second ${pad(f.second)} is out of range (00–59)`;
  return 'is out of the range a JavaScript Date can hold';
}

const DATE_PART = String.raw`(\d{4})-(\d{2})-(\d{2})`;
const TIME_PART = String.raw`(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?`;
const WALL_RE = new RegExp(String.raw`^${DATE_PART}(?:[Tt ]${TIME_PART})?$`);
const OFFSET_RE = new RegExp(String.raw`^${DATE_PART}[Tt ]${TIME_PART}([Zz]|[+-]\d{2}(?::?\d{2})?)$`);

function toFields(match: RegExpExecArray): Fields {
  const [, year = '', month = '', day = '', hour = '0', minute = '0', second = '0', fraction = ''] = match;
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    millisecond: Number(fraction.padEnd(3, '0').slice(0, 3)), // sub-millisecond digits are dropped
  };
}

function fieldsToUtcEpoch(input: string, f: Fields): number {
  const epoch = fieldsToEpoch(f);
  if (epoch === undefined) {
    throw new DateInputError(input, `${JSON.stringify(input)} ${explainOverflow(f)}`);
  }
  return epoch;
}

function formatHint(timeZone: string): string {
  return (
    `expected a wall-clock time in ${timeZone} ("2016-12-01", "2016-12-01T10:30", "2016-12-01 10:30:00") ` +
    `or an ISO 8601 instant with an offset ("2016-12-01T10:30:00+03:00", "2016-12-01T07:30:00Z")`
  );
}

/**
 * Reads a wall-clock date-time without offset — `"2016-12-01T10:30"`, `"2016-12-01 10:30"`,
 * `"2016-12-01T10:30:15.250"` or a bare date `"2016-12-01"` (midnight) — as local time in `timeZone`
 * and returns the instant.
 *
 * Daylight-saving transitions are resolved like Temporal's `disambiguation: 'compatible'`:
 * - **Gap** (the clock jumps forward, so the time never happens — London 2016-03-27 01:30): the time
 *   is read with the offset in force *before* the jump, which lands the same distance *after* it
 *   (01:30 → 02:30 BST).
 * - **Overlap** (the clock falls back, so the time happens twice — London 2016-10-30 01:30): the
 *   *earlier* instant is returned (01:30 BST = 00:30Z).
 *
 * The candidate offsets are the zone's offsets from a day before to a day after; each is tried and kept
 * only if the zone really has that offset at the resulting instant.
 *
 * @throws {DateInputError} for malformed or impossible input ("2016-02-30", "2016-13-01", "25:00"),
 *   checked by round-tripping the fields so `Date` never silently rolls them over.
 * @throws {RangeError} for an unknown time zone.
 *
 * @example
 * zonedWallTimeToInstant('2016-12-01T10:30', 'Asia/Riyadh').toISOString(); // "2016-12-01T07:30:00.000Z"
 * zonedWallTimeToInstant('2016-12-01', 'Africa/Cairo').toISOString(); // "2016-11-30T22:00:00.000Z"
 * zonedWallTimeToInstant('2016-02-30', 'Asia/Riyadh'); // throws DateInputError: … February 2016 has 29 days
 */
export function zonedWallTimeToInstant(wall: string, timeZone: string): Date {
  assertTimeZone(timeZone);
  const match = WALL_RE.exec(wall);
  if (match === null) {
    throw new DateInputError(
      wall,
      `${JSON.stringify(wall)} is not a recognised date: ${formatHint(timeZone)}`,
    );
  }
  const wallAsUtc = fieldsToUtcEpoch(wall, toFields(match));

  const offsets = new Set([
    offsetAt(wallAsUtc - DAY_MS, timeZone),
    offsetAt(wallAsUtc, timeZone),
    offsetAt(wallAsUtc + DAY_MS, timeZone),
  ]);
  const valid = [...offsets]
    .map((offset) => wallAsUtc - offset)
    .filter((candidate) => wallAsUtc - offsetAt(candidate, timeZone) === candidate)
    .sort((a, b) => a - b);
  const earliest = valid[0];
  if (earliest !== undefined) return new Date(earliest);

  // In a gap: use the offset in force just before the transition.
  const largest = Math.max(...offsets);
  return new Date(wallAsUtc - offsetAt(wallAsUtc - largest, timeZone));
}

/**
 * Reads an article date strictly and returns the instant:
 * - a full ISO 8601 / RFC 3339 instant with `Z` or an offset (`"2016-12-01T10:00:00+03:00"`,
 *   `"2016-12-01T07:00Z"`, `"2016-12-01 10:00:00.5+0300"`), whatever `timeZone` is;
 * - a wall-clock string without offset, read in `timeZone` (see {@link zonedWallTimeToInstant});
 * - a valid `Date`, returned as a copy.
 *
 * Every string is matched against a strict pattern and its fields are round-tripped through `Date`, so
 * impossible values fail loudly instead of rolling over. Beware that YAML front matter turns an
 * unquoted `2016-12-01` into a `Date` at UTC midnight, which is the evening before in the Americas;
 * quote the value (or write the time and offset) to have it read in the newsroom's zone.
 *
 * @throws {DateInputError} for malformed or impossible strings and for Invalid Dates.
 * @throws {RangeError} for an unknown time zone (wall-clock strings only).
 *
 * @example
 * parseInstant('2016-12-01T10:00:00+03:00', 'UTC').toISOString(); // "2016-12-01T07:00:00.000Z"
 * parseInstant('2016-12-01 10:00', 'Asia/Riyadh').toISOString(); // "2016-12-01T07:00:00.000Z"
 * parseInstant('2016-02-30T10:00:00+03:00', 'UTC');
 * // throws DateInputError: "2016-02-30T10:00:00+03:00" is not a real date: February 2016 has 29 days
 */
export function parseInstant(value: string | Date, timeZone: string): Date {
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) throw new DateInputError('Invalid Date', 'The date is an Invalid Date');
    return new Date(time);
  }
  if (typeof value !== 'string') {
    throw new DateInputError(String(value), `Expected a date string or a Date, got ${typeof value}`);
  }
  const match = OFFSET_RE.exec(value);
  if (match === null) return zonedWallTimeToInstant(value, timeZone);

  const wallAsUtc = fieldsToUtcEpoch(value, toFields(match));
  const offsetText = match[8] ?? 'Z';
  let offset = 0;
  if (offsetText !== 'Z' && offsetText !== 'z') {
    const digits = offsetText.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2) || '0');
    if (hours > 23 || minutes > 59) {
      throw new DateInputError(value, `${JSON.stringify(value)} has an impossible UTC offset ${offsetText}`);
    }
    offset = (offsetText.startsWith('-') ? -1 : 1) * (hours * HOUR_MS + minutes * MINUTE_MS);
  }
  const instant = new Date(wallAsUtc - offset);
  if (Number.isNaN(instant.getTime())) {
    throw new DateInputError(
      value,
      `${JSON.stringify(value)} is out of the range a JavaScript Date can hold`,
    );
  }
  return instant;
}
