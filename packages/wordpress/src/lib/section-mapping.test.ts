import { describe, expect, it } from 'vitest';
import type { WxrCategory } from '../wxr/types.ts';
import { ImportError } from './errors.ts';
import { mapOntoSections, mapOntoSite, parseSectionsOption, unmappedMessage } from './section-mapping.ts';

const category = (nicename: string, name: string, parent = ''): WxrCategory => ({
  termId: '1',
  nicename,
  name,
  parent,
  description: '',
});
const POLITICS = '%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9';
const SYRIA = '%d8%b3%d9%88%d8%b1%d9%8a%d8%a7';
const SPORT = '%d8%b1%d9%8a%d8%a7%d8%b6%d8%a9';
const categories = [
  category(POLITICS, 'سياسة'),
  category(SYRIA, 'سوريا', POLITICS),
  category(SPORT, 'رياضة'),
];
const sections = [
  { slug: 'politics', name: 'سياسة' },
  { slug: 'sport', name: 'الرياضة' },
  { slug: 'رياضة-محلية', name: 'محلي' },
];
const posts = new Map([
  ['سياسة', 3],
  ['سوريا', 1],
  ['رياضة', 2],
]);

describe('--sections', () => {
  it('reads pairs, comma-separated or repeated, in Arabic or Latin', () => {
    expect(parseSectionsOption(['sport=رياضة,economy = اقتصاد', 'سياسة=politics,'])).toEqual([
      { category: 'sport', section: 'رياضة' },
      { category: 'economy', section: 'اقتصاد' },
      { category: 'سياسة', section: 'politics' },
    ]);
  });

  it('refuses a pair without both sides', () => {
    for (const value of ['sport', '=politics', 'sport=']) {
      expect(() => parseSectionsOption([value]), value).toThrow(/is not <category>=<section>/);
    }
  });
});

describe("categories onto a site's sections", () => {
  it('maps by name, files a nested category under its parent with a tag, and lists what it cannot map', () => {
    const { sectionMap, unmapped } = mapOntoSections(categories, posts, sections);
    expect(sectionMap.byCategory.get('سياسة')).toEqual({ section: 'politics' });
    expect(sectionMap.byCategory.get('سوريا')).toEqual({ section: 'politics', tag: 'سوريا' });
    expect(sectionMap.byCategory.has('رياضة')).toBe(false);
    expect(unmapped).toEqual([{ slug: 'رياضة', name: 'رياضة', posts: 2 }]);
    expect(sectionMap.sections).toEqual(sections);
  });

  it('maps by slug, Latin or Arabic, before names', () => {
    const { sectionMap } = mapOntoSections(
      [
        category('politics', 'أخبار'),
        category('%d8%b1%d9%8a%d8%a7%d8%b6%d8%a9-%d9%85%d8%ad%d9%84%d9%8a%d8%a9', 'سياسة'),
      ],
      new Map(),
      sections,
    );
    expect(sectionMap.byCategory.get('politics')).toEqual({ section: 'politics' });
    expect(sectionMap.byCategory.get('رياضة-محلية')).toEqual({ section: 'رياضة-محلية' });
  });

  it('takes --sections over slugs and names, by the slug or name of either side', () => {
    const { sectionMap, unmapped } = mapOntoSections(categories, posts, sections, [
      { category: 'رياضة', section: 'الرياضة' },
      { category: 'سوريا', section: 'محلي' },
    ]);
    expect(unmapped).toEqual([]);
    expect(sectionMap.byCategory.get('رياضة')).toEqual({ section: 'sport' });
    expect(sectionMap.byCategory.get('سوريا')).toEqual({ section: 'رياضة-محلية' });
  });

  it('leaves out, without refusing, categories that hold no post', () => {
    const { unmapped, unused } = mapOntoSections(categories, new Map([['سياسة', 1]]), sections);
    expect(unmapped).toEqual([]);
    expect(unused.map((c) => c.slug)).toEqual(['رياضة']);
  });

  it('refuses --sections that name no category or no section, listing what there is', () => {
    expect(() =>
      mapOntoSections(categories, posts, sections, [{ category: 'culture', section: 'sport' }]),
    ).toThrow(/no category "culture".*Its categories: سياسة, سوريا, رياضة/);
    expect(() =>
      mapOntoSections(categories, posts, sections, [{ category: 'رياضة', section: 'ثقافة' }]),
    ).toThrow(/no section "ثقافة". Its sections: politics \(سياسة\), sport \(الرياضة\)/);
  });

  it('says which categories it cannot map, their posts, and the --sections that maps them', () => {
    const message = unmappedMessage(
      [
        { slug: 'رياضة', name: 'رياضة', posts: 2 },
        { slug: 'misc', name: 'منوعات', posts: 1 },
      ],
      sections,
      '/srv/site',
    );
    expect(message).toContain(
      '2 categories of the export have no section in /srv/site, so nothing was written',
    );
    expect(message).toContain('  رياضة: 2 posts');
    expect(message).toContain('  misc (منوعات): 1 post');
    expect(message).toContain('--sections رياضة=<section>,misc=<section>');
  });

  it('counts categories that posts name and the channel does not list', () => {
    const error = (() => {
      try {
        mapOntoSite([], new Map([['منوعات', { name: 'منوعات', posts: 4 }]]), sections, [], '/srv/site');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toContain('منوعات: 4 posts');
    expect(
      mapOntoSite(
        [],
        new Map([['منوعات', { name: 'منوعات', posts: 4 }]]),
        sections,
        ['منوعات=politics'],
        '/x',
      ).sectionMap.byCategory.get('منوعات'),
    ).toEqual({ section: 'politics' });
  });
});
