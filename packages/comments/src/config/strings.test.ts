import { describe, expect, it } from 'vitest';
import { defaultStrings, format, formatCommentDate, formatCount, resolveStrings } from './strings.ts';

describe('strings', () => {
  it('has the WordPress Arabic strings', () => {
    expect(defaultStrings['form.title']).toBe('اترك تعليقاً');
    expect(defaultStrings.pending).toBe('تعليقك في انتظار المراجعة.');
    expect(defaultStrings.closed).toBe('التعليقات مغلقة.');
    expect(defaultStrings['error.flood']).toBe('أنت تقوم بنشر التعليقات بسرعة كبيرة. تمهّل قليلاً.');
  });
  it('counts with the six Arabic plural forms', () => {
    const s = defaultStrings;
    expect([0, 1, 2, 3, 11, 100].map((n) => formatCount(s, n, 'ar-EG'))).toEqual([
      'لا توجد تعليقات',
      'تعليق واحد',
      'تعليقان',
      '٣ تعليقات',
      '١١ تعليقاً',
      '١٠٠ تعليق',
    ]);
    expect(formatCount(s, 5, 'ar-u-nu-latn')).toBe('5 تعليقات');
  });
  it('formats and overrides', () => {
    expect(format(defaultStrings['form.titleReply'], 'سارة')).toBe('اترك رداً على سارة');
    expect(resolveStrings({ 'form.title': 'شاركنا رأيك', bogus: 'x' })['form.title']).toBe('شاركنا رأيك');
    expect(formatCommentDate('2016-12-01T10:15:00.000Z', 'ar-SY-u-nu-arab', 'Asia/Damascus')).toContain(
      '٢٠١٦',
    );
  });
});
