/**
 * Site pages («من نحن») and the pinned lead, on a tiny newsroom (tests/fixtures/site-pages) built four
 * ways: as it is (static), with a page at a section's address (the build fails and names the file),
 * without the pages collection (an older site's content config: it still builds), and rendered on
 * request on @astrojs/node (`rendering.prerender: 'none'`).
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrThrow, runAstro } from './helpers/astro.ts';
import { startNodeServer, type NodeServer } from './helpers/node-server.ts';
import { tmpRoot } from './helpers/paths.ts';
import { fileForPath, linkPath, loadPage } from './helpers/site.ts';

const fixture = new URL('./fixtures/site-pages/', import.meta.url);
const root = join(tmpRoot, 'site-pages');
const dist = join(root, 'dist');
const ABOUT = `/${encodeURIComponent('من-نحن')}/`;
const SITE = 'https://pages.example';

/** A fresh copy of the fixture under tests/.tmp/. */
async function copyFixture(name: string): Promise<string> {
  const dir = join(tmpRoot, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await cp(fixture, dir, { recursive: true });
  return dir;
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const before = await readFile(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  await writeFile(file, after);
}

const sitemapUrls = async (dir: string) => {
  const xml = new XMLParser().parse(await readFile(join(dir, 'sitemap-0.xml'), 'utf8')) as {
    urlset: { url: { loc: string; lastmod?: string }[] };
  };
  return xml.urlset.url;
};

let buildLog = '';

beforeAll(async () => {
  await copyFixture('site-pages');
  buildLog = await buildOrThrow(root);
}, 300_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe('a site page, built ahead', () => {
  it('is published at /<slug>/ with its heading, its text and its update', async () => {
    const { document } = await loadPage(ABOUT, dist);
    expect(document.querySelector('h1')?.textContent).toBe('من نحن');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    const page = document.querySelector('main .khabar-site-page');
    expect(page?.querySelector('.khabar-prose strong')?.textContent).toBe('للاختبار');
    expect(page?.querySelector('.khabar-prose h2')?.textContent).toBe('هيئة التحرير');
    expect(page?.querySelector('.khabar-site-page__updated time')?.getAttribute('datetime')).toBe(
      '2016-11-20T10:00:00+02:00',
    );
  });

  it("is in the theme's layout: language, head, header, footer", async () => {
    const { document } = await loadPage(ABOUT, dist);
    expect(document.documentElement.getAttribute('lang')).toBe('ar');
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    expect(document.querySelector('title')?.textContent).toBe('من نحن | خبر الصفحات');
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      'خبر الصفحات موقع إخباري صغير للاختبار.',
    );
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${SITE}${ABOUT}`);
    expect(document.querySelector('header.khabar-header')).not.toBeNull();
    expect(document.querySelector('footer.khabar-footer')).not.toBeNull();
  });

  it('is linked from every page’s footer, drafts not, in title order', async () => {
    for (const path of ['/', '/politics/', ABOUT]) {
      const { document } = await loadPage(path, dist);
      const nav = [...document.querySelectorAll('.khabar-footer nav')].at(-1);
      expect(nav?.querySelector('h2')?.textContent, path).toBe('عن الموقع');
      const links = [...(nav?.querySelectorAll('a') ?? [])].map((a) => [
        linkPath(a.getAttribute('href')),
        a.textContent,
      ]);
      expect(links, path).toEqual([
        ['/contact/', 'اتصل بنا'],
        [ABOUT, 'من نحن'],
      ]);
    }
  });

  it('is in the sitemap with its update as lastmod; a draft is neither built nor listed', async () => {
    const urls = await sitemapUrls(dist);
    expect(urls.find((u) => u.loc === `${SITE}${ABOUT}`)?.lastmod).toBe('2016-11-20T08:00:00.000Z');
    expect(urls.map((u) => u.loc)).toContain(`${SITE}/contact/`);
    expect(urls.map((u) => u.loc)).not.toContain(`${SITE}/jobs/`);
    expect(existsSync(fileForPath(dist, '/jobs/'))).toBe(false);
  });

  it('leaves the sections as they were', async () => {
    const { document } = await loadPage('/politics/', dist);
    expect(document.querySelector('h1')?.textContent).toBe('سياسة');
  });
});

describe('the pinned lead', () => {
  it('leads the home page with the newest published pinned story, not a draft or a scheduled one', async () => {
    const { document } = await loadPage('/', dist);
    const lead = document.querySelector('.khabar-home__lead');
    expect(lead?.textContent).toContain('الخبر المثبت في الصدارة');
    // The newest story follows among the top stories; the scheduled and the draft are nowhere.
    expect(document.querySelector('.khabar-home__top')?.textContent).toContain('أحدث خبر في الموقع');
    expect(document.body.textContent).not.toContain('مسودة مثبتة');
    expect(document.body.textContent).not.toContain('خبر مثبت مجدول للغد');
  });
});

describe('an incremental build after a page is renamed', () => {
  it('renders again every page whose footer links it, and reuses the others', async () => {
    await edit(join(root, 'src/content/pages/contact.md'), (text) =>
      text.replace('title: "اتصل بنا"', 'title: "راسلونا"'),
    );
    const log = await buildOrThrow(root);
    // Astro kept some pages from the last build (or this proves nothing)…
    expect(log).toMatch(/\((cached|restored)\)/);
    // …but not those that link the page: a listing's and a story's keys name the footer's pages.
    for (const path of ['/politics/', '/politics/pinned/', ABOUT]) {
      const { document } = await loadPage(path, dist);
      expect(document.querySelector('.khabar-footer a[href="/contact/"]')?.textContent, path).toBe('راسلونا');
    }
  }, 300_000);
});

describe('site pages that cannot be published', () => {
  it("fail the build at a section's address, naming the file", async () => {
    const dir = await copyFixture('site-pages-clash');
    await writeFile(
      join(dir, 'src/content/pages/politics.md'),
      '---\ntitle: "سياسة التحرير"\ndescription: "كيف نحرر."\n---\n\nنص.\n',
    );
    const { code, output } = await runAstro(dir, ['build']);
    expect(code).not.toBe(0);
    expect(output).toContain(
      'src/content/pages/politics.md: the page would be published at /politics/, which is the page of the section "سياسة"',
    );
    await rm(dir, { recursive: true, force: true });
  }, 300_000);
});

describe('a site without the pages collection', () => {
  it('builds as before, with no site pages and no warning about the collection', async () => {
    const dir = await copyFixture('site-pages-none');
    await edit(join(dir, 'src/content.config.ts'), (text) =>
      text
        .replace(/\n\s*pagesLoader,\n\s*pageSchema,/, '')
        .replace(/\n\s*pages: defineCollection\(.*\),/, ''),
    );
    await rm(join(dir, 'src/content/pages'), { recursive: true });
    const log = await buildOrThrow(dir);
    expect(log).not.toMatch(/"pages" does not exist/);
    const { document } = await loadPage('/', join(dir, 'dist'));
    expect(document.querySelector('.khabar-footer')?.textContent).not.toContain('عن الموقع');
    expect(existsSync(fileForPath(join(dir, 'dist'), ABOUT))).toBe(false);
    await rm(dir, { recursive: true, force: true });
  }, 300_000);

  it('(and the fixture with it printed none either)', () => {
    expect(buildLog).not.toMatch(/"pages" does not exist/);
  });
});

describe('a site page rendered on request', () => {
  let server: NodeServer | undefined;
  let dir = '';

  beforeAll(async () => {
    dir = await copyFixture('site-pages-server');
    await edit(join(dir, 'astro.config.mjs'), (text) =>
      text
        .replace(
          "import khabar from 'astro-theme-khabar';",
          "import khabar from 'astro-theme-khabar';\nimport node from '@astrojs/node';",
        )
        .replace(
          "site: 'https://pages.example',",
          "site: 'https://pages.example',\n  adapter: node({ mode: 'standalone' }),",
        )
        .replace(
          "now: '2016-12-01T18:00:00+02:00',",
          "now: '2016-12-01T18:00:00+02:00',\n      rendering: { prerender: 'none' },",
        ),
    );
    await buildOrThrow(dir);
    server = await startNodeServer(join(dir, 'dist', 'server', 'entry.mjs'), { cwd: dir });
  }, 300_000);

  afterAll(async () => {
    server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('is not built ahead, and renders with its heading, cache headers naming it', async () => {
    expect(existsSync(fileForPath(join(dir, 'dist', 'client'), ABOUT))).toBe(false);
    const response = await server?.get(ABOUT);
    expect(response?.status).toBe(200);
    const { document } = parseHTML(response?.text ?? '');
    expect(document.querySelector('h1')?.textContent).toBe('من نحن');
    expect(document.querySelector('.khabar-prose h2')?.textContent).toBe('هيئة التحرير');
    expect(response?.headers.get('cache-control')).toMatch(/\bpublic\b/);
    expect(response?.headers.get('cache-tag')).toBe(`page:${encodeURIComponent('من-نحن')}`);
  });

  it('answers 404 for a draft, and lists the pages rendered on request in the sitemap', async () => {
    expect((await server?.get('/jobs/'))?.status).toBe(404);
    const urls = (await sitemapUrls(join(dir, 'dist', 'client'))).map((u) => u.loc);
    expect(urls).toContain(`${SITE}${ABOUT}`);
    expect(urls).toContain(`${SITE}/contact/`);
  });
});
