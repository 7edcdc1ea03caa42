import { describe, it, expect } from 'vitest';
import * as format from './index.ts';

describe('format public API', () => {
  it('exports every function and constant', () => {
    const names = Object.keys(format).sort();
    expect(names).toEqual(
      [
        'DEFAULT_SLUG_LENGTH',
        'DEFAULT_WORDS_PER_MINUTE',
        'ARAB_ZONE_CITIES',
        'DATE_AT_TIME',
        'HIJRI_FIRST',
        'MAX_HIJRI_OFFSET',
        'ZONE_CITY',
        'formatDateTime',
        'timeZoneLabel',
        'DateInputError',
        'EGYPTIAN_MONTHS',
        'LEVANTINE_MONTHS',
        'arabicSlug',
        'assertTimeZone',
        'countWords',
        'decodePathSegment',
        'encodePathSegment',
        'formatCount',
        'formatDate',
        'formatHijri',
        'formatList',
        'formatNumber',
        'formatReadingTime',
        'formatRelative',
        'formatTime',
        'isoInZone',
        'listParts',
        'localeWithExtensions',
        'parseInstant',
        'pluralCategory',
        'readingMinutes',
        'relativeValue',
        'timeZoneOffsetMs',
        'toDigits',
        'zonedWallTimeToInstant',
      ].sort(),
    );
  });

  it('formats the seed article end to end', () => {
    const published = format.parseInstant('2016-12-01 10:00', 'Asia/Riyadh');
    const options = {
      locale: 'ar-SA',
      digits: 'arab',
      timeZone: 'Asia/Riyadh',
      monthStyle: 'both',
      hijri: true,
    } as const satisfies format.DateOptions;
    expect(format.isoInZone(published, options.timeZone)).toBe('2016-12-01T10:00:00+03:00');
    expect(format.formatDate(published, options)).toBe(
      'الخميس، ١ ديسمبر/كانون الأول ٢٠١٦ (٢ ربيع الأول ١٤٣٨ هـ)',
    );
    expect(format.formatTime(published, options)).toBe('١٠:٠٠ ص');
  });
});
