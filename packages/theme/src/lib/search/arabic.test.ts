import { describe, expect, it } from 'vitest';
import { arabicWords, foldText, indexStems, lightStem, normalizeArabic, searchQueries } from './arabic.ts';

describe('normalizeArabic', () => {
  it('folds hamza seats, alif maqsura, ta marbuta and drops diacritics and tatweel', () => {
    expect(normalizeArabic('إرهابٌ')).toBe('ارهاب');
    expect(normalizeArabic('مستشفى')).toBe('مستشفي');
    expect(normalizeArabic('مدرسـة')).toBe('مدرسه');
  });
});

describe('lightStem', () => {
  it('meets the forms of one word', () => {
    const forms = [
      ['كتاب', 'الكتاب', 'والكتاب', 'بالكتاب', 'للكتاب', 'فالكتاب', 'كالكتاب'],
      ['وزير', 'الوزير', 'والوزير', 'بالوزير', 'للوزير'],
      ['برلمان', 'البرلمان', 'والبرلمان', 'بالبرلمان'],
      ['انتخابات', 'الانتخابات', 'والانتخابات', 'بالانتخابات'],
      ['إرهاب', 'الإرهاب', 'للإرهاب', 'للإرهابيين', 'الإرهابية'],
      ['روسيا', 'الروسية', 'وروسيا', 'الروسي'],
      ['سوريا', 'السورية', 'وسوريا', 'السوري'],
    ];
    for (const words of forms) {
      const stem = lightStem(words[0] ?? '');
      for (const word of words) expect(lightStem(word), word).toBe(stem);
    }
    expect(lightStem('للإرهابيين')).toBe('ارهاب');
  });

  it('keeps short words whole', () => {
    expect(lightStem('وزن')).toBe('وزن');
    expect(lightStem('الى')).toBe('الي');
  });

  it('leaves non-Arabic words alone', () => {
    expect(lightStem('G20')).toBe('G20');
  });
});

describe('indexStems', () => {
  it('indexes a word with an attached preposition under its bare stem too', () => {
    expect(indexStems('بسوريا')).toContain(lightStem('سوريا'));
    expect(indexStems('لسوريا')).toContain(lightStem('سوريا'));
    expect(indexStems('وبسوريا')).toContain(lightStem('سوريا'));
  });

  it('keeps the whole word for names that begin with those letters', () => {
    expect(indexStems('لبنان')).toContain(lightStem('لبنان'));
  });
});

describe('searchQueries and arabicWords', () => {
  it('runs the typed query, folded and stemmed', () => {
    expect(searchQueries('  الإرهاب   سوريا ')).toEqual(['الإرهاب سوريا', 'الارهاب سوريا', 'ارهاب سور']);
    // An attached preposition: the bare stem is searched too, which is what the article is indexed under.
    expect(searchQueries('لسوريا')).toEqual(['لسوريا', 'لسور', 'سور']);
    expect(indexStems('سوريا')).toContain(searchQueries('لسوريا').at(-1));
    expect(searchQueries('')).toEqual([]);
    expect(searchQueries('G20')).toEqual(['G20']);
  });

  it('finds the Arabic words of a text', () => {
    expect(arabicWords('قال لافروف (Lavrov) إنّ «روسيا» 2016')).toEqual(['قال', 'لافروف', 'إنّ', 'روسيا']);
  });
});

describe('folding across Arabic, Persian and Urdu spellings', () => {
  it('folds the yeh, kaf, teh marbuta and heh forms and the three digit sets alike', () => {
    const forms = ['كتابي', 'کتابی', 'كتابى'];
    expect(new Set(forms.map(normalizeArabic))).toEqual(new Set(['كتابي']));
    expect(normalizeArabic('مدرسة')).toBe(normalizeArabic('مدرسه'));
    expect(normalizeArabic('ہفتہ')).toBe(normalizeArabic('هفته'));
    expect(['٢٠١٦', '۲۰۱۶', '2016'].map(normalizeArabic)).toEqual(['2016', '2016', '2016']);
  });

  it('leaves Latin words and other letters as they are', () => {
    expect(foldText('G20 پژوهش 5G')).toBe('G20 پژوهش 5G');
  });

  it('runs the folded query, so what a Persian keyboard types meets what an Arabic one wrote', () => {
    expect(searchQueries('ایران ۲۰۱۶')).toContain('ايران 2016');
    expect(searchQueries('الروسی')).toContain(normalizeArabic('الروسي'));
  });
});
