import { describe, expect, it } from 'vitest';
import { numberRuns, startsLeftToRight } from './bidi.ts';

const isolated = (text: string) =>
  numberRuns(text)
    .filter((run) => run.isolate)
    .map((run) => run.text);

describe('numberRuns', () => {
  it('isolates numbers with a sign, which flip in right-to-left text', () => {
    expect(isolated('انخفض المؤشر −3 نقاط وارتفع الآخر +1.5 و±0.2')).toEqual(['−3', '+1.5']);
    expect(isolated('درجة الحرارة -4 ليلاً')).toEqual(['-4']);
    expect(isolated('التغير −٣٫٥ في المئة')).toEqual(['−٣٫٥']);
  });

  it('isolates a number with a Latin unit or a percent after a sign', () => {
    expect(isolated('سرعة 30km وحرارة −3°C ونمو +2.5%')).toEqual(['30km', '−3°C', '+2.5%']);
    expect(isolated('ملف حجمه 12 MB')).toEqual(['12 MB']);
  });

  it('leaves plain numbers, ranges, dates and names alone', () => {
    expect(isolated('عام 2016-2017 و٢٠١٦ وقمة G20')).toEqual([]);
    expect(isolated('الساعة ١٤:٢٠')).toEqual([]);
  });

  it('keeps every character, in order', () => {
    const text = 'من −3 إلى +1.5 درجة';
    expect(
      numberRuns(text)
        .map((run) => run.text)
        .join(''),
    ).toBe(text);
    expect(numberRuns('')).toEqual([]);
  });
});

describe('startsLeftToRight', () => {
  it('is true for a block in a Latin-script language', () => {
    expect(startsLeftToRight('"We will respond," said the minister.')).toBe(true);
    expect(startsLeftToRight('  — “Peace in our time,” كما قال')).toBe(true);
  });

  it('is false for Arabic that begins with a Latin name, or with a number', () => {
    expect(startsLeftToRight('CNN قالت إن الاجتماع انتهى دون اتفاق')).toBe(false);
    expect(startsLeftToRight('2016 عام صعب')).toBe(false);
    expect(startsLeftToRight('')).toBe(false);
  });
});
