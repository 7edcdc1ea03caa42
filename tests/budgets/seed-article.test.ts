/**
 * Performance budgets for the seed article's page and its English translation's, content images not counted:
 * no JavaScript but what a listed feature needs (inline only when it must run before the first paint), HTML ≤ 40 kB with nothing every page shares inline, HTML + CSS (+ script files) ≤ 30 kB gzip, at most two font files preloaded, ≤ 150 kB of fonts on a first
 * view, and no layout shift from font loading (CLS 0 by the Layout Instability API in Chromium).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, siteDist, useSiteBrowser } from '../helpers/browser.ts';
import { EN_SEED_PATH, loadPage, SEED_PATH } from '../helpers/site.ts';

const KB = 1000;
const BUDGET = { html: 40 * KB, htmlCssGzip: 30 * KB, preloadedFonts: 2, fontBytes: 150 * KB };

/**
 * The only scripts a page may carry: each names the feature that needs it, why it cannot be CSS, a
 * byte cap, and where it lives: inline only if it must run before the first paint; otherwise a file every
 * page shares (cached, content-hashed under /_astro/, a module, so it never blocks rendering). A script
 * not listed here fails the budget; to add one, add it here with its reason.
 */
const JUSTIFIED_SCRIPTS = [
  {
    feature: 'light/dark switch',
    marker: "'khabar-theme'",
    why: 'applies the reader’s saved choice before the first paint (no flash of the wrong colours)',
    maxBytes: 1024,
    where: 'inline',
  },
  {
    feature: 'comment form (khabar-comments)',
    marker: 'khabar-comments:details',
    why: 'replies open in place, the anti-spam token is fetched on focus, and a comment is sent without a reload; the form still posts without it',
    maxBytes: 4096,
    where: 'file',
  },
  {
    feature: 'live updates (a live story only)',
    marker: '[data-khabar-live]',
    why: 'new updates of live coverage appear without a reload; the page holds every update without it',
    maxBytes: 4096,
    where: 'file',
  },
];

/** The example's live story: its page carries the live-updates script besides the others. */
const LIVE_PATH = '/politics/storm-live/';
/** The live-updates script's budget, gzipped. */
const LIVE_SCRIPT_GZIP = 2 * KB;

const site = useSiteBrowser();

/** Records every layout shift not caused by input into `window.__shifts`, from before the first paint. */
async function recordLayoutShifts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { __shifts: number[] }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Waits until the fonts settled and every swap reached the screen: two frames after `fonts.ready`. */
async function settleFonts(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => {
          requestAnimationFrame(() => {
            resolve();
          });
        });
      }),
  );
}

function layoutShifts(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
}

/** The seed article, and its translation in the English edition: the budgets hold in both directions. */
const ARTICLES: [string, string][] = [
  ['the seed article', SEED_PATH],
  ['its English translation', EN_SEED_PATH],
];

/** What a page's scripts do that no listed feature justifies, where it belongs and within its size. */
async function unjustifiedScripts(name: string, path: string): Promise<string[]> {
  const { document } = await loadPage(path, siteDist);
  // JSON-LD is data, not script.
  const scripts = [...document.querySelectorAll('script')].filter(
    (script) => script.getAttribute('type') !== 'application/ld+json',
  );
  const unjustified: string[] = [];
  for (const script of scripts) {
    const src = script.getAttribute('src');
    if (src !== null && !/^\/_astro\/[\w.-]+\.[\w-]{8}\.js$/.test(src)) {
      unjustified.push(`script file not built and hashed by Astro: ${src}`);
      continue;
    }
    const code = src === null ? script.textContent : await readFile(join(siteDist, src), 'utf8');
    const where = src === null ? 'inline' : 'file';
    const bytes = Buffer.byteLength(code);
    const justified = JUSTIFIED_SCRIPTS.find((entry) => code.includes(entry.marker));
    if (!justified) unjustified.push(`unlisted ${where} script (${bytes} bytes): ${code.slice(0, 100)}`);
    else if (justified.where !== where) {
      unjustified.push(`${justified.feature}: ${where}, not ${justified.where}`);
    } else if (where === 'file' && script.getAttribute('type') !== 'module') {
      unjustified.push(`${justified.feature}: a classic script file, which would block rendering`);
    } else if (bytes > justified.maxBytes) {
      unjustified.push(`${justified.feature}: ${bytes} bytes, over its ${justified.maxBytes}`);
    } else console.info(`${name}: ${justified.feature} script, ${bytes} bytes, ${where}`);
  }
  expect(document.querySelectorAll('link[rel="modulepreload"], link[as="script"]').length).toBe(0);
  return unjustified;
}

describe('a live story, as built', () => {
  it('needs no JavaScript but the small scripts listed features justify, each where it belongs', async () => {
    expect(await unjustifiedScripts('live story', LIVE_PATH)).toEqual([]);
  });

  it('a live story’s script for new updates weighs under 2 kB gzipped; the seed article has none', async () => {
    const scriptsOf = async (path: string) => {
      const { document } = await loadPage(path, siteDist);
      const sources = [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src') ?? '');
      return Promise.all(sources.map((src) => readFile(join(siteDist, src), 'utf8')));
    };
    const live = (await scriptsOf(LIVE_PATH)).filter((code) => code.includes('[data-khabar-live]'));
    expect(live.length).toBe(1);
    const bytes = gzipSync(live[0] ?? '').length;
    console.info(`live story: live-updates script, ${bytes} bytes gzipped`);
    expect(bytes).toBeLessThanOrEqual(LIVE_SCRIPT_GZIP);
    expect((await scriptsOf(SEED_PATH)).some((code) => code.includes('[data-khabar-live]'))).toBe(false);
  });
});

describe.each(ARTICLES)('%s, as built', (name, path) => {
  it('needs no JavaScript but the small scripts listed features justify, each where it belongs', async () => {
    expect(await unjustifiedScripts(name, path)).toEqual([]);
  });

  it('weighs at most 30 kB of HTML and CSS (and script files), gzipped', async () => {
    const { html, document } = await loadPage(path, siteDist);
    const sheets = [...document.querySelectorAll('link[rel="stylesheet"]')].map(
      (link) => link.getAttribute('href') ?? '',
    );
    // A script moved out of the page into a file still counts on a first view.
    const scripts = [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src') ?? '');
    let total = gzipSync(html).length;
    for (const href of [...sheets, ...scripts])
      total += gzipSync(await readFile(join(siteDist, decodeURIComponent(href)))).length;
    console.info(
      `${name}: HTML + ${sheets.length} stylesheet(s) + ${scripts.length} script file(s) = ${total} bytes gzipped`,
    );
    expect(total).toBeLessThanOrEqual(BUDGET.htmlCssGzip);
  });

  it('writes at most 40 kB of HTML, and nothing every page shares', async () => {
    const { html, document } = await loadPage(path, siteDist);
    console.info(`${name}: ${Buffer.byteLength(html)} bytes of HTML`);
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(BUDGET.html);
    // The theme's stylesheet is the home page's too: one file for every page, fetched once.
    const home = (await loadPage('/', siteDist)).document;
    const sheets = (doc: Document) =>
      [...doc.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute('href'));
    expect(sheets(home).length).toBe(1);
    expect(sheets(document)).toContain(sheets(home)[0]);
    // No CSS of its own but the layer order: no @font-face rules, no part's styles.
    expect([...document.querySelectorAll('style')].map((s) => s.textContent.trim())).toEqual([
      '@layer khabar.reset, khabar.base, khabar.layout, khabar.components, khabar.utils;',
    ]);
    // No scoping attributes on the theme's parts (khabar-comments scopes its own), no inline icons.
    const outsideComments = html.replace(/<section class="khabar-comments"[\s\S]*?<\/section><\/div>/, '');
    expect(outsideComments).not.toMatch(/data-astro-cid-/);
    expect(document.querySelectorAll('.khabar-share svg, .khabar-header svg').length).toBe(0);
    // The share links carry the address and headline once, as UTF-8: nothing percent-encoded twice.
    const share = [...document.querySelectorAll('.khabar-share__link')].map((a) => a.getAttribute('href'));
    expect(share.length).toBe(5);
    for (const href of share) expect(href).not.toMatch(/%25/);
  });

  it('preloads at most two font files', async () => {
    const { document } = await loadPage(path, siteDist);
    expect(document.querySelectorAll('link[rel="preload"][as="font"]').length).toBeLessThanOrEqual(
      BUDGET.preloadedFonts,
    );
  });
});

describe.each(ARTICLES)('%s, in Chromium', (name, path) => {
  it('downloads at most 150 kB of fonts, and no script file but the comment form’s, on a first view', async () => {
    const context = await site.browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      const fonts = new Map<string, number>();
      const scripts: string[] = [];
      page.on('requestfinished', (request) => {
        if (request.resourceType() === 'script') scripts.push(request.url());
        if (request.resourceType() !== 'font') return;
        void request.sizes().then((sizes) => fonts.set(request.url(), sizes.responseBodySize));
      });
      await page.goto(site.server.url(path), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      // Every font the page asked for has finished and been measured.
      const requested = await page.evaluate(
        () => performance.getEntriesByType('resource').filter((e) => /\.woff2?$/.test(e.name)).length,
      );
      await expect.poll(() => fonts.size).toBe(requested);
      const total = [...fonts.values()].reduce((sum, bytes) => sum + bytes, 0);
      console.info(`${name}: ${fonts.size} font file(s), ${total} bytes`);
      expect(fonts.size).toBeGreaterThan(0);
      const files = [...fonts].map(([url, bytes]) => `${url.split('/').pop() ?? url} ${bytes}`).join(', ');
      expect(total, `fonts fetched: ${files}`).toBeLessThanOrEqual(BUDGET.fontBytes);
      // The one script file is the comment form's (which files may exist at all: the test above); a
      // page without comments (another edition's) has none.
      const { document } = await loadPage(path, siteDist);
      const scriptFiles = [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src'));
      expect(scriptFiles).toHaveLength(document.querySelector('.khabar-comments') ? 1 : 0);
      expect(scripts.map((url) => new URL(url).pathname)).toEqual(scriptFiles);
    } finally {
      await context.close();
    }
  });

  it.each<[string, BrowserContextOptions]>([
    ['phone', PHONE],
    ['desktop', { ...PHONE, viewport: { width: 1280, height: 900 } }],
  ])('does not shift while fonts load (CLS 0, %s)', async (_name, options) => {
    const context = await site.browser.newContext(options);
    try {
      await recordLayoutShifts(context);
      const page = await context.newPage();
      await page.goto(site.server.url(path), { waitUntil: 'load' });
      await settleFonts(page);
      const loaded = await page.evaluate(
        () => [...document.fonts].filter((f) => f.status === 'loaded').length,
      );
      const shifts = await layoutShifts(page);
      console.info(
        `${name} (${_name}): ${loaded} font face(s) loaded, layout shifts ${JSON.stringify(shifts)}`,
      );
      expect(loaded).toBeGreaterThan(0);
      expect(shifts.reduce((sum, value) => sum + value, 0)).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('does not move when the fonts arrive after the first paint (slow network, phone)', async () => {
    // On a slow connection the text is first painted in the fallback faces. With font-display: swap the
    // web fonts then swapped in and moved the text (0.0192 with the theme's Arabic-measured fallbacks,
    // 0.16 with Astro's Latin-measured ones); with `optional`, the default, nothing is swapped in late.
    // Hold every font until the page has painted, then let them through.
    const context = await site.browser.newContext(PHONE);
    try {
      await recordLayoutShifts(context);
      const page = await context.newPage();
      let release!: () => void;
      const painted = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/*.woff2', async (route) => {
        await painted;
        await route.continue();
      });
      await page.goto(site.server.url(path), { waitUntil: 'commit' });
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
      release();
      await page.waitForLoadState('load');
      await settleFonts(page);
      const shifts = await layoutShifts(page);
      const cls = shifts.reduce((sum, value) => sum + value, 0);
      console.info(`${name}, fonts after first paint: CLS ${cls.toFixed(4)}`);
      // font-display: optional (the theme's default) never swaps a font in after the first paint.
      expect(cls).toBe(0);
    } finally {
      await context.close();
    }
  });
});
