/**
 * What a reader on a phone (and a desktop) sees, in real Chromium over the built example site: layout at
 * 360 px, dark mode, 200 % zoom and mirrored icons. The keyboard and a path through the site are in
 * reader-navigation.test.ts.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { openPage, PAGE_KINDS, PHONE, siteDist, useSiteBrowser } from '../helpers/browser.ts';

const site = useSiteBrowser();

const { withPage } = site;

/** The site path of the first built page whose HTML passes `test`, if any. */
async function findPage(test: (html: string) => boolean): Promise<string | undefined> {
  const files = (await readdir(siteDist, { recursive: true })).filter((f) => f.endsWith('index.html')).sort();
  for (const file of files) {
    if (test(await readFile(join(siteDist, file), 'utf8'))) {
      const dir = file.slice(0, -'index.html'.length).split(sep).join('/');
      return `/${dir.split('/').map(encodeURIComponent).join('/')}`;
    }
  }
  return undefined;
}

/**
 * Which way a chevron or arrow in a screenshot points: its tip is the end where the ink spans the fewest
 * rows (an open "<" spans the full height at its open end, a single point at its tip).
 */
async function tipDirection(png: Buffer): Promise<'left' | 'right'> {
  const { data, info } = await sharp(png).flatten({ background: '#ffffff' }).greyscale().raw().toBuffer({
    resolveWithObject: true,
  });
  const background = data[0] ?? 255;
  const spans: number[] = [];
  for (let x = 0; x < info.width; x++) {
    let top = -1;
    let bottom = -1;
    for (let y = 0; y < info.height; y++) {
      if (Math.abs((data[y * info.width + x] ?? background) - background) > 60) {
        if (top < 0) top = y;
        bottom = y;
      }
    }
    if (top >= 0) spans.push(bottom - top);
  }
  if (spans.length < 4) throw new Error('no icon ink found in the screenshot');
  const quarter = Math.max(1, Math.floor(spans.length / 4));
  const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return average(spans.slice(0, quarter)) < average(spans.slice(-quarter)) ? 'left' : 'right';
}

interface LayoutReport {
  direction: string;
  viewport: number;
  scrollWidth: number;
  /** Images (and pictures) that reach past the viewport's edges. */
  overflowingImages: string[];
  heading: { contentRight: number; firstLineRight: number } | null;
}

/** Measures the things a 360 px reader notices first. */
function measureLayout(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const viewport = root.clientWidth;
    const overflowingImages = [...document.querySelectorAll('img, picture, svg, video')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < -0.5 || r.right > viewport + 0.5);
      })
      .map((el) => el.outerHTML.slice(0, 120));
    const h1 = document.querySelector('main h1');
    let heading = null;
    if (h1) {
      const style = getComputedStyle(h1);
      const box = h1.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(h1);
      const first = range.getClientRects()[0];
      heading = {
        contentRight: box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth),
        firstLineRight: first ? first.right : Number.NaN,
      };
    }
    return {
      direction: getComputedStyle(root).direction,
      viewport,
      scrollWidth: root.scrollWidth,
      overflowingImages,
      heading,
    };
  });
}

describe('layout', () => {
  it.each(Object.entries(PAGE_KINDS))(
    '%s page fits a 360 px phone: no sideways scroll, images inside, text from the right',
    async (_kind, path) => {
      const report = await withPage(PHONE, async (page) => {
        await openPage(page, site.server.url(path));
        return measureLayout(page);
      });
      expect(report.direction).toBe('rtl');
      expect(report.scrollWidth).toBeLessThanOrEqual(report.viewport);
      expect(report.overflowingImages).toEqual([]);
      // The headline's first line starts at the inline-start edge: the right side of the screen.
      if (!report.heading) throw new Error(`${path} has no <h1> in <main>`);
      const { contentRight, firstLineRight } = report.heading;
      expect(Math.abs(firstLineRight - contentRight)).toBeLessThanOrEqual(1);
      expect(contentRight).toBeGreaterThan(report.viewport - 48);
    },
  );

  it.each([
    ['a 1280 px desktop', { width: 640, height: 400 }],
    ['a 360 px phone', { width: 180, height: 390 }],
  ])('works at 2× zoom (200 per cent) on %s', async (_name, viewport) => {
    for (const path of [PAGE_KINDS.home, PAGE_KINDS.article, PAGE_KINDS.section]) {
      const report = await withPage({ ...PHONE, viewport, deviceScaleFactor: 2 }, async (page) => {
        await openPage(page, site.server.url(path));
        return measureLayout(page);
      });
      expect(report.scrollWidth, path).toBeLessThanOrEqual(report.viewport);
      expect(report.overflowingImages, path).toEqual([]);
    }
  });

  it('switches to dark colours when the reader prefers them', async () => {
    const luminance = (rgb: string) => {
      const [r = 0, g = 0, b = 0] = (rgb.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const scheme of ['light', 'dark'] as const) {
      const colours = await withPage({ ...PHONE, colorScheme: scheme }, async (page) => {
        await openPage(page, site.server.url(PAGE_KINDS.article));
        return page.evaluate(() => ({
          background: getComputedStyle(document.documentElement).backgroundColor,
          text: getComputedStyle(document.querySelector('.khabar-prose p') ?? document.body).color,
        }));
      });
      if (scheme === 'dark') {
        expect(luminance(colours.background)).toBeLessThan(0.05);
        expect(luminance(colours.text)).toBeGreaterThan(0.6);
      } else {
        expect(luminance(colours.background)).toBeGreaterThan(0.9);
        expect(luminance(colours.text)).toBeLessThan(0.05);
      }
    }
  });

  it('points directional icons the way the reader goes: "previous" right, "next" left', async () => {
    // A probe chevron drawn the LTR way ("<", back), and the pagination arrows of an archive page with
    // both arrows if the build has one. Each icon is photographed and its tip found from the pixels.
    const paginated = await findPage(
      (html) =>
        /rel="prev"[^>]*>\s*<svg[^>]*khabar-flip-rtl/.test(html) &&
        /rel="next"[^>]*>[^<]*<svg[^>]*khabar-flip-rtl/.test(html),
    );
    const checks: { path: string; selector: string; expected: 'left' | 'right' }[] = [
      { path: PAGE_KINDS.article, selector: '#khabar-probe-icon', expected: 'right' },
    ];
    if (paginated) {
      checks.push({ path: paginated, selector: 'a[rel="prev"] svg', expected: 'right' });
      checks.push({ path: paginated, selector: 'a[rel="next"] svg', expected: 'left' });
    }
    for (const { path, selector, expected } of checks) {
      const tips = await withPage({ ...PHONE, deviceScaleFactor: 4 }, async (page) => {
        await openPage(page, site.server.url(path));
        await page.evaluate(() => {
          const main = document.querySelector('main');
          main?.insertAdjacentHTML(
            'afterbegin',
            '<svg id="khabar-probe-icon" class="khabar-flip-rtl" width="16" height="16" viewBox="0 0 16 16">' +
              '<path d="M10 3 5 8l5 5" fill="none" stroke="#000" stroke-width="2"/></svg>',
          );
        });
        const icons = page.locator(selector);
        const found: ('left' | 'right')[] = [];
        for (const icon of await icons.all()) found.push(await tipDirection(await icon.screenshot()));
        return found;
      });
      expect(tips.length, `${path} ${selector}`).toBeGreaterThan(0);
      for (const tip of tips) expect(tip, `${decodeURIComponent(path)} ${selector}`).toBe(expected);
    }
  });
});
