/**
 * Pages of a site's own in src/pages/ with KhabarPage (tests/fixtures/own-pages): «اتصل بنا» in .astro,
 * the terms in Markdown and the corrections policy in MDX, each with the theme's header, footer,
 * container and SEO tags, and its title and description from its props or its frontmatter.
 */
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrThrow } from './helpers/astro.ts';
import { tmpRoot } from './helpers/paths.ts';
import { loadPage } from './helpers/site.ts';

const fixture = new URL('./fixtures/own-pages/', import.meta.url);
const root = join(tmpRoot, `own-pages-${process.pid}`);
const dist = join(root, 'dist');
const SITE = 'https://own-pages.example';

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  await cp(fixture, root, { recursive: true });
  await buildOrThrow(root);
}, 300_000);
afterAll(() => rm(root, { recursive: true, force: true }));

describe.each([
  ['an .astro page', '/contact/', 'اتصل بنا', 'كيف تراسل غرفة الأخبار أو تصحّح خبراً.'],
  ['a Markdown page', '/terms/', 'شروط الاستخدام', 'ما يتفق عليه القارئ والموقع حين يقرأ ويعلّق.'],
  ['an MDX page', '/corrections/', 'سياسة التصحيح', 'كيف نصحّح الأخطاء ونعلن عنها.'],
])('KhabarPage in %s', (_kind, path, title, description) => {
  it('has the theme’s layout: language, direction, header, footer', async () => {
    const { document } = await loadPage(path, dist);
    expect(document.documentElement.getAttribute('lang')).toBe('ar');
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    expect(document.querySelector('header.khabar-header')).not.toBeNull();
    expect(document.querySelector('footer.khabar-footer')).not.toBeNull();
  });

  it('has its title and description in the head, and its canonical URL', async () => {
    const { document } = await loadPage(path, dist);
    expect(document.querySelector('title')?.textContent).toBe(`${title} | خبر الصفحات الخاصة`);
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(description);
    expect(document.querySelector('meta[property="og:title"]')?.getAttribute('content')).toContain(title);
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${SITE}${path}`);
  });

  it('has one heading, its title, and the text in the reading container', async () => {
    const { document } = await loadPage(path, dist);
    expect([...document.querySelectorAll('h1')].map((h) => h.textContent)).toEqual([title]);
    const prose = document.querySelector('main .khabar-site-page .khabar-prose');
    expect(prose?.textContent.trim()).not.toBe('');
  });
});

describe('pages of the site’s own', () => {
  it('keep Markdown and MDX: the terms’ bold text and update, the MDX page’s expression', async () => {
    const terms = (await loadPage('/terms/', dist)).document;
    expect(terms.querySelector('.khabar-prose strong')?.textContent).toBe('للقراءة الشخصية');
    expect(terms.querySelector('.khabar-site-page__updated time')?.getAttribute('datetime')).toBe(
      '2016-11-20T10:00:00+02:00',
    );
    const corrections = (await loadPage('/corrections/', dist)).document;
    expect(corrections.querySelector('.khabar-prose')?.textContent).toContain('في غضون 2 يومين');
  });

  it('a Markdown page with the plain layout keeps its frontmatter title', async () => {
    const { document } = await loadPage('/plain/', dist);
    expect(document.querySelector('title')?.textContent).toBe('صفحة بالقالب العام | خبر الصفحات الخاصة');
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      'صفحة Markdown بالتخطيط العام وحده.',
    );
  });

  it('are in the sitemap', async () => {
    const sitemap = await readFile(join(dist, 'sitemap-0.xml'), 'utf8');
    for (const path of ['/contact/', '/terms/', '/corrections/']) expect(sitemap).toContain(`${SITE}${path}`);
  });
});
