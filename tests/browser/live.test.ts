/**
 * A live story in real Chromium: the page's small script asks the story's JSON file for new updates
 * every minute and adds those the reader has not seen at the top, without a reload; once the file says
 * the coverage is over, the label says so and the script stops asking. The browser's clock is Playwright's,
 * so a minute passes at once; the JSON file is the one the build wrote, with one update added as a
 * newsroom's next build would add it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, PAGE_KINDS, PHONE, siteDist, useSiteBrowser } from '../helpers/browser.ts';

const site = useSiteBrowser();

describe('live coverage in the browser', () => {
  it('adds a new update at the top without a reload, then shows the coverage ended', async () => {
    const built = JSON.parse(await readFile(join(siteDist, 'live/storm-live.json'), 'utf8')) as {
      updates: { id: string }[];
    };
    const fresh = {
      id: 'update-1815',
      time: '2016-12-01T18:15:00+02:00',
      timeText: '٦:١٥ م',
      title: 'عودة التيار الكهربائي',
      author: { name: 'قسم الأخبار', url: '/authors/news-desk/' },
      html: '<p>عاد التيار الكهربائي إلى معظم أحياء مرسى النور.</p>',
    };
    let asked = 0;
    await site.withPage(PHONE, async (page) => {
      await page.clock.install();
      await page.route('**/live/storm-live.json', async (route) => {
        asked++;
        await route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({
            ...built,
            live: false,
            status: 'انتهت التغطية',
            updates: [fresh, ...built.updates],
          }),
        });
      });
      await openPage(page, site.server.url(PAGE_KINDS.live));
      const ids = () =>
        page.evaluate(() => [...document.querySelectorAll('.khabar-live-update')].map((u) => u.id));
      expect(await ids()).toEqual(built.updates.map((u) => u.id));
      const before = await page.evaluate(() => performance.getEntriesByType('navigation').length);
      await page.clock.runFor(61_000);
      await page.waitForSelector('#update-1815');
      expect(await ids()).toEqual([fresh.id, ...built.updates.map((u) => u.id)]);
      const added = await page.evaluate(() => {
        const update = document.getElementById('update-1815');
        return {
          title: update?.querySelector('h3')?.textContent,
          time: update?.querySelector('time')?.getAttribute('datetime'),
          link: update?.querySelector('a.khabar-live-update__time')?.getAttribute('href'),
          author: update?.querySelector('a[rel="author"] bdi')?.textContent,
          body: update?.querySelector('.khabar-live-update__body')?.textContent,
          status: document.querySelector('[data-khabar-live-status]')?.textContent,
          announced: document.querySelector('[aria-live="polite"]')?.textContent,
        };
      });
      expect(added).toEqual({
        title: fresh.title,
        time: fresh.time,
        link: '#update-1815',
        author: 'قسم الأخبار',
        body: 'عاد التيار الكهربائي إلى معظم أحياء مرسى النور.',
        status: 'انتهت التغطية',
        announced: 'وصلت تحديثات جديدة',
      });
      // No reload happened, and the script stopped asking once the coverage ended.
      expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(before);
      const times = asked;
      await page.clock.runFor(180_000);
      expect(asked).toBe(times);
    });
  });
});
