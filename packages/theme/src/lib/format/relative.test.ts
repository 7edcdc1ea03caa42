import { describe, it, expect } from 'vitest';
import { TRANSLATIONS } from '../../config/strings.ts';
import {
  AGO_CATEGORIES,
  formatRelative,
  RELATIVE_UNITS,
  relativeValue,
  type AgoPhraseKey,
} from './relative.ts';

const NOW = new Date('2016-12-01T12:00:00+03:00');
const ago = (ms: number): Date => new Date(NOW.getTime() - ms);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const egypt = { locale: 'ar-EG', digits: 'arab' } as const;

describe('formatRelative', () => {
  it('says "two hours ago" and "yesterday" in Arabic', () => {
    expect(formatRelative(ago(2 * HOUR), NOW, egypt)).toBe('قبل ساعتين');
    expect(formatRelative(ago(DAY), NOW, egypt)).toBe('أمس');
    expect(formatRelative(ago(2 * DAY), NOW, egypt)).toBe('أول أمس');
  });

  it('says "now" for the same instant', () => {
    expect(formatRelative(NOW, NOW, egypt)).toBe('الآن');
    expect(formatRelative(ago(400), NOW, egypt)).toBe('الآن');
  });

  it('walks up the units', () => {
    const cases: Array<[number, string]> = [
      [30 * SECOND, 'قبل ٣٠ ثانية'],
      [3 * SECOND, 'قبل ٣ ثوانِ'],
      [59.4 * SECOND, 'قبل ٥٩ ثانية'],
      [59.6 * SECOND, 'قبل دقيقة واحدة'],
      [2 * MINUTE, 'قبل دقيقتين'],
      [11 * MINUTE, 'قبل ١١ دقيقة'],
      [59.5 * MINUTE, 'قبل ساعة واحدة'],
      [3 * HOUR, 'قبل ٣ ساعات'],
      [23 * HOUR, 'قبل ٢٣ ساعة'],
      [3 * DAY, 'قبل ٣ أيام'],
      [7 * DAY, 'الأسبوع الماضي'],
      [14 * DAY, 'قبل أسبوعين'],
      [29 * DAY, 'قبل ٤ أسابيع'],
      [30 * DAY, 'الشهر الماضي'],
      [61 * DAY, 'قبل شهرين'],
      [300 * DAY, 'قبل ١٠ أشهر'],
      [360 * DAY, 'السنة الماضية'],
      [3 * 365 * DAY, 'قبل ٣ سنوات'],
      [11 * 365.25 * DAY, 'قبل ١١ سنة'],
    ];
    for (const [elapsed, expected] of cases) expect(formatRelative(ago(elapsed), NOW, egypt)).toBe(expected);
  });

  it('handles the future', () => {
    expect(formatRelative(ago(-2 * HOUR), NOW, egypt)).toBe('خلال ساعتين');
    expect(formatRelative(ago(-DAY), NOW, egypt)).toBe('غدًا');
    expect(formatRelative(ago(-3 * SECOND), NOW, egypt)).toBe('خلال ٣ ثوانٍ');
  });

  it('pins digits (plain ar defaults to Western)', () => {
    expect(formatRelative(ago(3 * HOUR), NOW, { locale: 'ar', digits: 'arab' })).toBe('قبل ٣ ساعات');
    expect(formatRelative(ago(3 * HOUR), NOW, { locale: 'ar', digits: 'latn' })).toBe('قبل 3 ساعات');
  });

  it('counts calendar days in the zone when given one', () => {
    const now = new Date('2016-12-01T01:00:00+03:00');
    const dayBeforeYesterdayEvening = new Date('2016-11-29T19:00:00+03:00'); // 30 hours earlier
    expect(formatRelative(dayBeforeYesterdayEvening, now, egypt)).toBe('أمس');
    expect(formatRelative(dayBeforeYesterdayEvening, now, { ...egypt, timeZone: 'Asia/Riyadh' })).toBe(
      'أول أمس',
    );
    // Still under 24 hours: hours, not days.
    expect(
      formatRelative(new Date('2016-11-30T03:00:00+03:00'), now, { ...egypt, timeZone: 'Asia/Riyadh' }),
    ).toBe('قبل ٢٢ ساعة');
  });

  it('rejects Invalid Dates', () => {
    expect(() => formatRelative(new Date('nope'), NOW, egypt)).toThrow(RangeError);
    expect(() => formatRelative(NOW, new Date('nope'), egypt)).toThrow(RangeError);
  });
});

describe('relativeValue', () => {
  it('returns the value and unit, never -0', () => {
    expect(relativeValue(ago(2 * HOUR), NOW)).toEqual({ value: -2, unit: 'hour' });
    expect(relativeValue(ago(14 * DAY), NOW)).toEqual({ value: -2, unit: 'week' });
    expect(Object.is(relativeValue(ago(100), NOW).value, 0)).toBe(true);
  });

  it('is symmetric for past and future', () => {
    for (const elapsed of [5 * SECOND, 90 * MINUTE, 36 * HOUR, 45 * DAY, 800 * DAY]) {
      const past = relativeValue(ago(elapsed), NOW);
      const future = relativeValue(ago(-elapsed), NOW);
      expect(future.unit).toBe(past.unit);
      expect(future.value).toBe(-past.value);
    }
  });
});

describe('formatRelative with the newsroom’s phrases (relative.* UI strings)', () => {
  const strings = (language: 'ar' | 'en' | 'fa' | 'ur') => {
    const table = TRANSLATIONS[language] as Record<string, string>;
    return (key: AgoPhraseKey) => {
      const phrase = table[`relative.${key}`];
      if (phrase === undefined) throw new Error(`${language} has no relative.${key}`);
      return phrase;
    };
  };
  const arabic = { ...egypt, phrases: strings('ar') };

  it('says «منذ» with every Arabic plural category, in the site’s digits', () => {
    const cases: Array<[number, string]> = [
      // one, two, few (3–10), many (11–99), other (100 and more)
      [1 * MINUTE, 'منذ دقيقة'],
      [2 * MINUTE, 'منذ دقيقتين'],
      [3 * MINUTE, 'منذ ٣ دقائق'],
      [10 * MINUTE, 'منذ ١٠ دقائق'],
      [11 * MINUTE, 'منذ ١١ دقيقة'],
      [59 * MINUTE, 'منذ ٥٩ دقيقة'],
      [1 * HOUR, 'منذ ساعة'],
      [2 * HOUR, 'منذ ساعتين'],
      [5 * HOUR, 'منذ ٥ ساعات'],
      [11 * HOUR, 'منذ ١١ ساعة'],
      [1 * DAY, 'منذ يوم'],
      [2 * DAY, 'منذ يومين'],
      [3 * DAY, 'منذ ٣ أيام'],
      [2 * 7 * DAY, 'منذ أسبوعين'],
      [61 * DAY, 'منذ شهرين'],
      [11 * 30.5 * DAY, 'منذ ١١ شهراً'],
      [1 * 365.25 * DAY, 'منذ سنة'],
      [3 * 365.25 * DAY, 'منذ ٣ سنوات'],
      [100 * 365.25 * DAY, 'منذ ١٠٠ سنة'],
      [3 * SECOND, 'منذ ٣ ثوانٍ'],
      [45 * SECOND, 'منذ ٤٥ ثانية'],
    ];
    for (const [elapsed, expected] of cases) {
      expect(formatRelative(ago(elapsed), NOW, arabic), expected).toBe(expected);
    }
    expect(formatRelative(NOW, NOW, arabic)).toBe('الآن');
  });

  it('follows the digits option: Western digits for a site that prints them', () => {
    const western = { locale: 'ar', digits: 'latn', phrases: strings('ar') } as const;
    expect(formatRelative(ago(5 * HOUR), NOW, western)).toBe('منذ 5 ساعات');
    expect(formatRelative(ago(11 * MINUTE), NOW, western)).toBe('منذ 11 دقيقة');
  });

  it('counts calendar days in the zone: 30 hours across two midnights is «منذ يومين»', () => {
    const now = new Date('2016-12-01T01:00:00+03:00');
    const evening = new Date('2016-11-29T19:00:00+03:00');
    expect(formatRelative(evening, now, { ...arabic, timeZone: 'Asia/Riyadh' })).toBe('منذ يومين');
  });

  it('words the English, Persian and Urdu editions with their own phrases and digits', () => {
    const en = { locale: 'en-GB', digits: 'latn', phrases: strings('en') } as const;
    expect(formatRelative(ago(HOUR), NOW, en)).toBe('an hour ago');
    expect(formatRelative(ago(2 * HOUR), NOW, en)).toBe('2 hours ago');
    const fa = { locale: 'fa-IR', digits: 'arabext', phrases: strings('fa') } as const;
    expect(formatRelative(ago(MINUTE), NOW, fa)).toBe('یک دقیقه پیش');
    expect(formatRelative(ago(3 * MINUTE), NOW, fa)).toBe('۳ دقیقه پیش');
    const ur = { locale: 'ur-PK', digits: 'latn', phrases: strings('ur') } as const;
    expect(formatRelative(ago(HOUR), NOW, ur)).toBe('ایک گھنٹہ پہلے');
    expect(formatRelative(ago(5 * HOUR), NOW, ur)).toBe('5 گھنٹے پہلے');
  });

  it('has a phrase for every unit and category in each translation', () => {
    for (const language of ['ar', 'en', 'fa', 'ur'] as const) {
      const phrase = strings(language);
      for (const unit of RELATIVE_UNITS) for (const category of AGO_CATEGORIES) phrase(`${unit}.${category}`);
      phrase('now');
    }
  });

  it('leaves the future to Intl.RelativeTimeFormat', () => {
    expect(formatRelative(ago(-2 * HOUR), NOW, arabic)).toBe('خلال ساعتين');
  });
});
