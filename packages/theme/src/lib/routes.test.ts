import { describe, expect, it } from 'vitest';
import {
  editionRoutes,
  EVERY_ROUTE,
  fillPattern,
  isRedirectPage,
  listedInSitemap,
  onDemandTwinPattern,
  twinFileParam,
  RESERVED_SLUGS,
  robotsDisallowed,
  routeRendering,
  routeTable,
  storyBuiltAhead,
  UNLISTED_PAGES,
  type RouteOptions,
} from './routes.ts';

const everything: RouteOptions = EVERY_ROUTE;

describe('routeTable', () => {
  it('lists each pattern once, with its route file', () => {
    const routes = routeTable(everything);
    const patterns = routes.map((route) => route.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
    expect(patterns).toContain('/tags/[tag]/page/[page]');
    expect(routes.find((route) => route.pattern === '/[section]/[slug]')?.entrypoint).toBe(
      'src/routes/article.astro',
    );
  });

  it('leaves out the routes the options turn off', () => {
    const routes = routeTable({
      ...everything,
      search: false,
      sectionFeeds: false,
      authorFeeds: false,
      newsSitemap: false,
      socialCards: false,
      publisherLogo: false,
      favicon: false,
      robots: false,
      sitemapFacts: false,
      cms: false,
    });
    const patterns = routes.map((route) => route.pattern);
    expect(patterns).not.toContain('/search');
    expect(patterns).not.toContain('/robots.txt');
    expect(patterns).not.toContain('/favicon.svg');
    expect(patterns).not.toContain('/og/[...id].png');
    expect(patterns).not.toContain('/[section]/rss.xml');
    expect(patterns).toContain('/rss.xml');
  });

  it('puts the article route where routes.article says', () => {
    const routes = routeTable({ ...everything, article: '/[year]/[month]/[slug]' });
    expect(routes.find((route) => route.kind === 'article')?.pattern).toBe('/[year]/[month]/[slug]');
  });
});

describe('editionRoutes', () => {
  it('gives an edition its pages, its feeds and its search page, under its prefix', () => {
    const patterns = editionRoutes(routeTable(everything), 'en').map((route) => route.pattern);
    expect(patterns).toEqual(expect.arrayContaining(['/en', '/en/[section]', '/en/rss.xml', '/en/search']));
    // Files stay the site's, once: no edition has its own robots.txt or 404 page.
    expect(patterns.filter((pattern) => /robots|404|admin/.test(pattern))).toEqual([]);
  });
});

describe('RESERVED_SLUGS', () => {
  it('holds the first segment of every fixed route and the folders tools write', () => {
    for (const slug of [
      'tags',
      'authors',
      'archive',
      'search',
      '404',
      'og',
      'pagefind',
      '_astro',
      '_khabar',
    ]) {
      expect(RESERVED_SLUGS).toContain(slug);
    }
    for (const route of routeTable(everything)) {
      const first = route.pattern.split('/')[1] ?? '';
      if (first && !first.startsWith('[')) expect(RESERVED_SLUGS).toContain(first);
    }
  });
});

describe('listedInSitemap', () => {
  it('lists pages for readers, not files, feeds, the 404 or the web editor', () => {
    expect(listedInSitemap('article')).toBe(true);
    expect(listedInSitemap('archive')).toBe(true);
    expect(listedInSitemap('not-found')).toBe(false);
    expect(listedInSitemap('feed')).toBe(false);
    expect(listedInSitemap('file')).toBe(false);
    expect(listedInSitemap('admin')).toBe(false);
    expect(UNLISTED_PAGES).toEqual(['/404', '/admin']);
  });
});

describe('the web editor’s route', () => {
  it('is there only with cms on, built ahead in every mode, and closed to crawlers', () => {
    expect(routeTable({ ...EVERY_ROUTE, cms: false }).map((route) => route.pattern)).not.toContain('/admin');
    const routes = routeTable(EVERY_ROUTE);
    const admin = routes.find((route) => route.pattern === '/admin');
    expect(admin?.kind).toBe('admin');
    expect(routeRendering(admin?.group ?? 'story', 'none')).toBe('prerender');
    expect(robotsDisallowed(routes)).toEqual(['/admin']);
    expect(robotsDisallowed(routeTable({ ...EVERY_ROUTE, cms: false }))).toEqual([]);
  });
  it('keeps a section from taking its name', () => {
    expect(RESERVED_SLUGS).toContain('admin');
  });
});

describe('fillPattern', () => {
  it('fills named and rest parameters', () => {
    expect(fillPattern('/tags/[tag]/page/[page]', { tag: 'نفط', page: '2' })).toBe('/tags/نفط/page/2');
    expect(fillPattern('/og/[...id].png', { id: '2016/story' })).toBe('/og/2016/story.png');
  });

  it('names a missing parameter', () => {
    expect(() => fillPattern('/tags/[tag]', {})).toThrow('needs a value for [tag]');
  });
});

describe('routeRendering', () => {
  it('builds everything ahead with "all"', () => {
    for (const route of routeTable(everything)) expect(routeRendering(route.group, 'all')).toBe('prerender');
  });

  it('with "recent", builds first pages and files ahead, stories both ways, the deep archive on request', () => {
    const of = (pattern: string) => routeTable(everything).find((route) => route.pattern === pattern);
    const rendering = (pattern: string) => routeRendering(of(pattern)?.group ?? 'file', 'recent');
    expect(rendering('/[section]/[slug]')).toBe('both');
    expect(rendering('/')).toBe('prerender');
    expect(rendering('/[section]')).toBe('prerender');
    expect(rendering('/tags/[tag]')).toBe('prerender');
    expect(rendering('/rss.xml')).toBe('prerender');
    expect(rendering('/[section]/page/[page]')).toBe('on-demand');
    expect(rendering('/archive/[year]/[month]')).toBe('on-demand');
    expect(rendering('/news-sitemap.xml')).toBe('on-demand');
    expect(rendering('/404')).toBe('prerender');
  });

  it('with "none", builds only files ahead', () => {
    for (const route of routeTable(everything)) {
      expect(routeRendering(route.group, 'none')).toBe(route.group === 'file' ? 'prerender' : 'on-demand');
    }
  });

  it('gives every route with params that can be rendered on request a twin file', () => {
    for (const route of routeTable(everything)) {
      if (route.pattern.includes('[') && routeRendering(route.group, 'none') === 'on-demand') {
        expect(route.onDemand, route.pattern).toMatch(/^src\/routes\/on-demand\//);
      }
    }
  });
});

describe('onDemandTwinPattern', () => {
  it('makes the last param a rest param', () => {
    expect(onDemandTwinPattern('/[section]/[slug]')).toBe('/[section]/[...slug]');
    expect(onDemandTwinPattern('/[year]/[month]/[day]/[slug]')).toBe('/[year]/[month]/[day]/[...slug]');
  });

  it('drops the extension after a rest param, which the twin’s param then carries', () => {
    expect(onDemandTwinPattern('/live/[...id].json')).toBe('/live/[...id]');
    expect(onDemandTwinPattern('/og/[...id]')).toBe('/og/[...id]');
    expect(twinFileParam('/live/[...id]', 'storm-live.json', '.json')).toBe('storm-live');
    expect(twinFileParam('/live/[...id]', 'en/storm-live.json', '.json')).toBe('en/storm-live');
    expect(twinFileParam('/live/[...id]', 'storm-live', '.json')).toBeUndefined();
    expect(twinFileParam('/live/[...id]', '.json', '.json')).toBeUndefined();
    expect(twinFileParam('/live/[...id].json', 'storm-live', '.json')).toBe('storm-live');
  });
});

describe('the live files of updates', () => {
  it('are made as their stories are, in every mode', () => {
    const live = routeTable(everything).find((route) => route.entrypoint === 'src/routes/live.json.ts');
    const article = routeTable(everything).find((route) => route.kind === 'article');
    expect(live?.onDemand).toBe('src/routes/on-demand/live.json.ts');
    for (const mode of ['all', 'recent', 'none'] as const) {
      expect(routeRendering(live?.group ?? 'file', mode), mode).toBe(
        routeRendering(article?.group ?? 'file', mode),
      );
    }
  });
});

describe('storyBuiltAhead', () => {
  const clock = new Date('2016-12-03T00:00:00Z');
  const at = (iso: string) => Date.parse(iso);

  it('builds every story with "all" and none with "none"', () => {
    expect(storyBuiltAhead(at('2001-01-01'), clock, { prerender: 'all', recentDays: 2 })).toBe(true);
    expect(storyBuiltAhead(at('2016-12-02'), clock, { prerender: 'none', recentDays: 2 })).toBe(false);
  });

  it('with "recent", builds the stories of the last recentDays, the edge included', () => {
    const recent = { prerender: 'recent', recentDays: 2 } as const;
    expect(storyBuiltAhead(at('2016-12-01T00:00:00Z'), clock, recent)).toBe(true);
    expect(storyBuiltAhead(at('2016-11-30T23:59:59Z'), clock, recent)).toBe(false);
    expect(storyBuiltAhead(at('2016-12-02T23:00:00Z'), clock, { prerender: 'recent', recentDays: 0 })).toBe(
      false,
    );
  });
});

describe('isRedirectPage', () => {
  it('knows the old addresses of later pages, not the numbered pages or stories', () => {
    expect(isRedirectPage('https://x.example/politics/page/3/')).toBe(true);
    expect(isRedirectPage('https://x.example/tags/%D9%86/page/12.html')).toBe(true);
    expect(isRedirectPage('https://x.example/politics/pages/3/')).toBe(false);
    expect(isRedirectPage('https://x.example/politics/page-3/')).toBe(false);
  });
});
