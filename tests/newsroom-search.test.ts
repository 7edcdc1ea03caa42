/**
 * Finding a story in the built example: the 404 page's search form and latest stories, the search page,
 * the Pagefind index and its markup on the article page only, and what Pagefind's own search finds in
 * that index: a live story by its updates, a photo story by its pictures' captions.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dist, EXAMPLE_CLOCK, loadPage, publishedStories } from './helpers/newsroom.ts';
import { builtSearch, type BuiltSearch } from './helpers/pagefind.ts';
import { exampleRoot } from './helpers/paths.ts';
import { SEED_PATH } from './helpers/site.ts';

describe('the 404 and search pages', () => {
  it('offers search and the latest stories on the 404 page', async () => {
    const { document } = await loadPage('/404.html');
    const form = document.querySelector('main form[role="search"]');
    expect(form?.getAttribute('action')).toBe('/search/');
    expect(form?.querySelector('input[name="q"]')).not.toBeNull();
    expect(document.querySelectorAll('main .khabar-story-links li').length).toBe(6);
  });

  it('builds a search page and the Pagefind index of the articles, in Arabic, in one part', async () => {
    const { document } = await loadPage('/search/');
    expect(document.querySelector('html')?.getAttribute('dir')).toBe('rtl');
    expect(document.querySelector('[data-khabar-search]')?.getAttribute('data-parts')).toBe(
      '/pagefind/parts.json',
    );
    expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    // The newest month is a part of its own (a publish re-indexes it alone), the older stories another;
    // the first part carries Pagefind's script.
    const published = await publishedStories();
    const december = published.filter((s) => s.published.startsWith('2016-12')).length;
    const manifest = JSON.parse(await readFile(join(dist, 'pagefind/parts.json'), 'utf8')) as {
      parts: { id: string; stories: number; newest: string; oldest: string }[];
    };
    expect(manifest.parts).toEqual([
      { id: '2016-12', stories: december, newest: '2016-12', oldest: '2016-12' },
      { id: '2016-11', stories: published.length - december, newest: '2016-11', oldest: '2016-11' },
    ]);
    expect(existsSync(join(dist, 'pagefind/2016-12/pagefind.js'))).toBe(true);
    const entry = JSON.parse(await readFile(join(dist, 'pagefind/2016-12/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages)).toEqual(['ar']);
    expect(entry.languages.ar?.page_count).toBe(december);
  });

  it('marks the article page up for Pagefind in the components, and indexing leaves it as it is', async () => {
    const { document, html } = await loadPage(SEED_PATH);
    // One body: the story, not the navigation, the related stories or the footer.
    expect([...document.querySelectorAll('[data-pagefind-body]')].map((el) => el.tagName)).toEqual([
      'ARTICLE',
    ]);
    const meta = (name: string) =>
      document.querySelector(`[data-pagefind-meta^="${name}"]`)?.textContent.trim() ?? null;
    expect(meta('title')).toContain('روسيا تطالب الغرب');
    expect(meta('section')).toBe('سياسة');
    expect(meta('date')).toBe(document.querySelector('.khabar-dates time')?.textContent);
    expect(document.querySelector('meta[name="description"]')?.getAttribute('data-pagefind-meta')).toBe(
      'description[content]',
    );
    expect(document.querySelector('.khabar-share')?.getAttribute('data-pagefind-ignore')).toBe('all');
    // The light stems go to the index from the story's record, never into the page.
    expect(html).not.toContain('data-pagefind-weight');
  });

  it('marks up no other page as a search result', async () => {
    for (const path of ['/', '/politics/', '/search/', '/404.html']) {
      expect((await loadPage(path)).html, path).not.toContain('data-pagefind-body');
    }
  });
});

/** The words of a text, as a reader would type them: Arabic letters only, no diacritics, four or more. */
const plainWords = (text: string) =>
  new Set(text.match(/[\u0621-\u064A]{4,}/g)?.filter((word) => !/[\u064B-\u0652]/.test(word)) ?? []);

describe('what the index holds beyond a story’s own text', () => {
  let index: BuiltSearch | undefined;
  const search = async (query: string) => {
    index ??= await builtSearch(dist);
    return index.search(query);
  };
  afterAll(() => index?.close());

  /** Every article file of the example (both editions), as text. */
  async function articleTexts(): Promise<Map<string, string>> {
    const dir = join(exampleRoot, 'src/content/articles');
    const files = (await readdir(dir, { recursive: true })).filter((file) => /\.mdx?$/.test(file));
    return new Map(
      await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file), 'utf8')] as const)),
    );
  }

  it('finds a live story by words only its updates say', async () => {
    const dir = join(exampleRoot, 'src/content/updates/storm-live');
    const shown = [];
    for (const file of await readdir(dir)) {
      const text = await readFile(join(dir, file), 'utf8');
      const time = /^time:\s*'(.+)'$/m.exec(text)?.[1] ?? '';
      if (new Date(time) <= EXAMPLE_CLOCK) shown.push(text.replace(/^---[\s\S]*?---/, ''));
    }
    const stories = [...(await articleTexts()).values()].join('\n');
    const onlyInUpdates = [...plainWords(shown.join('\n'))].filter((word) => !stories.includes(word));
    expect(onlyInUpdates.length).toBeGreaterThanOrEqual(5);
    for (const word of onlyInUpdates.slice(0, 8)) {
      expect(await search(word), word).toContain('/politics/storm-live/');
    }
  });

  it('finds a photo story by the captions, credits and descriptions of its pictures', async () => {
    const file = (await articleTexts()).get('week-in-pictures.md') ?? '';
    const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(file) ?? [];
    const gallery = frontmatter.slice(frontmatter.indexOf('\ngallery:'));
    const ownText = frontmatter.slice(0, frontmatter.indexOf('\ngallery:')) + body;
    const onlyInPictures = [...plainWords(gallery)].filter((word) => !ownText.includes(word));
    expect(onlyInPictures.length).toBeGreaterThanOrEqual(5);
    for (const word of onlyInPictures.slice(0, 8)) {
      expect(await search(word), word).toContain('/culture/week-in-pictures/');
    }
  });
});
