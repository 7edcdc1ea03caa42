/**
 * How a reader moves through the built example site, in real Chromium: the keyboard (skip link, focus
 * rings in reading order) on a phone and a desktop, and a path from the home page to a story, its
 * section and back. What a reader sees is in reader.test.ts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, PAGE_KINDS, PHONE, useSiteBrowser } from '../helpers/browser.ts';
import { linkHref } from '../helpers/site.ts';

const site = useSiteBrowser();

const { withPage } = site;

interface Stop {
  label: string;
  top: number;
  left: number;
  right: number;
  inViewport: boolean;
  indicator: boolean;
}

/** Presses Tab until focus leaves the page or `limit` stops, recording where focus lands. */
async function tabThrough(page: Page, limit = 80): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return {
        label: `${el.tagName.toLowerCase()} ${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}`,
        top: r.top + scrollY,
        left: r.left + scrollX,
        right: r.right + scrollX,
        inViewport: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
        indicator: outline || style.boxShadow !== 'none',
      };
    });
    if (!stop) break;
    // Focus wrapped around to the first stop again.
    const first = stops[0];
    if (first && stop.label === first.label && stop.top === first.top) break;
    stops.push(stop);
  }
  return stops;
}

describe('keyboard', () => {
  it('reaches the skip link first, and it moves focus to the content', async () => {
    await withPage(PHONE, async (page) => {
      await openPage(page, site.server.url(PAGE_KINDS.article));
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const el = document.activeElement as HTMLAnchorElement;
        const r = el.getBoundingClientRect();
        return {
          href: el.getAttribute('href'),
          visible: r.top >= 0 && r.bottom <= innerHeight && r.width > 0,
        };
      });
      expect(skip).toEqual({ href: '#main', visible: true });
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
    });
  });

  it.each([
    ['phone', PHONE],
    ['desktop', { ...PHONE, viewport: { width: 1280, height: 900 } }],
  ])('shows a visible focus ring on every stop, in reading order (%s)', async (name, options) => {
    for (const path of [PAGE_KINDS.article, PAGE_KINDS.home]) {
      const stops = await withPage(options, async (page) => {
        await openPage(page, site.server.url(path));
        return tabThrough(page);
      });
      expect(stops.length, path).toBeGreaterThan(5);
      expect(
        stops.filter((s) => !s.indicator).map((s) => s.label),
        `${path}: no focus ring`,
      ).toEqual([]);
      expect(
        stops.filter((s) => !s.inViewport).map((s) => s.label),
        `${path}: focused off screen`,
      ).toEqual([]);
      if (name === 'desktop') {
        // Right to left, then down: focus never jumps back up-and-right against the reading direction.
        const backwards = stops.filter((stop, i) => {
          const previous = stops[i - 1];
          if (!previous) return false;
          const below = stop.top > previous.top + 2;
          const further = stop.right <= previous.left + 2;
          return !below && !further;
        });
        expect(
          backwards.map((s) => s.label),
          `${path}: focus moved against reading order`,
        ).toEqual([]);
      }
    }
  });
});

describe("a reader's path", () => {
  it('opens the home page, follows a story, follows its section, and comes back', async () => {
    await withPage(PHONE, async (page) => {
      await openPage(page, site.server.url('/'));
      const home = page.url();
      const story = page.locator('main .khabar-card__title a').first();
      const headline = (await story.textContent())?.trim();
      expect(headline).toBeTruthy();

      await Promise.all([page.waitForURL((url) => url.href !== home), story.click()]);
      expect(await page.locator('main h1').textContent()).toContain(headline);
      const article = page.url();

      const section = page.locator('main .khabar-section-label').first();
      const sectionName = (await section.textContent())?.trim();
      await Promise.all([page.waitForURL((url) => url.href !== article), section.click()]);
      expect((await page.locator('main h1').textContent())?.trim()).toBe(sectionName);
      // The section is marked as the current one in the site's navigation.
      expect((await page.locator('.khabar-nav [aria-current]').textContent())?.trim()).toBe(sectionName);
      // The story is listed on its section's page.
      await expect
        .poll(() => page.locator(`main a[href="${linkHref(new URL(article).pathname)}"]`).count())
        .toBeGreaterThan(0);

      await page.goBack();
      await page.waitForURL(article);
      expect(await page.locator('main h1').textContent()).toContain(headline);
      await page.goBack();
      await page.waitForURL(home);
      expect(await page.locator('main .khabar-card__title a').first().textContent()).toContain(headline);
    });
  });
});
