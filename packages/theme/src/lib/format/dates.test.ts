import { describe, it, expect } from 'vitest';
import {
  EGYPTIAN_MONTHS,
  LEVANTINE_MONTHS,
  formatDate,
  formatDateTime,
  formatHijri,
  formatTime,
  isoInZone,
  type DateOptions,
  type MonthStyle,
} from './dates.ts';

/** The seed article's day: Putin's address, Thursday 1 December 2016, 10:00 Moscow/Riyadh time. */
const SEED = new Date('2016-12-01T10:00:00+03:00');

const syria: DateOptions = {
  locale: 'ar-SY',
  digits: 'arab',
  timeZone: 'Asia/Damascus',
  monthStyle: 'locale',
};
const egypt: DateOptions = {
  locale: 'ar-EG',
  digits: 'arab',
  timeZone: 'Africa/Cairo',
  monthStyle: 'locale',
};
const saudi: DateOptions = { locale: 'ar-SA', digits: 'arab', timeZone: 'Asia/Riyadh', monthStyle: 'locale' };

describe('formatDate: month styles', () => {
  const cases: Array<[MonthStyle, string]> = [
    ['locale', 'الخميس، ١ كانون الأول ٢٠١٦'],
    ['egyptian', 'الخميس، ١ ديسمبر ٢٠١٦'],
    ['levantine', 'الخميس، ١ كانون الأول ٢٠١٦'],
    ['both', 'الخميس، ١ ديسمبر/كانون الأول ٢٠١٦'],
  ];
  for (const [monthStyle, expected] of cases) {
    it(`ar-SY, ${monthStyle}`, () => {
      expect(formatDate(SEED, { ...syria, monthStyle })).toBe(expected);
    });
  }

  it('gives Egyptian names in an Egyptian locale and Levantine ones on request', () => {
    expect(formatDate(SEED, egypt)).toBe('الخميس، ١ ديسمبر ٢٠١٦');
    expect(formatDate(SEED, { ...egypt, monthStyle: 'levantine' })).toBe('الخميس، ١ كانون الأول ٢٠١٦');
  });

  it('writes September the way the seed article does', () => {
    const september = new Date('2015-09-30T12:00:00+03:00');
    expect(formatDate(september, { ...syria, digits: 'latn', monthStyle: 'both' }, 'long')).toBe(
      '30 سبتمبر/أيلول 2015',
    );
  });

  it('keeps Maghreb names with monthStyle locale, and replaces them on request', () => {
    const morocco: DateOptions = {
      locale: 'ar-MA',
      digits: 'latn',
      timeZone: 'Africa/Casablanca',
      monthStyle: 'locale',
    };
    expect(formatDate(SEED, morocco)).toBe('الخميس، 1 دجنبر 2016');
    expect(formatDate(SEED, { ...morocco, monthStyle: 'egyptian' })).toBe('الخميس، 1 ديسمبر 2016');
    const january = new Date('2017-01-15T12:00:00Z');
    expect(formatDate(january, { ...morocco, locale: 'ar-DZ', timeZone: 'Africa/Algiers' }, 'long')).toBe(
      '15 جانفي 2017',
    );
  });

  it('uses every month of both tables', () => {
    for (let month = 0; month < 12; month += 1) {
      const instant = new Date(Date.UTC(2016, month, 15, 12));
      const both = formatDate(instant, { ...egypt, digits: 'latn', monthStyle: 'both' }, 'long');
      expect(both).toBe(`15 ${EGYPTIAN_MONTHS[month]}/${LEVANTINE_MONTHS[month]} 2016`);
    }
  });

  it('keeps the month tables in step with what Intl gives ar-EG and ar-SY', () => {
    const intlMonths = (locale: string): string[] =>
      Array.from({ length: 12 }, (_, month) =>
        new Intl.DateTimeFormat(`${locale}-u-ca-gregory`, { month: 'long', timeZone: 'UTC' }).format(
          new Date(Date.UTC(2016, month, 15)),
        ),
      );
    expect(intlMonths('ar-EG')).toEqual([...EGYPTIAN_MONTHS]);
    expect(intlMonths('ar-SY')).toEqual([...LEVANTINE_MONTHS]);
  });
});

describe('formatDate: digits, calendar and styles', () => {
  it('pins digits whatever the locale default', () => {
    expect(formatDate(SEED, { ...syria, digits: 'latn' })).toBe('الخميس، 1 كانون الأول 2016');
    expect(formatDate(SEED, { ...saudi, locale: 'ar', digits: 'arab' })).toBe('الخميس، ١ ديسمبر ٢٠١٦');
    expect(formatDate(SEED, { ...saudi, locale: 'ar', digits: 'latn' })).toBe('الخميس، 1 ديسمبر 2016');
  });

  it('pins the Gregorian calendar even when the locale asks for another', () => {
    expect(formatDate(SEED, { ...saudi, locale: 'ar-SA-u-ca-islamic-umalqura' })).toBe(
      'الخميس، ١ ديسمبر ٢٠١٦',
    );
  });

  it('supports long and medium styles; numeric months are left alone', () => {
    expect(formatDate(SEED, { ...syria, monthStyle: 'both' }, 'long')).toBe('١ ديسمبر/كانون الأول ٢٠١٦');
    expect(formatDate(SEED, { ...syria, monthStyle: 'both' }, 'medium')).toBe('٠١\u200F/١٢\u200F/٢٠١٦');
  });

  it('prints the calendar day in the time zone, not in UTC', () => {
    const lateNight = new Date('2016-11-30T22:30:00Z');
    expect(formatDate(lateNight, { ...saudi, monthStyle: 'egyptian' })).toBe('الخميس، ١ ديسمبر ٢٠١٦');
    expect(formatDate(lateNight, { ...saudi, timeZone: 'UTC', monthStyle: 'both' })).toBe(
      'الأربعاء، ٣٠ نوفمبر/تشرين الثاني ٢٠١٦',
    );
  });

  it('substitutes the month of the zone, not of UTC, across a month boundary', () => {
    const newYear = new Date('2016-12-31T22:30:00Z');
    expect(formatDate(newYear, { ...saudi, monthStyle: 'both' }, 'long')).toBe('١ يناير/كانون الثاني ٢٠١٧');
  });

  it('appends the Hijri date without repeating the weekday', () => {
    expect(formatDate(SEED, { ...saudi, hijri: true })).toBe('الخميس، ١ ديسمبر ٢٠١٦ (٢ ربيع الأول ١٤٣٨ هـ)');
    expect(formatDate(SEED, { ...syria, digits: 'latn', monthStyle: 'both', hijri: true })).toBe(
      'الخميس، 1 ديسمبر/كانون الأول 2016 (2 ربيع الأول 1438 هـ)',
    );
    expect(formatDate(SEED, { ...saudi, hijri: true }, 'long')).toBe('١ ديسمبر ٢٠١٦ (٢ ربيع الأول ١٤٣٨ هـ)');
    expect(formatDate(SEED, { ...saudi, hijri: false })).toBe('الخميس، ١ ديسمبر ٢٠١٦');
  });

  it('rejects Invalid Dates, unknown zones and malformed locales', () => {
    expect(() => formatDate(new Date('nope'), saudi)).toThrow(
      'formatDate needs a valid Date, got Invalid Date',
    );
    expect(() => formatDate(SEED, { ...saudi, timeZone: 'Asia/Atlantis' })).toThrow(
      /Unknown time zone "Asia\/Atlantis"/,
    );
    expect(() => formatDate(SEED, { ...saudi, locale: 'ar_SA' })).toThrow(/Invalid locale "ar_SA"/);
  });
});

describe('formatHijri', () => {
  it('gives the Umm al-Qura date of the seed article', () => {
    expect(formatHijri(SEED, saudi)).toBe('الخميس، ٢ ربيع الأول ١٤٣٨ هـ');
    expect(formatHijri(SEED, { ...saudi, digits: 'latn' }, 'long')).toBe('2 ربيع الأول 1438 هـ');
  });

  it('pins the Hijri calendar and the digits whatever the locale', () => {
    expect(formatHijri(SEED, { ...egypt, locale: 'ar-EG-u-ca-gregory' })).toBe(
      'الخميس، ٢ ربيع الأول ١٤٣٨ هـ',
    );
    expect(formatHijri(SEED, { locale: 'ar-MA', digits: 'arab', timeZone: 'Africa/Casablanca' })).toBe(
      'الخميس، ٢ ربيع الأول ١٤٣٨ هـ',
    );
  });

  it('follows the Umm al-Qura table (Ramadan 1445 began on 11 March 2024)', () => {
    const opts = { locale: 'ar-SA', digits: 'latn', timeZone: 'Asia/Riyadh' } as const;
    expect(formatHijri(new Date('2024-03-10T12:00:00+03:00'), opts, 'long')).toBe('29 شعبان 1445 هـ');
    expect(formatHijri(new Date('2024-03-11T12:00:00+03:00'), opts, 'long')).toBe('1 رمضان 1445 هـ');
  });

  it('changes day at midnight in the zone', () => {
    const instant = new Date('2016-11-30T22:30:00Z');
    expect(formatHijri(instant, saudi, 'long')).toBe('٢ ربيع الأول ١٤٣٨ هـ');
    expect(formatHijri(instant, { ...saudi, timeZone: 'UTC' }, 'long')).toBe('١ ربيع الأول ١٤٣٨ هـ');
  });
});

describe('formatTime', () => {
  const morning = new Date('2016-12-01T10:30:00+03:00');
  const evening = new Date('2016-12-01T22:05:00+03:00');

  it('uses the 12-hour clock with ص/م in most Arabic locales', () => {
    expect(formatTime(morning, saudi)).toBe('١٠:٣٠ ص');
    expect(formatTime(evening, { ...saudi, digits: 'latn' })).toBe('10:05 م');
    expect(formatTime(morning, { ...egypt, timeZone: 'Asia/Riyadh' })).toBe('١٠:٣٠ ص');
  });

  it('uses the 24-hour clock in ar-MA', () => {
    expect(formatTime(evening, { locale: 'ar-MA', digits: 'arab', timeZone: 'Asia/Riyadh' })).toBe('٢٢:٠٥');
  });

  it('honours an explicit hour cycle', () => {
    expect(formatTime(evening, { ...saudi, hourCycle: 'h23' })).toBe('٢٢:٠٥');
    expect(
      formatTime(evening, { locale: 'ar-MA', digits: 'latn', timeZone: 'Asia/Riyadh', hourCycle: 'h12' }),
    ).toBe('10:05 م');
  });

  it('shows the wall clock of the zone, DST and history included', () => {
    // Damascus was UTC+2 in December 2016, so 10:30 in Riyadh was 09:30 there.
    expect(formatTime(morning, syria)).toBe('٩:٣٠ ص');
    expect(
      formatTime(new Date('2016-07-01T12:00:00Z'), { ...saudi, digits: 'latn', timeZone: 'Europe/London' }),
    ).toBe('1:00 م');
  });

  it('rejects an Invalid Date', () => {
    expect(() => formatTime(new Date(Number.NaN), saudi)).toThrow(RangeError);
  });
});

describe('re-exports', () => {
  it('exposes isoInZone for <time datetime>', () => {
    expect(isoInZone(SEED, 'Asia/Riyadh')).toBe('2016-12-01T10:00:00+03:00');
  });
});

describe('formatDate in the Solar Hijri calendar', () => {
  it('prints the Persian date with Persian digits', () => {
    const thursday = new Date('2016-12-01T10:00:00+03:30');
    expect(
      formatDate(thursday, {
        locale: 'fa-IR',
        digits: 'arabext',
        timeZone: 'Asia/Tehran',
        monthStyle: 'locale',
        calendar: 'persian',
      }),
    ).toBe('پنجشنبه ۱۱ آذر ۱۳۹۵');
  });
});

describe('formatDate: Hijri first', () => {
  const gulf: DateOptions = { ...saudi, monthStyle: 'egyptian', hijri: 'first' };

  it('prints the weekday, the Hijri date, then the Gregorian after «الموافق», as Gulf outlets do', () => {
    expect(formatDate(SEED, gulf)).toBe('الخميس ٢ ربيع الأول ١٤٣٨ هـ الموافق ١ ديسمبر ٢٠١٦ م');
    expect(formatDate(SEED, gulf, 'long')).toBe('٢ ربيع الأول ١٤٣٨ هـ الموافق ١ ديسمبر ٢٠١٦ م');
  });

  it('takes the joining words of the site’s language', () => {
    expect(
      formatDate(SEED, { ...gulf, digits: 'latn', hijriFirst: '{hijri} – {gregorian} مـ' }, 'long'),
    ).toBe('2 ربيع الأول 1438 هـ – 1 ديسمبر 2016 مـ');
  });

  it('keeps the month names chosen for the Gregorian date', () => {
    expect(formatDate(SEED, { ...gulf, monthStyle: 'both' }, 'long')).toBe(
      '٢ ربيع الأول ١٤٣٨ هـ الموافق ١ ديسمبر/كانون الأول ٢٠١٦ م',
    );
  });
});

describe('the Hijri day offset (local moon sighting)', () => {
  it('moves the Hijri day and leaves the weekday and the Gregorian date', () => {
    expect(formatDate(SEED, { ...saudi, hijri: 'first', hijriOffset: 1 })).toBe(
      'الخميس ٣ ربيع الأول ١٤٣٨ هـ الموافق ١ ديسمبر ٢٠١٦ م',
    );
    expect(formatDate(SEED, { ...saudi, hijri: true, hijriOffset: -1 })).toBe(
      'الخميس، ١ ديسمبر ٢٠١٦ (١ ربيع الأول ١٤٣٨ هـ)',
    );
    expect(formatHijri(SEED, { ...saudi, hijriOffset: -1 })).toBe('الخميس، ١ ربيع الأول ١٤٣٨ هـ');
  });

  it('crosses a month boundary: 29 Shaban 1445 a day late is 1 Ramadan', () => {
    const opts = { locale: 'ar-SA', digits: 'latn', timeZone: 'Asia/Riyadh', hijriOffset: 1 } as const;
    expect(formatHijri(new Date('2024-03-10T12:00:00+03:00'), opts, 'long')).toBe('1 رمضان 1445 هـ');
  });

  it('refuses an offset beyond two days or a fraction, naming the option', () => {
    expect(() => formatHijri(SEED, { ...saudi, hijriOffset: 3 })).toThrow(/hijriOffset/);
    expect(() => formatHijri(SEED, { ...saudi, hijriOffset: 0.5 })).toThrow(/hijriOffset/);
  });
});

describe('formatDateTime', () => {
  // 14:20 in Damascus (UTC+2 in December 2016).
  const afternoon = new Date('2016-12-01T12:20:00Z');
  const damascus: DateOptions = { ...syria, monthStyle: 'egyptian' };

  it('prints the date, the hour on a 24-hour clock and the zone, as newsrooms print it', () => {
    expect(formatDateTime(afternoon, { ...damascus, zone: 'بتوقيت دمشق' })).toBe(
      'الخميس، ١ ديسمبر ٢٠١٦، الساعة ١٤:٢٠ (بتوقيت دمشق)',
    );
  });

  it('prints a 12-hour clock with ص/م, the Hijri date first, and no zone when asked', () => {
    expect(formatDateTime(afternoon, { ...damascus, hijri: 'first', hourCycle: 'h12', zone: false })).toBe(
      'الخميس ٢ ربيع الأول ١٤٣٨ هـ الموافق ١ ديسمبر ٢٠١٦ م، الساعة ٢:٢٠ م',
    );
  });

  it('reads the hour in the newsroom’s zone, not the machine’s', () => {
    expect(formatDateTime(afternoon, { ...saudi, digits: 'latn', zone: false }, 'long')).toBe(
      '1 ديسمبر 2016، الساعة 15:20',
    );
  });

  it('joins with the site’s own words', () => {
    expect(
      formatDateTime(
        afternoon,
        { ...damascus, digits: 'latn', dateTime: '{date} – {time}', zone: 'دمشق' },
        'long',
      ),
    ).toBe('1 ديسمبر 2016 – 14:20 (دمشق)');
  });
});
