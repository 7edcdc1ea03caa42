import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadPage, SEED_PATH } from './helpers/site.ts';

/** The seed as the WordPress site printed it, copied into the repo (tests/fixtures/seed). */
const seed = await readFile(new URL('./fixtures/seed/seed-article.txt', import.meta.url), 'utf8');
// Not trim(): it would also drop the paragraph holding only a no-break space, which the test must see go.
const seedLines = seed.split('\n').filter((line) => line.replace(/[ \t\r]/g, '') !== '');
const CAPTION = 'وزير الخارجية الروسي سيرغي لافروف';
const COMMENT_FORM_LINES = ['اترك تعليقاً', 'لن يتم نشر عنوان بريدك الإلكتروني.'];
/** Body paragraphs: after the two headline lines, without the caption and the comment form's lines. */
const seedParagraphs = seedLines
  .slice(2)
  .filter((line) => line !== CAPTION && !COMMENT_FORM_LINES.includes(line));
const headline = (seedLines[1] ?? '').replace(/\s+/g, ' ').trim();

describe('the seed article page', async () => {
  const { html, document } = await loadPage(SEED_PATH);

  it('is a right-to-left Arabic page', () => {
    expect(document.documentElement.getAttribute('lang')).toBe('ar');
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
  });

  it('has one h1 with the headline, spaces normalised', () => {
    const h1s = document.querySelectorAll('h1');
    expect(h1s.length).toBe(1);
    expect(h1s[0]?.textContent).toBe(headline);
    expect(headline).toBe('روسيا تطالب الغرب بإحترام السيادة السورية .. وتعاون أمريكي محتمل لمكافحة الإرهاب');
  });

  it('dates the story Thursday 1 December 2016 in the newsroom zone, in words and machine-readable', () => {
    const time = document.querySelector('.khabar-dates time');
    expect(time?.getAttribute('datetime')).toBe('2016-12-01T14:20:00+02:00');
    // ar-SY with Arabic-Indic digits and both month names, as configured in examples/news/astro.config.mjs,
    // and the hour on the newsroom's 24-hour clock with its city.
    expect(time?.textContent).toBe('الخميس، ١ ديسمبر/كانون الأول ٢٠١٦، الساعة ١٤:٢٠ (بتوقيت دمشق)');
  });

  it('shows the caption in a figcaption under the picture, with the illustration credit', () => {
    const figcaption = document.querySelector('figure figcaption');
    expect(figcaption?.textContent).toContain(CAPTION);
    expect(figcaption?.textContent).toContain('رسم توضيحي');
    const img = document.querySelector('figure img');
    expect(img?.getAttribute('loading')).toBe('eager');
    expect(img?.getAttribute('width')).toBe('1600');
    expect(img?.getAttribute('height')).toBe('900');
    // One format, WebP, at several widths: no <picture> of three formats.
    expect(document.querySelector('figure picture')).toBeNull();
    const srcset = (img?.getAttribute('srcset') ?? '')
      .split(',')
      .map((entry) => entry.trim().split(' ')[0] ?? '');
    expect(srcset.length).toBeGreaterThan(2);
    for (const src of [img?.getAttribute('src') ?? '', ...srcset]) expect(src).toMatch(/\.webp$/);
  });

  it('prints every body paragraph of the seed, in order, unchanged, and drops the empty one', () => {
    expect(seedParagraphs.length).toBe(8);
    const expected = seedParagraphs.filter((p) => p.trim() !== '');
    expect(expected.length).toBe(7);
    const rendered = [...document.querySelectorAll('.khabar-prose p')].map((p) => p.textContent);
    expect(rendered).toEqual(expected);
  });

  it('keeps the author’s own spelling', () => {
    expect(html).toContain('مسؤولة مشتركة');
    expect(html).toContain('أراضى الجمهورية');
  });

  it('carries the tiny inline dark-mode script in its head, and no script file of the theme', () => {
    // Which scripts a page may carry at all is the budget suite's call (tests/budgets); here: the theme's own.
    const theme = [...document.querySelectorAll('head script')].filter((s) =>
      s.textContent.includes('khabar-theme'),
    );
    expect(theme).toHaveLength(1);
    expect(theme[0]?.hasAttribute('src')).toBe(false);
    expect(new TextEncoder().encode(theme[0]?.textContent ?? '').length).toBeLessThan(700);
    // The comment form's script is khabar-comments' (a cached file, in its section); the theme adds none.
    const files = [...document.querySelectorAll('script[src]')];
    expect(files.filter((script) => !script.closest('#comments'))).toEqual([]);
  });

  it('names the author in a bdi, shows the reading time and links the section', () => {
    expect(document.querySelector('.khabar-byline bdi')?.textContent).toBe('قسم الأخبار');
    expect(document.querySelector('.khabar-reading-time')?.textContent).toMatch(/دقيق/);
    expect(
      document.querySelector('.khabar-article-header a.khabar-section-label')?.getAttribute('href'),
    ).toBe('/politics/');
  });

  it('writes its canonical URL with the Arabic slug percent-encoded once', () => {
    const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
    expect(canonical).toBe(`https://khabar.example${SEED_PATH}`);
    expect(canonical).toMatch(/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/);
  });
});
