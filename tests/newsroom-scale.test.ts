/**
 * A newsroom of 1,000 synthetic articles (bench/generator) built with the theme: the build completes,
 * every section's, tag's, author's and month's pagination adds up to its stories with no empty page,
 * and the search index holds every article. Takes about a minute on two cores; skip it with
 * KHABAR_SKIP_SCALE=1.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateNewsroom, writeNewsroom, type Newsroom } from '../bench/generator/index.ts';
import { scaffoldSite } from '../bench/sites.ts';
import { buildOrThrow } from './helpers/astro.ts';
import { tmpRoot } from './helpers/paths.ts';
import { fileForPath } from './helpers/site.ts';

const ARTICLES = 1_000;
const PER_PAGE = 12; // the theme's default
const root = join(tmpRoot, 'newsroom-1000');
const dist = join(root, 'dist');
let newsroom: Newsroom;

async function page(path: string) {
  return parseHTML(await readFile(fileForPath(dist, path), 'utf8')).document;
}

/** Walks a listing along rel="next"; returns the stories (their links) on each page. */
async function walk(first: string): Promise<string[][]> {
  const pages: string[][] = [];
  let path: string | undefined = first;
  while (path) {
    const document = await page(path);
    pages.push(
      [...document.querySelectorAll('main .khabar-card__title a')].map((a) => a.getAttribute('href') ?? ''),
    );
    path = document.querySelector('nav.khabar-pagination a[rel="next"]')?.getAttribute('href') ?? undefined;
  }
  return pages;
}

/** How many distinct stories a walk showed. */
const shown = (pages: string[][]) => new Set(pages.flat()).size;

/**
 * The first page shows the newest PER_PAGE stories; the others, numbered from the oldest, are all full
 * and together show every story.
 */
function expectPages(pages: string[][], total: number, label: string) {
  expect(shown(pages), label).toBe(total);
  const numbered = total > PER_PAGE ? Math.ceil((total - PER_PAGE) / PER_PAGE) : 0;
  expect(pages.length, label).toBe(1 + numbered);
  expect(pages[0]?.length, label).toBe(Math.min(total, PER_PAGE));
  expect(
    pages.slice(1).every((stories) => stories.length === PER_PAGE),
    `${label}: ${pages.map((stories) => stories.length).join(',')}`,
  ).toBe(true);
}

describe.skipIf(process.env.KHABAR_SKIP_SCALE === '1')(
  `a newsroom of ${ARTICLES.toLocaleString('en')} articles`,
  () => {
    beforeAll(async () => {
      newsroom = generateNewsroom({
        articles: ARTICLES,
        seed: 7,
        imageShare: 0.05,
        imagePool: 4,
        authors: 8,
        tags: 60,
      });
      await scaffoldSite(root, 'theme');
      await writeNewsroom(root, newsroom, { pictureWidth: 480 });
      await buildOrThrow(root);
    }, 900_000);

    it('paginates every section, none empty, counts adding up', async () => {
      for (const section of newsroom.sections) {
        const total = newsroom.articles.filter((a) => a.section === section.slug).length;
        expectPages(await walk(`/${section.slug}/`), total, section.slug);
      }
    });

    it('paginates authors and the busiest tags the same way', async () => {
      for (const author of newsroom.authors) {
        const total = newsroom.articles.filter((a) => a.authors.includes(author.id)).length;
        expectPages(await walk(`/authors/${author.id}/`), total, author.id);
      }
      const byTag = new Map<string, number>();
      for (const article of newsroom.articles)
        for (const tag of article.tags) byTag.set(tag, (byTag.get(tag) ?? 0) + 1);
      const busiest = [...byTag].sort((a, b) => b[1] - a[1]).slice(0, 5);
      for (const [tag, total] of busiest)
        expectPages(await walk(`/tags/${encodeURIComponent(tag)}/`), total, tag);
    });

    it('files every story in the archive exactly once', async () => {
      const archive = await page('/archive/');
      const months = [...archive.querySelectorAll('.khabar-archive__months a')].map(
        (a) => a.getAttribute('href') ?? '',
      );
      expect(months.length).toBeGreaterThan(6);
      let sum = 0;
      for (const month of months) {
        const pages = await walk(month);
        expect(pages.every((stories) => stories.length > 0)).toBe(true);
        sum += shown(pages);
      }
      expect(sum).toBe(ARTICLES);
    });

    it('builds every article with related stories, never itself, and indexes all for search', async () => {
      const sections = await readdir(dist, { withFileTypes: true });
      let articles = 0;
      for (const section of newsroom.sections) {
        if (!sections.some((d) => d.name === section.slug)) continue;
        for (const entry of await readdir(join(dist, section.slug), { withFileTypes: true })) {
          if (entry.isDirectory() && entry.name !== 'page' && entry.name !== 'pages') articles++;
        }
      }
      expect(articles).toBe(ARTICLES);
      const sample = newsroom.articles.filter((_, i) => i % 97 === 0);
      for (const article of sample) {
        const path = `/${article.section}/${encodeURIComponent(article.slug)}/`;
        const document = await page(path);
        const related = [...document.querySelectorAll('.khabar-related .khabar-story-links a')].map((a) =>
          a.getAttribute('href'),
        );
        expect(related.length, path).toBeGreaterThan(0);
        expect(related).not.toContain(path);
      }
      // Fewer stories than a part holds: the newest month in one part, every older story in the other.
      const { parts } = JSON.parse(await readFile(join(dist, 'pagefind/parts.json'), 'utf8')) as {
        parts: { id: string; stories: number }[];
      };
      expect(parts).toHaveLength(2);
      expect(parts.reduce((sum, part) => sum + part.stories, 0)).toBe(ARTICLES);
      expect(existsSync(join(dist, 'pagefind', parts[0]?.id ?? '', 'pagefind.js'))).toBe(true);
      let indexed = 0;
      for (const { id } of parts) {
        const entry = JSON.parse(
          await readFile(join(dist, 'pagefind', id, 'pagefind-entry.json'), 'utf8'),
        ) as {
          languages: Record<string, { page_count: number }>;
        };
        indexed += entry.languages.ar?.page_count ?? 0;
      }
      expect(indexed).toBe(ARTICLES);
    });
  },
);
