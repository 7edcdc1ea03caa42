/**
 * The web editor's page in the built example (`cms` on in examples/news): one page for the newsroom,
 * built ahead, that no reader, crawler, sitemap or feed is sent to.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleDist } from './helpers/paths.ts';
import { loadPage } from './helpers/site.ts';

const read = (file: string) => readFile(join(exampleDist, file), 'utf8');

describe('/admin/ in the built example', () => {
  it('is an Arabic, right-to-left page that search engines are told not to index', async () => {
    const { document } = await loadPage('/admin/');
    expect(document.documentElement.getAttribute('lang')).toBe('ar');
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex, nofollow');
    expect(document.querySelector('title')?.textContent).toBe('خبر — غرفة التحرير');
    // The editor is bundled by the build: one module from the site itself, nothing from a CDN.
    const scripts = [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src'));
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^\/_astro\/[\w.-]+\.js$/);
  });

  it('is closed to crawlers and in no sitemap or feed', async () => {
    expect(await read('robots.txt')).toMatch(/^Disallow: \/admin\/$/m);
    const sitemaps = (await readdir(exampleDist)).filter((file) => /^sitemap-\d+\.xml$/.test(file));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const file of [...sitemaps, 'news-sitemap.xml', 'rss.xml']) {
      expect(await read(file), file).not.toContain('/admin');
    }
  });

  it('is linked from no reader’s page', async () => {
    const pages = (await readdir(exampleDist, { recursive: true })).filter(
      (file) => file.endsWith('.html') && !file.startsWith('admin'),
    );
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) expect(await read(page), page).not.toMatch(/href="[^"]*\/admin\//);
  });
});
