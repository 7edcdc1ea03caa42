/**
 * Media in a story as a reader's browser gets it (the built example): an embed asks nothing of any
 * platform until the reader clicks it, and then loads YouTube from youtube-nocookie.com; a photo story's
 * gallery moves with the keyboard and a swipe, and is a plain sequence of figures without JavaScript.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, PHONE, siteDist, useSiteBrowser } from '../helpers/browser.ts';

const site = useSiteBrowser();

/** The site path of the first built page whose HTML passes `test`. */
async function findPage(test: (html: string) => boolean): Promise<string> {
  const files = (await readdir(siteDist, { recursive: true })).filter((f) => f.endsWith('index.html')).sort();
  for (const file of files) {
    if (test(await readFile(join(siteDist, file), 'utf8'))) {
      const dir = file.slice(0, -'index.html'.length).split(sep).join('/');
      return `/${dir.split('/').map(encodeURIComponent).join('/')}`;
    }
  }
  throw new Error('no such page in the built example');
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Aborts and records every request that leaves the machine. */
async function recordExternal(page: Page): Promise<string[]> {
  const external: string[] = [];
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || LOOPBACK.has(url.hostname)) await route.continue();
    else {
      external.push(url.href);
      await route.abort();
    }
  });
  return external;
}

describe('an embed', () => {
  it('requests nothing from any platform before the click, then loads YouTube from youtube-nocookie.com', async () => {
    const path = await findPage((html) => html.includes('data-platform="youtube"'));
    await site.withPage(PHONE, async (page) => {
      const external = await recordExternal(page);
      await openPage(page, site.server.url(path));
      const facade = page.locator('figure.khabar-embed[data-platform="youtube"]').first();
      await facade.scrollIntoViewIfNeeded();
      // The script showed the click-to-load wording; the page has no frame yet.
      await expect.poll(() => facade.locator('.khabar-embed__note').isVisible()).toBe(true);
      expect(await facade.locator('.khabar-embed__action').textContent()).toBe(
        await facade.getAttribute('data-load'),
      );
      expect(await page.locator('iframe').count()).toBe(0);
      expect(external).toEqual([]);

      await facade.locator('a').click();
      await expect
        .poll(() => external.some((url) => new URL(url).hostname === 'www.youtube-nocookie.com'))
        .toBe(true);
      const hosts = new Set(external.map((url) => new URL(url).hostname));
      expect([...hosts]).toEqual(['www.youtube-nocookie.com']);
      expect(await facade.locator('iframe').getAttribute('src')).toMatch(
        /^https:\/\/www\.youtube-nocookie\.com\/embed\/[\w-]{11}\?autoplay=1/,
      );
      // The page itself did not leave: the click loaded the frame, it did not follow the link.
      expect(page.url()).toBe(site.server.url(path));
    });
  });

  it('is a link to the platform without JavaScript', async () => {
    const path = await findPage((html) => html.includes('data-platform="youtube"'));
    await site.withPage({ ...PHONE, javaScriptEnabled: false }, async (page) => {
      const external = await recordExternal(page);
      await openPage(page, site.server.url(path));
      const facade = page.locator('figure.khabar-embed[data-platform="youtube"]').first();
      expect(await facade.locator('a').getAttribute('href')).toMatch(
        /^https:\/\/www\.youtube\.com\/watch\?v=/,
      );
      // It says where it leads, and no click-to-load wording: there is no script to load anything.
      expect(await facade.locator('.khabar-embed__action').textContent()).toBe('افتحه على يوتيوب');
      expect(await facade.locator('.khabar-embed__note').count()).toBe(0);
      expect(external).toEqual([]);
    });
  });
});

describe('a photo story’s gallery', () => {
  /** Which picture shows (its position among the gallery's items), and what the status says. */
  const state = (page: Page) =>
    page.evaluate(() => {
      const gallery = document.querySelector<HTMLElement>('.khabar-gallery[data-lead]');
      const items = [...(gallery?.querySelectorAll<HTMLElement>('.khabar-gallery__item') ?? [])];
      return {
        visible: items.filter((item) => item.offsetParent !== null).map((item) => items.indexOf(item)),
        status: gallery?.querySelector('.khabar-gallery__status')?.textContent ?? '',
        positions: items.map((item) => item.dataset['position'] ?? ''),
      };
    });

  it('moves with the arrow keys in the page’s direction, Home and End, the buttons and a swipe', async () => {
    const path = await findPage((html) => html.includes('class="khabar-gallery" data-lead'));
    await site.withPage(PHONE, async (page) => {
      await openPage(page, site.server.url(path));
      const start = await state(page);
      const last = start.positions.length - 1;
      expect(last).toBeGreaterThanOrEqual(2);
      expect(start.visible).toEqual([0]);
      expect(start.status).toBe(start.positions[0]);

      await page.locator('.khabar-gallery[data-lead]').focus();
      // Right to left: ← is forwards, → is back.
      await page.keyboard.press('ArrowLeft');
      expect((await state(page)).visible).toEqual([1]);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect((await state(page)).visible).toEqual([0]);
      await page.keyboard.press('End');
      const end = await state(page);
      expect(end.visible).toEqual([last]);
      expect(end.status).toBe(start.positions[last]);
      await page.keyboard.press('Home');
      expect((await state(page)).visible).toEqual([0]);

      await page.locator('.khabar-gallery__step').last().click();
      expect((await state(page)).visible).toEqual([1]);

      // A swipe to the right goes forwards in a right-to-left page.
      const box = await page
        .locator('.khabar-gallery[data-lead] .khabar-gallery__item[data-current]')
        .boundingBox();
      if (!box) throw new Error('the picture shown has no box');
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + box.width * 0.3, y);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.7, y, { steps: 4 });
      await page.mouse.up();
      expect((await state(page)).visible).toEqual([2]);
    });
  });

  it('without JavaScript, is every picture in order, with its caption', async () => {
    const path = await findPage((html) => html.includes('class="khabar-gallery" data-lead'));
    await site.withPage({ ...PHONE, javaScriptEnabled: false }, async (page) => {
      await openPage(page, site.server.url(path));
      const { visible, positions } = await state(page);
      expect(visible).toEqual(positions.map((_, index) => index));
      expect(await page.locator('.khabar-gallery__controls').count()).toBe(0);
    });
  });
});
