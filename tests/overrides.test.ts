import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrThrow } from './helpers/astro.ts';
import { tmpRoot } from './helpers/paths.ts';
import { loadPage } from './helpers/site.ts';

const root = join(tmpRoot, 'overrides');

/** The names of the cascade layers open at a position of a stylesheet. */
function layersAt(css: string, position: number): string[] {
  const stack: (string | null)[] = [];
  let statementStart = 0;
  for (let i = 0; i < position; i++) {
    const c = css[i];
    if (c === '{') {
      const prelude = css.slice(statementStart, i).trim();
      const layer = /^@layer\s+([\w.-]+)$/.exec(prelude);
      stack.push(layer?.[1] ?? null);
      statementStart = i + 1;
    } else if (c === '}') {
      stack.pop();
      statementStart = i + 1;
    } else if (c === ';') {
      statementStart = i + 1;
    }
  }
  return stack.filter((name): name is string => name !== null);
}
const dist = join(root, 'dist');

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await cp(new URL('./fixtures/overrides/', import.meta.url), root, { recursive: true });
  await buildOrThrow(root);
}, 300_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe('a site that makes the theme its own', () => {
  it('uses its footer on every page, in place of the theme’s', async () => {
    for (const path of ['/', '/politics/story/', '/404.html']) {
      const { document } = await loadPage(path, dist);
      expect(document.querySelector('.brand-footer')?.textContent, path).toContain('صحيفة الواحة');
      expect(document.querySelector('.khabar-footer'), path).toBeNull();
    }
  });

  it('uses its byline, which receives the authors', async () => {
    const { document } = await loadPage('/politics/story/', dist);
    expect(document.querySelector('.brand-signature__name')?.textContent).toBe('قسم الأخبار');
    expect(document.querySelector('.khabar-byline')).toBeNull();
  });

  it('puts its newsletter box right after the lead paragraph, and its banner above the header', async () => {
    const { document } = await loadPage('/politics/story/', dist);
    const prose = document.querySelector('.khabar-prose');
    const children = [...(prose?.children ?? [])].map((el) => el.tagName.toLowerCase());
    expect(children).toEqual(['p', 'div', 'p']);
    // The insertion point's wrapper, which Pagefind skips when it reads the page (data-pagefind-ignore).
    expect(prose?.querySelector('.khabar-after-lead > aside.brand-newsletter')).not.toBeNull();
    expect(prose?.querySelector('aside')?.getAttribute('data-section')).toBe('politics');
    const banner = document.querySelector('.brand-alert');
    expect(banner?.nextElementSibling?.tagName.toLowerCase()).toBe('header');
  });

  it('rewords a UI string', async () => {
    const { document } = await loadPage('/politics/story/', dist);
    expect(document.querySelector('.khabar-share h2')?.textContent).toBe('انشر الخبر');
  });

  it('loads its stylesheet after the theme’s, unlayered, so its tokens win without !important', async () => {
    const { document } = await loadPage('/politics/story/', dist);
    const sheets = [...document.querySelectorAll('link[rel="stylesheet"]')].map(
      (l) => l.getAttribute('href') ?? '',
    );
    const css = (await Promise.all(sheets.map((href) => readFile(join(dist, href), 'utf8')))).join('\n');
    const brand = css.indexOf('--khabar-color-accent:#0b6e4f');
    const theme = css.indexOf('--khabar-color-accent:#a3131b');
    expect(brand).toBeGreaterThan(-1);
    expect(theme).toBeGreaterThan(-1);
    // The theme's token sits inside @layer khabar.base; the site's is outside any layer.
    expect(layersAt(css, theme)).toContain('khabar.base');
    expect(layersAt(css, brand)).toEqual([]);
    expect(css).not.toContain('!important;--khabar');
    expect((await readdir(join(dist, '_astro'))).some((f) => f.endsWith('.css'))).toBe(true);
  });
});
