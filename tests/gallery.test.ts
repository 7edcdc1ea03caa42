/**
 * The parts authors use inside a story's text (tests/fixtures/gallery). The Gallery: an MDX story uses the component through
 * virtual:khabar/components/Gallery, which the site replaces with its own wrapper around the theme's; a
 * Markdown story carries the gallery's HTML, as khabar-wordpress writes it. Both render the same markup,
 * with optimised pictures, and the one stylesheet styles them in the theme's components layer. The
 * others, in an MDX story: Embed (offline, so cards), PullQuote, FactBox and ReadAlso, resolved at build
 * time; a ReadAlso naming no story fails the build, naming the story.
 */
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
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

describe('the other parts of a story’s text, in MDX', () => {
  it('Embed: a card linking to the platform, its frame waiting for a click, and a VideoObject for a video', async () => {
    const { document } = await loadPage(path('city', 'market-day'), dist);
    const embeds = [...document.querySelectorAll('.khabar-prose figure.khabar-embed')];
    expect(embeds.map((figure) => figure.getAttribute('data-platform'))).toEqual(['youtube', 'x']);
    const [video, post] = embeds;
    expect(video?.querySelector('a')?.getAttribute('href')).toBe(
      'https://www.youtube.com/watch?v=M7lc1UVf-VE',
    );
    expect(video?.querySelector('.khabar-embed__title')?.textContent).toBe('جولة في السوق المسقوف');
    expect(video?.getAttribute('data-frame')).toMatch(
      /^https:\/\/www\.youtube-nocookie\.com\/embed\/M7lc1UVf-VE\b/,
    );
    // Posters are off in this site: no picture at all, and nothing else the browser would fetch.
    expect(document.querySelectorAll('.khabar-prose iframe, .khabar-embed img').length).toBe(0);
    const data: unknown = JSON.parse(
      video?.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}',
    );
    expect(data).toMatchObject({ '@type': 'VideoObject', name: 'جولة في السوق المسقوف' });
    expect(post?.querySelector('script')).toBeNull();
    // The click-to-load script is on the page, once.
    const scripts = [...document.querySelectorAll('script:not([type="application/ld+json"])')].filter(
      (script) => script.textContent.includes('data-khabar-embed') || script.getAttribute('src'),
    );
    expect(scripts.length).toBe(1);
  });

  it('PullQuote, FactBox and ReadAlso: the words, the box and a link to the story named, with its headline', async () => {
    const { document } = await loadPage(path('city', 'market-day'), dist);
    const quote = document.querySelector('.khabar-prose figure.khabar-pull-quote');
    expect(quote?.querySelector('blockquote')?.textContent.trim()).toBe('عدنا إلى محالنا كأننا لم نغادرها');
    expect(quote?.querySelector('figcaption bdi')?.textContent).toBe('Ahmad Souqi');
    const box = document.querySelector('.khabar-prose aside.khabar-fact-box');
    expect(box?.getAttribute('aria-label')).toBe('السوق في أرقام');
    expect([...(box?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      '١٢ كيلومتراً من الممرات المسقوفة',
      'أكثر من ألف محل',
    ]);
    const readAlso = document.querySelector('.khabar-prose aside.khabar-read-also');
    expect(readAlso?.querySelector('.khabar-read-also__label')?.textContent).toBe('اقرأ أيضاً');
    const link = readAlso?.querySelector('a');
    expect(link?.getAttribute('href')).toBe(path('city', 'port'));
    const port = await loadPage(path('city', 'port'), dist);
    expect(link?.textContent).toBe(port.document.querySelector('h1')?.textContent.trim());
  });

  it('ReadAlso naming no story fails the build, naming the story that links to it', async () => {
    const broken = join(tmpRoot, 'gallery-broken-read-also');
    await rm(broken, { recursive: true, force: true });
    await cp(new URL('./fixtures/gallery/', import.meta.url), broken, { recursive: true });
    await writeFile(
      join(broken, 'src/content/articles/market-day.mdx'),
      [
        '---',
        'title: "يوم في سوق المدينة"',
        'description: "جولة."',
        'published: "2024-05-10T09:00:00+03:00"',
        'section: city',
        '---',
        '',
        "import ReadAlso from 'virtual:khabar/components/ReadAlso';",
        '',
        'فقرة.',
        '',
        '<ReadAlso story="no-such-story" />',
        '',
      ].join('\n'),
    );
    try {
      await expect(buildOrThrow(broken)).rejects.toThrow(
        /<ReadAlso story="no-such-story"> in src\/content\/articles\/market-day\.mdx: no published story/,
      );
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  }, 300_000);
});
