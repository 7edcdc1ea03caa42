/**
 * The newsroom in real Chromium over the built example: a reader's walk home → section → page 2 →
 * article → author → tag, Arabic search that finds the seed article from inflected forms, the dark-mode
 * toggle without a flash, RTL pagination arrows, printing, and the new pages on a 320 px phone.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, PHONE, useSiteBrowser } from '../helpers/browser.ts';
import { SEED_PATH } from '../helpers/site.ts';

const site = useSiteBrowser();

const { withPage } = site;

const DESKTOP: BrowserContextOptions = { ...PHONE, viewport: { width: 1280, height: 900 } };
const path = (page: Page) => decodeURIComponent(new URL(page.url()).pathname);

async function follow(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  const before = page.url();
  await Promise.all([page.waitForURL((url) => url.href !== before), locator.click()]);
  await page.waitForLoadState('load');
}

describe("a reader's walk through the newsroom", () => {
  it('goes home → section → an older page → article → author → tag', async () => {
    await withPage(DESKTOP, async (page) => {
      await openPage(page, site.server.url('/'));
      await expect.poll(() => page.locator('.khabar-breaking-strip li').count()).toBeGreaterThan(0);

      await follow(page, page.locator('.khabar-nav a', { hasText: 'اقتصاد' }));
      expect(path(page)).toBe('/economy/');
      expect((await page.locator('main h1').textContent())?.trim()).toBe('اقتصاد');
      const firstPage = await page.locator('main .khabar-card__title a').allTextContents();

      await follow(page, page.locator('.khabar-pagination a[rel="next"]'));
      // Four economy stories, three a page: the first page shows the newest three, and the one numbered
      // page (counted from the oldest) the oldest three, among them the one the first page left out.
      expect(path(page)).toBe('/economy/pages/1/');
      expect(await page.locator('.khabar-pagination [aria-current="page"]').textContent()).toContain('١');
      const secondPage = await page.locator('main .khabar-card__title a').allTextContents();
      expect(secondPage).toHaveLength(3);
      expect(secondPage.filter((title) => !firstPage.includes(title)).length).toBeGreaterThan(0);

      const story = page.locator('main .khabar-card__title a').first();
      const headline = (await story.textContent())?.trim() ?? '';
      await follow(page, story);
      expect((await page.locator('main h1').textContent())?.trim()).toBe(headline);
      // Breadcrumbs lead back to the section.
      expect(await page.locator('.khabar-breadcrumbs a').allTextContents()).toEqual(['الرئيسية', 'اقتصاد']);

      const author = page.locator('main a[rel="author"]').first();
      const name = (await author.textContent())?.trim() ?? '';
      await follow(page, author);
      expect(path(page)).toMatch(/^\/authors\//);
      expect((await page.locator('main h1').textContent())?.trim()).toBe(name);
      expect(await page.locator('main .khabar-author img').count()).toBe(1);

      await follow(page, page.locator('main .khabar-card__title a').first());
      const tag = page.locator('main a[rel="tag"]').first();
      const tagName = (await tag.textContent())?.trim() ?? '';
      await follow(page, tag);
      expect(path(page)).toBe(`/tags/${tagName}/`);
      expect((await page.locator('main h1').textContent())?.trim()).toBe(tagName);
    });
  });

  it('points "السابق" right and "التالي" left', async () => {
    await withPage(DESKTOP, async (page) => {
      await openPage(page, site.server.url('/economy/pages/1/'));
      const prev = await page.locator('a[rel="prev"]').evaluate((a) => {
        const svg = a.querySelector('svg') as SVGSVGElement;
        const path = svg.querySelector('path') as SVGPathElement;
        const m = path.getScreenCTM() as DOMMatrix;
        // The chevron's tip is its middle vertex (5, 8); its ends are at x = 10.
        const tip = new DOMPoint(5, 8).matrixTransform(m).x;
        const end = new DOMPoint(10, 3).matrixTransform(m).x;
        const text = document.createRange();
        text.selectNodeContents(a.lastChild as Node);
        return {
          pointsRight: tip > end,
          iconRightOfText: svg.getBoundingClientRect().left >= text.getBoundingClientRect().right - 1,
        };
      });
      expect(prev).toEqual({ pointsRight: true, iconRightOfText: true });
      await openPage(page, site.server.url('/economy/'));
      const next = await page.locator('a[rel="next"]').evaluate((a) => {
        const path = a.querySelector('svg path') as SVGPathElement;
        const m = path.getScreenCTM() as DOMMatrix;
        // Drawn as ">" (tip at x = 11): mirrored in Arabic.
        return new DOMPoint(11, 8).matrixTransform(m).x < new DOMPoint(6, 3).matrixTransform(m).x;
      });
      expect(next).toBe(true);
    });
  });
});

describe('search', () => {
  // None of these forms is in the seed article as typed: it writes "الإرهاب" and "للإرهابيين",
  // "الخارجية", "أمريكي", "سوريا" and "بسوريا".
  it.each(['إرهاب', 'خارجية', 'الأمريكي', 'لسوريا', 'والإرهاب'])(
    'finds the seed article from "%s"',
    async (word) => {
      await withPage(PHONE, async (page) => {
        await openPage(page, site.server.url('/search/'));
        await page.locator('main input[name="q"]').fill(word);
        await page.locator('main input[name="q"]').press('Enter');
        const seed = page.locator(`.khabar-search__results a[href="${SEED_PATH}"]`);
        await seed.waitFor({ timeout: 15_000 });
        expect(await seed.textContent()).toContain('روسيا تطالب الغرب');
        expect(await page.locator('[data-status]').textContent()).toContain(`«${word}»`);
        // The query is in the address, so a result page can be shared.
        expect(new URL(page.url()).searchParams.get('q')).toBe(word);
      });
    },
  );

  it('runs a query from the address and says when nothing matches', async () => {
    await withPage(PHONE, async (page) => {
      await openPage(page, site.server.url(`/search/?q=${encodeURIComponent('زلزال')}`));
      await expect
        .poll(() => page.locator('[data-status]').textContent(), { timeout: 15_000 })
        .toContain('لم نعثر');
      expect(await page.locator('.khabar-search__results li').count()).toBe(0);
    });
  });

  it('lays the search page out right to left on a 320 px phone', async () => {
    await withPage({ ...PHONE, viewport: { width: 320, height: 700 } }, async (page) => {
      await openPage(page, site.server.url(`/search/?q=${encodeURIComponent('سوريا')}`));
      await page.locator('.khabar-search__result').first().waitFor({ timeout: 15_000 });
      const layout = await page.evaluate(() => {
        const input = document.querySelector('main input[name="q"]') as HTMLElement;
        const button = document.querySelector('main form button') as HTMLElement;
        const title = document.querySelector('.khabar-search__title') as HTMLElement;
        return {
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          buttonAtLeft: button.getBoundingClientRect().right <= input.getBoundingClientRect().left + 1,
          direction: getComputedStyle(title).direction,
          titleFromRight: Math.round(innerWidth - title.getBoundingClientRect().right) < 40,
        };
      });
      expect(layout).toEqual({ overflow: 0, buttonAtLeft: true, direction: 'rtl', titleFromRight: true });
    });
  });
});

describe('dark mode', () => {
  it('applies a remembered choice before the body is parsed, over the system preference', async () => {
    await withPage({ ...PHONE, colorScheme: 'light' }, async (page) => {
      await page.addInitScript(() => {
        localStorage.setItem('khabar-theme', 'dark');
        // Record the theme at the moment <body> is created: set by then means no flash of light.
        new MutationObserver((_, observer) => {
          if (document.body as HTMLElement | null) {
            (window as unknown as { themeAtBody: string }).themeAtBody =
              document.documentElement.dataset.theme ?? '';
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await openPage(page, site.server.url(SEED_PATH));
      expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe(
        'dark',
      );
      const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      expect(bg).toBe('rgb(18, 18, 18)');
    });
  });

  it('switches with the toggle, remembers it across pages, and is announced as pressed', async () => {
    await withPage({ ...PHONE, colorScheme: 'light' }, async (page) => {
      await openPage(page, site.server.url('/'));
      const toggle = page.locator('[data-khabar-theme-toggle]');
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await toggle.click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      await openPage(page, site.server.url('/economy/'));
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(await page.locator('[data-khabar-theme-toggle]').getAttribute('aria-pressed')).toBe('true');
      await page.locator('[data-khabar-theme-toggle]').click();
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
        'rgb(255, 255, 255)',
      );
    });
  });

  it('lets a reader choose light on a dark system', async () => {
    await withPage({ ...PHONE, colorScheme: 'dark' }, async (page) => {
      await page.addInitScript(() => {
        localStorage.setItem('khabar-theme', 'light');
      });
      await openPage(page, site.server.url('/'));
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
        'rgb(255, 255, 255)',
      );
    });
  });
});

describe('print and small screens', () => {
  it('prints the article alone', async () => {
    await withPage(DESKTOP, async (page) => {
      await openPage(page, site.server.url(SEED_PATH));
      await page.emulateMedia({ media: 'print' });
      const shown = await page.evaluate(() =>
        Object.fromEntries(
          [
            '.khabar-nav',
            '.khabar-footer',
            '.khabar-share',
            '.khabar-article-extras',
            '.khabar-breadcrumbs',
            '.khabar-article h1',
            '.khabar-prose',
          ].map((selector) => {
            const el = document.querySelector(selector);
            return [selector, el ? getComputedStyle(el).display !== 'none' : 'missing'];
          }),
        ),
      );
      expect(shown).toEqual({
        '.khabar-nav': false,
        '.khabar-footer': false,
        '.khabar-share': false,
        '.khabar-article-extras': false,
        '.khabar-breadcrumbs': false,
        '.khabar-article h1': true,
        '.khabar-prose': true,
      });
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.byteLength).toBeGreaterThan(1000);
    });
  });

  it.each([
    '/',
    '/economy/pages/1/',
    '/archive/',
    '/archive/2016/',
    '/archive/2016/11/',
    '/authors/layla-haddad/',
    '/search/',
    '/no-such-page/',
  ])('%s fits a 320 px phone without sideways scrolling', async (url) => {
    await withPage({ ...PHONE, viewport: { width: 320, height: 700 } }, async (page) => {
      await openPage(page, site.server.url(url));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
    });
  });
});
