import { describe, expect, it } from 'vitest';
import {
  hreflangLinks,
  pathEdition,
  patternEdition,
  storyEdition,
  storyId,
  translationGroups,
} from './editions.ts';
import { editionRoutes, EVERY_ROUTE, routeTable } from './routes.ts';

const keys = ['en', 'fr'];

describe('the edition of a story, a route and a URL', () => {
  it('reads a story’s edition from its first folder, when that folder is an edition', () => {
    expect(storyEdition('en/russia-syria-sovereignty', keys)).toBe('en');
    expect(storyEdition('russia-syria-sovereignty', keys)).toBeUndefined();
    expect(storyEdition('2016/port-expansion', keys)).toBeUndefined();
    expect(storyEdition('english/story', keys)).toBeUndefined();
  });
  it('reads a route pattern’s edition from its first segment', () => {
    expect(patternEdition('/en', keys)).toBe('en');
    expect(patternEdition('/fr/[section]/pages/[page]', keys)).toBe('fr');
    expect(patternEdition('/[section]/[slug]', keys)).toBeUndefined();
    expect(patternEdition('/', keys)).toBeUndefined();
  });
  it('reads a page’s edition from its path under the base', () => {
    expect(pathEdition('/en/', '/', keys)).toBe('en');
    expect(pathEdition('/en', '/', keys)).toBe('en');
    expect(pathEdition('/news/en/politics/', '/news/', keys)).toBe('en');
    expect(pathEdition('/en/politics/', '/news/', keys)).toBeUndefined();
    expect(pathEdition('/politics/en/', '/', keys)).toBeUndefined();
  });
});

describe('storyId', () => {
  it('is Astro’s id, from the slug field or the file’s path', () => {
    expect(storyId({ entry: 'russia.md', data: { slug: 'روسيا-تطالب' } }, keys)).toBe('روسيا-تطالب');
    expect(storyId({ entry: '2016/Port Expansion.md', data: {} }, keys)).toBe('2016/port-expansion');
    expect(storyId({ entry: 'en/summit.md', data: {} }, keys)).toBe('en/summit');
    expect(storyId({ entry: 'en/index.md', data: {} }, keys)).toBe('en');
  });
  it('keeps an edition’s folder before the slug field', () => {
    expect(storyId({ entry: 'en/summit.md', data: { slug: 'g20-summit' } }, keys)).toBe('en/g20-summit');
    expect(storyId({ entry: '2016/summit.md', data: { slug: 'g20-summit' } }, keys)).toBe('g20-summit');
  });
});

describe('editionRoutes', () => {
  const table = routeTable(EVERY_ROUTE);
  const routes = editionRoutes(table, 'en');
  it('puts every page for readers and every feed under the prefix, from the same route files', () => {
    const patterns = routes.map((route) => route.pattern);
    expect(patterns).toContain('/en');
    expect(patterns).toContain('/en/[section]/[slug]');
    expect(patterns).toContain('/en/rss.xml');
    expect(patterns).toContain('/en/tags/[tag]/pages/[page]');
    for (const route of routes) {
      const main = table.find(
        (other) =>
          `/en${other.pattern}` === route.pattern || (other.pattern === '/' && route.pattern === '/en'),
      );
      expect(main?.entrypoint, route.pattern).toBe(route.entrypoint);
    }
  });
  it('leaves the site’s files and the 404 to the main edition, and gives the edition its search page', () => {
    const kinds = new Set(routes.map((route) => route.kind));
    expect(kinds.has('file')).toBe(false);
    expect(kinds.has('not-found')).toBe(false);
    // Each edition searches its own stories, in an index of its own (search per edition).
    expect(routes.find((route) => route.kind === 'search')?.pattern).toBe('/en/search');
  });
});

function story(id: string, translationOf?: string) {
  return { id, filePath: `src/content/articles/${id}.md`, data: { translationOf } };
}

describe('translationGroups', () => {
  it('groups a story with its translations, whichever of them is asked', () => {
    const original = story('summit');
    const english = story('en/summit', 'summit');
    const french = story('fr/sommet', 'summit');
    const alone = story('port');
    const groups = translationGroups([english, original, alone, french], keys);
    expect(groups.get(original)).toEqual([original, english, french]);
    expect(groups.get(french)).toBe(groups.get(original));
    expect(groups.has(alone)).toBe(false);
  });
  it('finds the original by its file name when its slug made its id', () => {
    const original = { id: 'روسيا-تطالب', filePath: 'src/content/articles/russia.md', data: {} };
    const english = story('en/russia', 'russia');
    expect(translationGroups([original, english], keys).get(english)).toEqual([original, english]);
  });
  it('names the file when translationOf names no story', () => {
    expect(() => translationGroups([story('en/summit', 'sumit')], keys)).toThrow(
      /src\/content\/articles\/en\/summit\.md: "translationOf: sumit" names no published story/,
    );
  });
  it('refuses a translation of a translation, naming the original', () => {
    expect(() =>
      translationGroups(
        [story('summit'), story('en/summit', 'summit'), story('fr/sommet', 'en/summit')],
        keys,
      ),
    ).toThrow(/itself a translation.*"translationOf: summit"/);
  });
  it('refuses two versions of a story in one edition', () => {
    expect(() =>
      translationGroups(
        [story('summit'), story('en/summit', 'summit'), story('en/summit-2', 'summit')],
        keys,
      ),
    ).toThrow(/en\/summit-2\.md.*second version of the story, beside src\/content\/articles\/en\/summit\.md/);
  });
});

describe('hreflangLinks', () => {
  it('links every version and the main one as x-default', () => {
    expect(
      hreflangLinks([
        { edition: 'en', hreflang: 'en', href: 'https://k.example/en/' },
        { edition: undefined, hreflang: 'ar-SY', href: 'https://k.example/' },
      ]),
    ).toEqual([
      { hreflang: 'en', href: 'https://k.example/en/' },
      { hreflang: 'ar-SY', href: 'https://k.example/' },
      { hreflang: 'x-default', href: 'https://k.example/' },
    ]);
  });
  it('gives a page with one version no links', () => {
    expect(hreflangLinks([{ edition: undefined, hreflang: 'ar', href: '/' }])).toEqual([]);
  });
});
