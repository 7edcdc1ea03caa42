/**
 * The newsroom's browsing pages in the built example: home blocks and the breaking strip, paginated
 * listings whose counts add up, and the date archive. Article extras and search are in
 * tests/newsroom-articles.test.ts and tests/newsroom-search.test.ts.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dist, loadPage, publishedStories } from './helpers/newsroom.ts';
import { fileForPath, linkPath, SEED_PATH } from './helpers/site.ts';

const PER_PAGE = 3; // examples/news/astro.config.mjs
const ARABIC_DIGITS = /^[\u0660-\u0669]+$/;

/** How many numbered pages a listing of `count` stories has (the first page shows the newest PER_PAGE). */
const numbered = (count: number) => (count > PER_PAGE ? Math.ceil((count - PER_PAGE) / PER_PAGE) : 0);

/** The distinct stories of a walk. */
const storiesOf = (pages: { stories: string[] }[]) => new Set(pages.flatMap((p) => p.stories));

/** Walks a paginated listing from its first page along rel="next"; returns each page's story links. */
async function walkListing(firstPath: string) {
  const pages: { path: string; stories: string[]; status: string }[] = [];
  let path: string | undefined = firstPath;
  while (path) {
    const { document } = await loadPage(path);
    const stories = [...document.querySelectorAll('main .khabar-card__title a')].map(
      (a) => a.getAttribute('href') ?? '',
    );
    const nav = document.querySelector('nav.khabar-pagination');
    pages.push({
      path,
      stories,
      status: nav?.querySelector('.khabar-pagination__status')?.textContent ?? '',
    });
    const next = nav?.querySelector('a[rel="next"]');
    if (next) expect(next.textContent).toContain('التالي');
    const prev = nav?.querySelector('a[rel="prev"]') ?? null;
    if (pages.length > 1) expect(prev?.textContent).toContain('السابق');
    else expect(prev).toBeNull();
    path = next?.getAttribute('href') ?? undefined;
    expect(pages.length).toBeLessThan(50);
  }
  return pages;
}

describe('the home page', () => {
  it('leads with the newest story, then the top stories, a latest list and section blocks', async () => {
    const { document } = await loadPage('/');
    const lead = document.querySelector('.khabar-home__lead .khabar-card__title a');
    expect(linkPath(lead?.getAttribute('href'))).toBe(SEED_PATH);
    expect(document.querySelectorAll('.khabar-home__top .khabar-card')).toHaveLength(4);
    expect(document.querySelectorAll('.khabar-latest li').length).toBe((await publishedStories()).length);
    const blocks = [...document.querySelectorAll('.khabar-section-block')];
    expect(blocks.map((b) => b.querySelector('h2 a')?.getAttribute('href'))).toEqual([
      '/politics/',
      '/economy/',
      '/sports/',
      '/culture/',
      '/technology/',
    ]);
    // A block never repeats the lead or a top story, and holds at most four stories.
    const front = new Set(
      [...document.querySelectorAll('.khabar-home__main .khabar-card__title a')].map((a) =>
        a.getAttribute('href'),
      ),
    );
    for (const block of blocks) {
      const links = [...block.querySelectorAll('.khabar-card__title a')].map((a) => a.getAttribute('href'));
      expect(links.length).toBeGreaterThan(0);
      expect(links.length).toBeLessThanOrEqual(4);
      for (const link of links) expect(front.has(link)).toBe(false);
    }
  });

  it('shows the breaking strip with the story flagged breaking within the last hours', async () => {
    const { document } = await loadPage('/');
    const strip = document.querySelector('.khabar-breaking-strip');
    expect(strip?.querySelector('h2')?.textContent.trim()).toBe('عاجل');
    const items = [...(strip?.querySelectorAll('li a') ?? [])].map((a) => a.textContent);
    expect(items).toEqual(['تعليق الدراسة غداً الخميس في الياسمين ومرسى النور بسبب منخفض جوي عميق']);
  });
});

describe('paginated listings', () => {
  it('shows every story of a section on its pages: the newest first, then full pages numbered from the oldest', async () => {
    const stories = await publishedStories();
    for (const section of ['politics', 'economy', 'sports', 'culture', 'technology']) {
      const expected = stories.filter((s) => s.section === section).length;
      const pages = await walkListing(`/${section}/`);
      expect(storiesOf(pages).size, section).toBe(expected);
      expect(pages.length).toBe(1 + numbered(expected));
      expect(pages[0]?.stories.length).toBe(Math.min(expected, PER_PAGE));
      // Every numbered page is full, so publishing a story never changes one.
      for (const page of pages.slice(1)) expect(page.stories.length, page.path).toBe(PER_PAGE);
      // Walking older: /<section>/pages/<n>/ from the newest numbered page down to 1.
      const total = numbered(expected);
      pages.slice(1).forEach((page, i) => {
        expect(page.path).toBe(`/${section}/pages/${total - i}/`);
      });
      expect(existsSync(fileForPath(dist, `/${section}/pages/0/`))).toBe(false);
      expect(existsSync(fileForPath(dist, `/${section}/pages/${total + 1}/`))).toBe(false);
    }
  });

  it('leads the old addresses of later pages, counted from the newest, to the page that holds their stories', async () => {
    const economy = (await publishedStories()).filter((s) => s.section === 'economy').length;
    expect(economy).toBeGreaterThan(PER_PAGE);
    const { document } = await loadPage('/economy/page/2/');
    const target = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
    expect(target).toMatch(/^https:\/\/khabar\.example\/economy\/pages\/\d+\/$/);
    expect(document.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toContain(
      new URL(target).pathname,
    );
    // The old page 2 began with the 4th newest story of the section: the page it leads to shows it.
    const first = await loadPage('/economy/');
    const older = await walkListing('/economy/');
    const fourth = older.flatMap((p) => p.stories)[PER_PAGE];
    const led = older.find((p) => p.path === new URL(target).pathname);
    expect(led?.stories).toContain(fourth);
    expect(first.document.querySelector('meta[http-equiv="refresh"]')).toBeNull();
  });

  it('writes page numbers and the dates of a page in Arabic-Indic digits', async () => {
    const { document } = await loadPage('/economy/pages/1/');
    const numbers = [...document.querySelectorAll('.khabar-pagination__number')].map((a) =>
      a.textContent.trim(),
    );
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.at(-1)).toBe('١');
    for (const n of numbers) expect(n).toMatch(ARABIC_DIGITS);
    expect(
      document.querySelector('.khabar-pagination__number[aria-current="page"]')?.textContent.trim(),
    ).toBe('١');
    expect(document.querySelector('.khabar-pagination__status')?.textContent).toMatch(/^من .+ إلى .+٢٠١٦$/);
    expect(document.querySelector('title')?.textContent).toContain('الصفحة ١');
    // The arrows are mirrored by the RTL utility, not drawn twice.
    expect(document.querySelector('a[rel="prev"] svg')?.getAttribute('class')).toContain('khabar-flip-rtl');
  });

  it('paginates tags and authors the same way', async () => {
    const stories = await publishedStories();
    const tag = 'الياسمين';
    const tagPages = await walkListing(`/tags/${encodeURIComponent(tag)}/`);
    expect(storiesOf(tagPages).size).toBe(stories.filter((s) => s.tags.includes(tag)).length);
    expect(tagPages.length).toBeGreaterThan(1);
    for (const author of ['layla-haddad', 'nour-salem', 'news-desk', 'omar-khatib']) {
      const pages = await walkListing(`/authors/${author}/`);
      expect(storiesOf(pages).size, author).toBe(stories.filter((s) => s.authors.includes(author)).length);
      for (const page of pages) expect(page.stories.length).toBeGreaterThan(0);
    }
  });

  it('shows an author’s bio, avatar and social links', async () => {
    const { document } = await loadPage('/authors/layla-haddad/');
    expect(document.querySelector('.khabar-author h1')?.textContent.trim()).toBe('ليلى حداد');
    expect(document.querySelector('.khabar-author img')).not.toBeNull();
    expect(document.querySelector('.khabar-author .khabar-page-lead')?.textContent).toContain('الطاقة');
    const social = [...document.querySelectorAll('.khabar-author__social a')].map((a) =>
      a.getAttribute('href'),
    );
    expect(social).toContain('https://x.com/layla_haddad_example');
  });
});

describe('the date archive', () => {
  it('lists years and months with story counts that add up', async () => {
    const total = (await publishedStories()).length;
    const { document } = await loadPage('/archive/');
    const months = [...document.querySelectorAll('.khabar-archive__months a')].map((a) =>
      a.getAttribute('href'),
    );
    expect(months).toEqual(['/archive/2016/12/', '/archive/2016/11/']);
    expect(document.querySelector('.khabar-archive__heading')?.textContent).toContain('٢٠١٦');
    expect(document.querySelector('.khabar-archive__months a')?.textContent).toBe('ديسمبر/كانون الأول ٢٠١٦');
    let sum = 0;
    for (const month of months) {
      const pages = await walkListing(month ?? '');
      for (const page of pages) expect(page.stories.length).toBeGreaterThan(0);
      sum += storiesOf(pages).size;
    }
    expect(sum).toBe(total);
    const year = await loadPage('/archive/2016/');
    expect(year.document.querySelector('h1')?.textContent).toBe('أرشيف ٢٠١٦');
    expect(year.document.querySelector('.khabar-page-lead')?.textContent).toBe(
      `${total.toLocaleString('ar-EG')} خبراً`,
    );
  });

  it('is linked from the footer of every page', async () => {
    const { document } = await loadPage(SEED_PATH);
    expect(document.querySelector('footer a[href="/archive/"]')).not.toBeNull();
  });
});
