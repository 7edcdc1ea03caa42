import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { exampleDist } from './helpers/paths.ts';
import { fileForPath, linkPath, loadPage, SEED_PATH } from './helpers/site.ts';
import { existsSync } from 'node:fs';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

describe('the example newsroom', () => {
  it('lists its stories newest first on the home page, without the draft', async () => {
    const { document, html } = await loadPage('/');
    const titles = [...document.querySelectorAll('.khabar-card__title a')].map((a) => a.textContent);
    expect(titles.length).toBeGreaterThanOrEqual(13);
    expect(titles[0]).toContain('روسيا تطالب الغرب');
    expect(html).not.toContain('مسودة غير منشورة');
    // The latest list runs newest first (the section blocks below it follow their own sections).
    const times = [...document.querySelectorAll('.khabar-latest time')].map(
      (t) => t.getAttribute('datetime') ?? '',
    );
    expect(times.length).toBeGreaterThanOrEqual(13);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('dates the footer’s copyright by the build clock (`now`), not by the machine’s', async () => {
    const { document } = await loadPage('/');
    // examples/news sets `now` to 2016-12-01: the year is 2016 in Arabic-Indic digits.
    expect(document.querySelector('.khabar-footer__copyright')?.textContent).toContain('© ٢٠١٦');
  });

  it("optimises a picture in a story's text, and renders a story without one from its file alike", async () => {
    // The water story's chart is processed by Astro's content layer; the seed story has no picture in
    // its text and is rendered by its page from its file (content.ts): both bodies are whole.
    const { document } = await loadPage('/politics/خطة-ترشيد-المياه-في-الياسمين/');
    const src = document.querySelector('.khabar-prose img[alt^="رسم بياني"]')?.getAttribute('src') ?? '';
    expect(src).toMatch(/^\/_astro\/water-saving-plan-chart\.[\w-]+\.webp$/);
    expect(existsSync(join(exampleDist, src))).toBe(true);
    expect(document.querySelectorAll('.khabar-prose li')).toHaveLength(5);
  });

  it('builds no page for the draft', async () => {
    for (const file of await htmlFiles(exampleDist)) {
      expect(await readFile(file, 'utf8')).not.toContain('مسودة غير منشورة');
    }
  });

  it('has at least four sections with stories and three authors', async () => {
    const { document } = await loadPage('/');
    const sections = new Set(
      [...document.querySelectorAll('.khabar-card .khabar-section-label')].map((a) => a.textContent),
    );
    expect(sections.size).toBeGreaterThanOrEqual(4);
    const authors = await readdir(join(exampleDist, 'authors'));
    expect(authors.length).toBeGreaterThanOrEqual(3);
  });

  it('links only to pages and assets that exist', async () => {
    const missing: string[] = [];
    for (const file of await htmlFiles(exampleDist)) {
      const { document } = parseHTML(await readFile(file, 'utf8'));
      const refs = [
        ...[...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
        ...[...document.querySelectorAll('link[href]')].map((l) => l.getAttribute('href') ?? ''),
        ...[...document.querySelectorAll('img[src]')].map((i) => i.getAttribute('src') ?? ''),
        ...[...document.querySelectorAll('source[srcset], img[srcset]')].flatMap((s) =>
          (s.getAttribute('srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/)[0] ?? ''),
        ),
      ];
      for (const ref of refs) {
        if (!ref.startsWith('/') || ref.startsWith('//')) continue;
        if (!existsSync(fileForPath(exampleDist, ref)))
          missing.push(`${file.slice(exampleDist.length)} → ${ref}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('writes internal links to Arabic pages as IRIs, each leading to a built page', async () => {
    const { document } = await loadPage('/');
    const hrefs = [...document.querySelectorAll('a[href^="/"]')].map((a) => a.getAttribute('href') ?? '');
    // Two bytes an Arabic letter, not six: a browser percent-encodes the letters when it follows the link.
    expect(hrefs.some((h) => /[\u0600-\u06FF]/.test(h))).toBe(true);
    for (const href of hrefs) {
      expect(href).not.toMatch(/%D[89AB]/i);
      const path = linkPath(href);
      expect(existsSync(fileForPath(exampleDist, path)), href).toBe(true);
    }
  });

  it('links one cached icon file from every edition, drawn from the site name', async () => {
    for (const path of ['/', SEED_PATH, '/en/']) {
      const { document } = await loadPage(path);
      expect(document.querySelector('link[rel="icon"]')?.getAttribute('href'), path).toBe('/favicon.svg');
    }
    const icon = await readFile(join(exampleDist, 'favicon.svg'), 'utf8');
    expect(icon).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(icon).toContain('>خ</text>');
  });

  it('serves a 404 page that is not indexed', async () => {
    const { document } = await loadPage('/404.html');
    expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(document.querySelector('h1')?.textContent).toBe('الصفحة غير موجودة');
  });
});
