import { describe, expect, it } from 'vitest';
import { arabicWords, indexStems, lightStem, normalizeArabic } from './arabic.ts';
import { extraStems, recordDocument, searchRecord, type SearchStory } from './record.ts';

const story: SearchStory = {
  locale: 'ar-EG',
  title: 'روسيا تطالب الغرب <بإحترام> السيادة',
  deck: 'لافروف يتحدث',
  description: 'وصف "الخبر" & تفاصيله',
  section: 'سياسة',
  date: 'الخميس ١ كانون الأول ٢٠١٦',
  authors: ['مها', 'سامر'],
  caption: 'لافروف',
  credit: 'رويترز',
  tags: ['سوريا', 'الكرملين'],
  html:
    '<p>التعاون بسوريا لمكافحة <strong>الإرهاب</strong> &amp; للإرهابيين</p>' +
    '<script>var x = "البرلمان";</script><h2>تتمة</h2><p>قال الوزير</p>',
};

describe('searchRecord', () => {
  it('gives a result its headline, description, section and date', () => {
    expect(searchRecord(story).meta).toEqual({
      title: 'روسيا تطالب الغرب <بإحترام> السيادة',
      description: 'وصف "الخبر" & تفاصيله',
      section: 'سياسة',
      date: 'الخميس ١ كانون الأول ٢٠١٦',
    });
  });

  it('reads deck, byline, caption, body and tags, in order, the body as text without its script', () => {
    expect(searchRecord(story).text).toEqual([
      'لافروف يتحدث',
      'مها وسامر',
      'لافروف رويترز',
      'التعاون بسوريا لمكافحة الإرهاب & للإرهابيين تتمة قال الوزير',
      'سوريا الكرملين',
    ]);
  });

  it('joins the byline as the page does, in the site’s locale', () => {
    expect(searchRecord({ ...story, locale: 'ur', authors: ['مها', 'سامر', 'ليلى'] }).text[1]).toBe(
      'مها، سامر، اور ليلى',
    );
  });

  it('adds the light stems of the story, and not of what is not in it (its scripts)', () => {
    const { stems } = searchRecord(story);
    expect(stems).toEqual(
      expect.arrayContaining([
        lightStem('سوريا'),
        lightStem('إرهاب'),
        lightStem('الوزير'),
        lightStem('الكرملين'),
      ]),
    );
    expect(stems).not.toContain(lightStem('البرلمان'));
  });

  it('leaves out what a story does not have', () => {
    const bare = { ...story, deck: undefined, caption: undefined, credit: undefined, authors: [], tags: [] };
    expect(searchRecord(bare).text).toEqual(['التعاون بسوريا لمكافحة الإرهاب & للإرهابيين تتمة قال الوزير']);
  });
});

describe('searchRecord of a photo story and of live coverage', () => {
  it('reads each picture of a gallery: what it shows, its caption and its credit, a repeated credit once', () => {
    const gallery = searchRecord({
      ...story,
      caption: undefined,
      credit: undefined,
      gallery: [
        { alt: 'واجهة متحف بأقواس', caption: 'الزوار أمام البوابة', credit: 'قسم الصور' },
        { alt: 'أكوام من الكتب', caption: 'أجنحة دور النشر', credit: 'قسم الصور' },
        { alt: 'عدّاؤون على الطريق' },
      ],
    });
    expect(gallery.text).toContain(
      'واجهة متحف بأقواس الزوار أمام البوابة قسم الصور أكوام من الكتب أجنحة دور النشر عدّاؤون على الطريق',
    );
    expect(gallery.stems).toContain(lightStem('البوابة'));
  });

  it('reads a live story’s updates after its text, newest first as given: headline and text', () => {
    const live = searchRecord({
      ...story,
      updates: [
        { title: 'الميناء يعلّق الحركة', html: '<p>علّقت <em>سلطة</em> الميناء حركة السفن</p>' },
        { html: '<p>أغلقت شرطة المرور النفق</p>' },
      ],
    });
    const body = live.text.indexOf('التعاون بسوريا لمكافحة الإرهاب & للإرهابيين تتمة قال الوزير');
    expect(live.text.slice(body + 1, body + 3)).toEqual([
      'الميناء يعلّق الحركة علّقت سلطة الميناء حركة السفن',
      'أغلقت شرطة المرور النفق',
    ]);
    expect(live.stems).toContain(lightStem('والسفن'));
  });
});

describe('extraStems: the folded forms', () => {
  it('indexes a word in Persian or Urdu letters under its folded form, as the query is folded', () => {
    expect(extraStems('ایران')).toContain(normalizeArabic('ایران'));
    expect(extraStems('ایران')).toContain(normalizeArabic('ايران'));
  });
  it('indexes numbers in Arabic-Indic and Persian digits in Western ones', () => {
    expect(extraStems('عام ٢٠١٦ وسال ۱۳۹۵')).toEqual(expect.arrayContaining(['2016', '1395']));
    expect(extraStems('عام 2016')).not.toContain('2016');
  });
});

describe('extraStems', () => {
  it('lists only stems that differ from the words', () => {
    expect(extraStems('قال')).toEqual([]);
    expect(extraStems('بسوريا')).toContain(lightStem('سوريا'));
  });

  it('gives the same forms, in the same order, whether a word was met before or not', () => {
    // Each word's forms are kept between stories; the index must not depend on which story came first.
    const text = 'وقال الوزير للصحفيين إن الوزارة والمدارس بسوريا ستفتح، وقال وزير آخر إن المدارس مغلقة';
    const direct = new Set<string>();
    for (const word of new Set(arabicWords(text))) {
      const plain = normalizeArabic(word);
      if (plain !== word) direct.add(plain);
      for (const stem of indexStems(word)) if (stem !== plain) direct.add(stem);
    }
    expect(extraStems(text)).toEqual([...direct]);
    extraStems('المدارس الوزارة بسوريا');
    expect(extraStems(text)).toEqual([...direct]);
  });
});

describe('recordDocument', () => {
  const document = recordDocument(searchRecord(story), 'ar');

  it('is an article body with the result’s fields as Pagefind metadata, every value escaped', () => {
    expect(document).toContain('<html lang="ar">');
    expect(document).toContain(
      '<meta name="description" content="وصف &quot;الخبر&quot; &amp; تفاصيله" data-pagefind-meta="description[content]">',
    );
    expect(document).toContain('<article data-pagefind-body>');
    expect(document).toContain(
      '<h1 data-pagefind-meta="title">روسيا تطالب الغرب &lt;بإحترام&gt; السيادة</h1>',
    );
    expect(document).toContain('<p data-pagefind-meta="section">سياسة</p>');
    expect(document).toContain('<p data-pagefind-meta="date">الخميس ١ كانون الأول ٢٠١٦</p>');
    expect(document).toContain('<p>التعاون بسوريا لمكافحة الإرهاب &amp; للإرهابيين تتمة قال الوزير</p>');
    expect(document).not.toContain('<script');
  });

  it('puts the stems in one block of half weight, last', () => {
    const stems = /<p data-pagefind-weight="0.5">([^<]*)<\/p><\/article>/.exec(document)?.[1] ?? '';
    expect(stems.split(' ')).toEqual(expect.arrayContaining([lightStem('سوريا'), lightStem('إرهاب')]));
  });

  it('has no stems block when no stem differs from its word', () => {
    const plain = recordDocument(
      searchRecord({
        ...story,
        title: 'قال',
        deck: undefined,
        html: '',
        tags: [],
        caption: undefined,
        credit: undefined,
        authors: [],
      }),
      'ar',
    );
    expect(plain).not.toContain('data-pagefind-weight');
  });
});
