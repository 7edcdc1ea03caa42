/**
 * «الأكثر قراءة» on the built example: the list follows the site's data file (src/data/most-read.json),
 * ranked by its views, cut to the default five, each entry linking to the story it names with its
 * headline; under a story, the list leaves that story out.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleDist, exampleRoot } from './helpers/paths.ts';
import { loadPage, SEED_PATH } from './helpers/site.ts';

interface Entry {
  story: string;
  views?: number;
}

/**
 * The data file's entries that name a published story file of the example (a draft, as the file's
 * winter-exam-results is, is left out), by views, and each story's headline as the theme prints it.
 */
async function expected(): Promise<{ titles: string[]; period: string }> {
  const data = JSON.parse(await readFile(join(exampleRoot, 'src/data/most-read.json'), 'utf8')) as {
    period: string;
    stories: Entry[];
  };
  const dir = join(exampleRoot, 'src/content/articles');
  const files = new Set(await readdir(dir));
  const titles: string[] = [];
  const ranked = data.stories
    .filter((entry) => files.has(`${entry.story}.md`))
    .sort((a, b) => (b.views ?? -1) - (a.views ?? -1));
  for (const entry of ranked) {
    const text = await readFile(join(dir, `${entry.story}.md`), 'utf8');
    if (/^draft:\s*true\s*$/m.test(text)) continue;
    const title = JSON.parse(/^title:\s*(".*")$/m.exec(text)?.[1] ?? '""') as string;
    titles.push(title.replace(/\s+/g, ' '));
  }
  return { titles, period: data.period };
}

function listOf(document: Document) {
  const section = document.querySelector('section.khabar-most-read');
  return {
    heading: section?.querySelector('.khabar-most-read__heading')?.textContent ?? '',
    titles: [...(section?.querySelectorAll('.khabar-most-read__link') ?? [])].map((a) => a.textContent),
    links: [...(section?.querySelectorAll('.khabar-most-read__link') ?? [])].map(
      (a) => a.getAttribute('href') ?? '',
    ),
  };
}

describe('the most-read list', () => {
  it('on the home page: the data file’s stories by views, five at most, under the day’s heading', async () => {
    const { titles, period } = await expected();
    const { document } = await loadPage('/', exampleDist);
    const list = listOf(document);
    expect(period).toBe('day');
    expect(list.heading).toBe('الأكثر قراءة اليوم');
    expect(list.titles).toEqual(titles.slice(0, 5));
    // Each links to a built story page.
    for (const href of list.links) {
      await expect(
        readFile(join(exampleDist, decodeURIComponent(href), 'index.html'), 'utf8'),
      ).resolves.toContain('<article');
    }
  });

  it('under a story: the same list without the story itself', async () => {
    const { titles } = await expected();
    const { document } = await loadPage(SEED_PATH, exampleDist);
    const own = document.querySelector('h1')?.textContent.trim() ?? '';
    expect(titles).toContain(own);
    expect(listOf(document).titles).toEqual(titles.slice(0, 5).filter((title) => title !== own));
  });
});
