import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { exampleDist } from './paths.ts';
import { serveDist, type StaticServer } from './serve.ts';
import { EN_SEED_PATH, SEED_PATH } from './site.ts';

/** Debian's Chromium (`apt-get install chromium`); never a browser downloaded by Playwright. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, deterministic headless Chromium on a CI machine running as root. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * The built site the browser suites read: the example's `dist/`. Set KHABAR_DIST to point them at a copy
 * (useful while another build is rewriting `examples/news/dist`).
 */
export const siteDist = process.env.KHABAR_DIST ?? exampleDist;

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\`.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/** A phone-sized, right-to-left Arabic reader: the theme's first audience. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 780 },
  deviceScaleFactor: 1,
  locale: 'ar',
  reducedMotion: 'reduce',
};

/** Opens a page and waits until its fonts have settled (loaded or failed), so layout is final. */
export async function openPage(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response) throw new Error(`no response for ${url}`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** One page of every kind the site builds, by the name a report shows. */
export const PAGE_KINDS = {
  home: '/',
  article: SEED_PATH,
  section: '/politics/',
  tag: `/tags/${encodeURIComponent('روسيا')}/`,
  author: '/authors/news-desk/',
  // Story kinds: live coverage, an opinion piece, an analysis with a correction, and the opinion page.
  live: '/politics/storm-live/',
  opinion: '/politics/water-plan-opinion/',
  analysis: '/economy/fuel-prices-analysis/',
  'opinion index': '/opinion/',
  '404': '/no-such-page/',
} as const satisfies Record<string, string>;

/** Pages of the example's English edition (`/en/`), left to right: the same kinds in the other direction. */
export const ENGLISH_PAGE_KINDS = {
  'English home': '/en/',
  'English article': EN_SEED_PATH,
  'English section': '/en/politics/',
  'English tag': '/en/tags/Russia/',
  'English author': '/en/authors/news-desk/',
} as const satisfies Record<string, string>;

/** A suite's browser and the server of the built site, started before its tests and stopped after. */
export interface SiteBrowser {
  readonly browser: Browser;
  readonly server: StaticServer;
  /** Runs `run` on a fresh page in a fresh context, closed afterwards whatever happens. */
  withPage: <T>(options: BrowserContextOptions, run: (page: Page) => Promise<T>) => Promise<T>;
}

/**
 * Starts the static server over the built site and Debian's Chromium for the calling suite (Vitest's
 * beforeAll/afterAll), and stops both after it, even when setup failed half-way.
 */
export function useSiteBrowser(): SiteBrowser {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveDist(siteDist);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const site: SiteBrowser = {
    get browser() {
      if (!browser) throw new Error('the suite’s browser is not started (beforeAll failed?)');
      return browser;
    },
    get server() {
      if (!server) throw new Error('the suite’s server is not started (beforeAll failed?)');
      return server;
    },
    withPage: async (options, run) => {
      const context = await site.browser.newContext(options);
      try {
        return await run(await context.newPage());
      } finally {
        await context.close();
      }
    },
  };
  return site;
}
