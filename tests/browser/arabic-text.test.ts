/**
 * What a reader of an Arabic page sees of the theme's Markdown fixes and search folding, in Chromium:
 * a story's code block runs left to right on a 320 px phone with the start of its long line in view, the
 * page passes axe in light and dark mode with the code's colours, and search finds the same stories
 * whether the query is typed with Arabic, Persian or Urdu letters and digits.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe.ts';
import { openPage, PHONE, useSiteBrowser } from '../helpers/browser.ts';
import { exampleRoot } from '../helpers/paths.ts';
import { SEED_PATH } from '../helpers/site.ts';

const site = useSiteBrowser();
const NARROW = { ...PHONE, viewport: { width: 320, height: 640 } };

/** The example's stories with a fenced code block, at their pages' paths. */
const codeStories: string[] = [];

beforeAll(async () => {
  const dir = join(exampleRoot, 'src/content/articles');
  // The Arabic edition's stories: the folders beside them (en/) are other editions'.
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = entry.name;
    const text = await readFile(join(dir, file), 'utf8');
    if (!/^```/m.test(text) || /^draft:\s*true/m.test(text)) continue;
    const section = /^section:\s*(\S+)/m.exec(text)?.[1] ?? '';
    const slug = /^slug:\s*"?([^"\n]+)"?/m.exec(text)?.[1] ?? file.replace(/\.md$/, '');
    codeStories.push(`/${section}/${encodeURIComponent(slug)}/`);
  }
});

describe('code blocks on a 320 px phone', () => {
  it('the example has a story with a code block', () => {
    expect(codeStories.length).toBeGreaterThan(0);
  });

  it('runs left to right, its long line’s first character in view, scrolling to the rest', async () => {
    for (const path of codeStories) {
      await site.withPage(NARROW, async (page) => {
        await openPage(page, site.server.url(path));
        const pre = page.locator('.khabar-prose pre').first();
        expect(await pre.getAttribute('dir')).toBe('ltr');
        const layout = await pre.evaluate((element) => {
          const box = element.getBoundingClientRect();
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          let first = walker.nextNode();
          while (first && !first.textContent?.trim()) first = walker.nextNode();
          const range = document.createRange();
          const text = first?.textContent ?? '';
          const start = text.length - text.trimStart().length;
          range.setStart(first ?? element, start);
          range.setEnd(first ?? element, start + 1);
          const char = range.getBoundingClientRect();
          return {
            direction: getComputedStyle(element).direction,
            char: range.toString(),
            charLeft: char.left,
            charRight: char.right,
            boxLeft: box.left,
            boxRight: box.right,
            scrollLeft: element.scrollLeft,
            overflows: element.scrollWidth > element.clientWidth,
            viewport: document.documentElement.clientWidth,
          };
        });
        expect(layout.direction).toBe('ltr');
        expect(layout.char).not.toBe('');
        expect(layout.overflows, 'the example’s code line is longer than a phone is wide').toBe(true);
        expect(layout.scrollLeft).toBe(0);
        expect(layout.charLeft).toBeGreaterThanOrEqual(layout.boxLeft);
        expect(layout.charRight).toBeLessThanOrEqual(Math.min(layout.boxRight, layout.viewport));
        expect(layout.charLeft).toBeGreaterThanOrEqual(0);
      });
    }
  });

  it.each(['light', 'dark'] as const)(
    'passes axe in %s mode, the code’s colours included',
    async (colorScheme) => {
      for (const path of codeStories) {
        await site.withPage({ ...NARROW, colorScheme }, async (page) => {
          await openPage(page, site.server.url(path));
          expect((await runAxe(page)).violations).toEqual([]);
          // The code's colours follow the mode: Shiki's light background in light mode, its dark one in dark.
          const background = await page
            .locator('.khabar-prose pre')
            .first()
            .evaluate((element) => getComputedStyle(element).backgroundColor);
          expect(background).toBe(colorScheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(13, 17, 23)');
        });
      }
    },
  );
});

/** The result links the search page shows for a query typed into the address. */
async function results(query: string): Promise<string[]> {
  return site.withPage(PHONE, async (page) => {
    await openPage(page, site.server.url(`/search/?q=${encodeURIComponent(query)}`));
    await expect
      .poll(() => page.locator('[data-status]').textContent(), { timeout: 15_000 })
      .toContain(`«${query}»`);
    return (
      await page
        .locator('.khabar-search__title a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
    ).sort();
  });
}

describe('search folds Arabic, Persian and Urdu spellings alike', () => {
  // The seed article writes «أمريكي»; a Persian keyboard types ی and ک.
  const arabic = 'أمريكي';
  const persian = arabic.replace(/ي/g, 'ی').replace(/ك/g, 'ک');

  it('finds the seed article from its word typed with Persian letters', async () => {
    expect(persian).not.toBe(arabic);
    const found = await results(persian);
    expect(found).toContain(SEED_PATH);
    expect(found).toEqual(await results(arabic));
  });

  it('finds the same stories from a year in Arabic-Indic, Persian or Western digits', async () => {
    const arabicIndic = await results('٢٠١٦');
    expect(arabicIndic.length).toBeGreaterThan(0);
    expect(await results('۲۰۱۶')).toEqual(arabicIndic);
    expect(await results('2016')).toEqual(arabicIndic);
  });
});
