/**
 * The Gallery part (tests/fixtures/gallery): an MDX story uses the component through
 * virtual:khabar/components/Gallery, which the site replaces with its own wrapper around the theme's; a
 * Markdown story carries the gallery's HTML, as khabar-wordpress writes it. Both render the same markup,
 * with optimised pictures, and the one stylesheet styles them in the theme's components layer.
 */
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrThrow } from './helpers/astro.ts';
import { tmpRoot } from './helpers/paths.ts';
import { loadPage } from './helpers/site.ts';

const root = join(tmpRoot, 'gallery');
const dist = join(root, 'dist');
const path = (...segments: string[]) => `/${segments.map(encodeURIComponent).join('/')}/`;

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await cp(new URL('./fixtures/gallery/', import.meta.url), root, { recursive: true });
  await buildOrThrow(root);
}, 300_000);

afterAll(() => rm(root, { recursive: true, force: true }));

/** The gallery of a page: its pictures' alt text and source, their captions, and its own caption. */
function read(document: Document) {
  const gallery = document.querySelector('.khabar-prose figure.khabar-gallery');
  const items = [
    ...(gallery?.querySelectorAll(':scope > ul.khabar-gallery__grid > li.khabar-gallery__item') ?? []),
  ];
  return {
    gallery,
    alts: items.map((item) => item.querySelector('figure.khabar-gallery__figure img')?.getAttribute('alt')),
    sources: items.map((item) => item.querySelector('img')?.getAttribute('src') ?? ''),
    captions: items.map(
      (item) => item.querySelector('figcaption.khabar-gallery__caption')?.textContent ?? '',
    ),
    caption: gallery?.querySelector(':scope > figcaption.khabar-gallery__caption--all')?.textContent,
  };
}

describe('a gallery', () => {
  it('in an MDX story: the site’s replacement of the part, around the theme’s gallery', async () => {
    const { document } = await loadPage(path('city', 'souq'), dist);
    const { gallery, alts, sources, captions, caption } = read(document);
    expect(gallery?.closest('.souq-gallery')?.querySelector('.souq-gallery__credit')?.textContent).toBe(
      'تصوير: قسم الصور',
    );
    expect(gallery?.getAttribute('data-columns')).toBe('2');
    expect(gallery?.getAttribute('style')).toBe('--khabar-gallery-columns: 2');
    expect(alts).toEqual(['السوق المسقوف', 'الميناء عند الغروب']);
    expect(sources.every((src) => src.startsWith('/_astro/'))).toBe(true);
    expect(captions).toEqual(['سوق المدينة', '']);
    expect(caption).toBe('حلب القديمة');
    expect(gallery?.querySelector('ul')?.getAttribute('role')).toBe('list');
    // The text around it stays in order.
    const text = document.querySelector('.khabar-prose')?.textContent ?? '';
    expect(text.indexOf('افتتحت أسواق')).toBeLessThan(text.indexOf('وعاد التجار'));
  });

  it('in the feed of an MDX story: the full text with the gallery, rendered with MDX', async () => {
    const feed = await readFile(join(dist, 'rss.xml'), 'utf8');
    const item =
      /<item>(?:(?!<\/item>)[\s\S])*?السوق المسقوف يعود(?:(?!<\/item>)[\s\S])*<\/item>/.exec(feed)?.[0] ?? '';
    // Feeds keep the markup and drop the classes: the pictures and their captions are there.
    expect(item).toContain('alt=&quot;السوق المسقوف&quot;');
    expect(item).toContain('سوق المدينة&lt;/figcaption&gt;');
    expect(item).toContain('وعاد التجار إلى محالهم');
  });

  it('in a Markdown story: the same markup, its pictures optimised like any other', async () => {
    const { document } = await loadPage(path('city', 'port'), dist);
    const { gallery, alts, sources, captions, caption } = read(document);
    expect(gallery?.getAttribute('data-columns')).toBe('3');
    expect(alts).toEqual(['الرصيف', 'السوق']);
    expect(sources.every((src) => src.startsWith('/_astro/'))).toBe(true);
    expect(captions).toEqual(['الرصيف عند الفجر', '']);
    expect(caption).toBe('الميناء في يوم واحد');
  });

  it('is styled by the one stylesheet, in the theme’s components layer', async () => {
    const { document } = await loadPage(path('city', 'port'), dist);
    const sheets = [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) =>
      link.getAttribute('href'),
    );
    const css = (await Promise.all(sheets.map((href) => readFile(join(dist, href ?? ''), 'utf8')))).join(
      '\n',
    );
    const rule = css.indexOf('.khabar-gallery .khabar-gallery__grid{');
    expect(rule).toBeGreaterThan(-1);
    const opened = css.lastIndexOf('@layer khabar.components{', rule);
    expect(opened).toBeGreaterThan(-1);
    expect(css.slice(opened + 1, rule)).not.toContain('@layer');
  });
});
