/**
 * axe-core in real Chromium on every kind of page, light and dark, with the WCAG 2.2 A/AA rule tags
 * (colour contrast included): zero violations.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe.ts';
import { openPage, PAGE_KINDS, PHONE, siteDist, useSiteBrowser } from '../helpers/browser.ts';

const site = useSiteBrowser();

/** Runs axe on a page of the built site in a colour scheme; the violations, one line each. */
async function axeOn(path: string, colorScheme: 'light' | 'dark') {
  const context = await site.browser.newContext({ ...PHONE, colorScheme });
  try {
    const page = await context.newPage();
    await openPage(page, site.server.url(path));
    return await runAxe(page);
  } finally {
    await context.close();
  }
}

/** The site path of the first built story page whose HTML holds `marker` (the example's media stories). */
async function storyWith(marker: string): Promise<string> {
  const files = (await readdir(siteDist, { recursive: true })).filter((f) => f.endsWith('index.html')).sort();
  for (const file of files) {
    if ((await readFile(join(siteDist, file), 'utf8')).includes(marker)) {
      const dir = file.slice(0, -'index.html'.length).split(sep).join('/');
      return `/${dir.split('/').map(encodeURIComponent).join('/')}`;
    }
  }
  throw new Error(`no page of the built site holds ${marker}`);
}

describe.each(['light', 'dark'] as const)('axe, WCAG 2.2 A/AA, %s mode', (colorScheme) => {
  it.each(Object.entries(PAGE_KINDS))('%s page has no violations', async (_kind, path) => {
    const { violations, passes } = await axeOn(path, colorScheme);
    expect(violations).toEqual([]);
    // The contrast rule really ran on this page's text.
    expect(passes).toContain('color-contrast');
  });

  it.each([
    ['a photo story (its gallery viewer)', 'class="khabar-gallery" data-lead'],
    ['a story with embeds (their facades, the script run)', 'data-khabar-embed'],
  ])('%s has no violations', async (_kind, marker) => {
    const { violations } = await axeOn(await storyWith(marker), colorScheme);
    expect(violations).toEqual([]);
  });
});
