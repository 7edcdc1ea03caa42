import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrThrow } from './helpers/astro.ts';
import { tmpRoot } from './helpers/paths.ts';
import { linkPath, loadPage } from './helpers/site.ts';

const root = join(tmpRoot, 'options');
const dist = join(root, 'dist');

/** The minimal site with every date and URL option changed from its default. */
beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await cp(new URL('./fixtures/minimal/', import.meta.url), root, { recursive: true });
  const configPath = join(root, 'astro.config.mjs');
  const config = (await readFile(configPath, 'utf8')).replace("locale: 'ar-EG'", "locale: 'ar-SA'").replace(
    "timeZone: 'Africa/Cairo',",
    `timeZone: 'Asia/Riyadh',
      digits: 'latn',
      calendar: 'gregorian+hijri',
      monthNames: 'levantine',
      logo: { src: './src/assets/logo.svg', alt: 'شعار خبر صغير' },
      routes: { article: '/{year}/{month}/{slug}' },
      fonts: { body: 'amiri', headings: 'ibm-plex-sans-arabic' },`,
  );
  await writeFile(configPath, config);
  await writeFile(
    join(root, 'src/content/articles/arabic-slug.md'),
    `---\ntitle: "قمة العشرين G20 تبدأ أعمالها"\ndescription: "وصف."\npublished: "2016-11-30T23:30:00+03:00"\nsection: politics\nslug: "قمة-العشرين"\n---\n\nنص.\n`,
  );
  await buildOrThrow(root);
}, 300_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe('a site with every date and URL option changed', () => {
  it('puts articles at the configured pattern, dated in the newsroom zone, Arabic slugs encoded once', async () => {
    expect(existsSync(join(dist, '2016/11/قمة-العشرين/index.html'))).toBe(true);
    const { document } = await loadPage('/', dist);
    const hrefs = [...document.querySelectorAll('.khabar-card__title a')].map((a) =>
      linkPath(a.getAttribute('href')),
    );
    expect(hrefs).toContain(`/2016/11/${encodeURIComponent('قمة-العشرين')}/`);
    expect(hrefs).toContain('/2016/12/first/');
  });

  it('writes dates with Western digits, Levantine months and the Hijri date beside them', async () => {
    const { document } = await loadPage('/2016/12/first/', dist);
    const time = document.querySelector('.khabar-dates time');
    expect(time?.getAttribute('datetime')).toBe('2016-12-01T10:30:00+03:00');
    expect(time?.textContent).toBe(
      'الخميس، 1 كانون الأول 2016 (2 ربيع الأول 1438 هـ)، الساعة 10:30 (بتوقيت الرياض)',
    );
  });

  it('shows the logo with its alternative text in the header', async () => {
    const { document } = await loadPage('/', dist);
    const img = document.querySelector('.khabar-header img');
    expect(img?.getAttribute('alt')).toBe('شعار خبر صغير');
    expect(img?.getAttribute('src')).toMatch(/\.svg$/);
  });

  it('keeps a headline with a Latin word intact', async () => {
    const { document } = await loadPage(`/2016/11/${encodeURIComponent('قمة-العشرين')}/`, dist);
    expect(document.querySelector('h1')?.textContent).toBe('قمة العشرين G20 تبدأ أعمالها');
  });

  it('serves the chosen static fonts and preloads the Arabic file of each role’s weight', async () => {
    const { document } = await loadPage('/', dist);
    // The fonts' @font-face rules are in the stylesheet the page links (bundled with the theme's CSS).
    const sheets = [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) =>
      l.getAttribute('href'),
    );
    const css = (
      await Promise.all(sheets.map((href) => readFile(join(dist, decodeURIComponent(href ?? '')), 'utf8')))
    ).join('\n');
    expect(document.querySelectorAll('style').length).toBe(1); // the layer order, and no font CSS
    const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => m[1] ?? '');
    /** The URL of a family's Arabic file of one weight, from its @font-face rule. */
    const arabicFile = (family: string, weight: string) =>
      faces
        .filter((rule) => rule.includes(family) && new RegExp(`font-weight:\\s*${weight}(;|$)`).test(rule))
        .map((rule) => /url\(\s*['"]?([^'")]+)['"]?\s*\)/.exec(rule)?.[1])
        .find((url) => url?.includes('-arabic-'));
    const body = arabicFile('Amiri', '400');
    const headings = arabicFile('IBM Plex Sans Arabic', '700');
    expect(body).toMatch(/amiri-arabic-400/);
    expect(headings).toMatch(/ibm-plex-sans-arabic-arabic-700/);
    const preloads = [...document.querySelectorAll('link[rel="preload"][as="font"]')].map((l) =>
      l.getAttribute('href'),
    );
    expect(preloads).toEqual([body, headings]);
  });
});
