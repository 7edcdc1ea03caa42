/**
 * The example's English edition (`editions.en`, stories in src/content/articles/en/): its pages in
 * English and left to right, its own feeds and sitemap entries, and `hreflang` links both ways between
 * each story and its translation, read from the built site. Expectations come from the stories' files
 * (which English stories translate which), not from counts.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-non-null-assertion --
 * Parsed XML is untyped data, and a missing element should fail the test where it is read. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SEO_DEFAULTS } from '../packages/theme/src/config/seo.ts';
import ar from '../packages/theme/src/translations/ar.json' with { type: 'json' };
import en from '../packages/theme/src/translations/en.json' with { type: 'json' };
import { unresolved } from './helpers/built-urls.ts';
import { exampleArticles, feed, read, SITE } from './helpers/feeds.ts';
import { exampleDist, exampleRoot } from './helpers/paths.ts';
import { EN_SEED_PATH, fileForPath, linkPath, loadPage, SEED_PATH } from './helpers/site.ts';
import { ManifestSchema } from '../packages/comments/src/config/options.ts';
import {
  ORIGIN,
  liveToken,
  removeTempDirs,
  startReceiver,
  tempDir,
  writeSite,
} from '../packages/comments/test/helpers/receiver.ts';

const sitemapXml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['url', 'xhtml:link'].includes(name),
});

/** The English stories' files and the Arabic story each names in `translationOf`. */
async function translatedStories(): Promise<{ file: string; translationOf: string }[]> {
  const folder = join(exampleRoot, 'src/content/articles/en');
  const files = (await readdir(folder)).filter((file) => file.endsWith('.md'));
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(join(folder, file), 'utf8');
      const translationOf = /^translationOf:\s*"?([^"\n]+)"?$/m.exec(text)?.[1] ?? '';
      return { file, translationOf };
    }),
  );
}

/** The frontmatter the listings are made of, of each edition's published stories. */
interface StoryFacts {
  kind: string;
  tags: string[];
  authors: string[];
  /** `2016/11`: the year and month of publication in the example's time zone. */
  month: string;
}

async function storyFacts(edition: 'ar' | 'en'): Promise<StoryFacts[]> {
  const folder = join(exampleRoot, 'src/content/articles', edition === 'ar' ? '' : 'en');
  const files = (await readdir(folder)).filter((file) => file.endsWith('.md'));
  const month = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Damascus',
    year: 'numeric',
    month: '2-digit',
  });
  const stories = await Promise.all(
    files.map(async (file) => {
      const text = await readFile(join(folder, file), 'utf8');
      const data = parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown>;
      return data;
    }),
  );
  return stories
    .filter((data) => data['draft'] !== true && Date.parse(String(data['published'])) < Date.now())
    .map((data) => ({
      kind: typeof data['kind'] === 'string' ? data['kind'] : 'news',
      tags: (data['tags'] as string[] | undefined) ?? [],
      authors: (data['authors'] as string[] | undefined) ?? [],
      month: month.format(new Date(String(data['published']))).replace('-', '/'),
    }));
}

/** The links of a page's language switcher. */
async function switcher(path: string) {
  return [...(await loadPage(path)).document.querySelectorAll('.khabar-languages a')].map((a) => ({
    href: a.getAttribute('href'),
    lang: a.getAttribute('lang'),
    text: a.textContent,
  }));
}

const toEnglish = (href: string) => [{ href, lang: 'en', text: 'English' }];
const toArabic = (href: string) => [{ href, lang: 'ar-SY', text: 'العربية' }];

/** A page's `hreflang` links, by language. */
function hreflangs(document: Document): Record<string, string> {
  return Object.fromEntries(
    [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => [
      link.getAttribute('hreflang')!,
      link.getAttribute('href')!,
    ]),
  );
}

describe('the English edition', () => {
  it('has at least three stories, each a translation of an Arabic story', async () => {
    const stories = await translatedStories();
    expect(stories.length).toBeGreaterThanOrEqual(3);
    for (const story of stories) expect(story.translationOf, story.file).not.toBe('');
    expect((await exampleArticles('en')).length).toBe(stories.length);
  });

  it('sets its pages in English, left to right, with its strings, dates and digits', async () => {
    for (const path of ['/en/', '/en/politics/', EN_SEED_PATH]) {
      const { document } = await loadPage(path);
      expect(document.documentElement.getAttribute('lang'), path).toBe('en');
      expect(document.documentElement.getAttribute('dir'), path).toBe('ltr');
      expect(document.querySelector('nav.khabar-nav')?.getAttribute('aria-label'), path).toBe(
        en['nav.label'],
      );
      expect(document.querySelector('.khabar-header__name')?.textContent, path).toBe('Khabar');
    }
    const { document } = await loadPage(EN_SEED_PATH);
    // The date and hour in the edition's words and digits, with the zone's name in English.
    expect(document.querySelector('.khabar-article time')?.textContent).toBe(
      'Thursday, December 1, 2016, at 14:20 (Syria Time)',
    );
    // No Arabic interface string on an English page (the Arabic edition's name in the switcher aside).
    const text = document.body.textContent;
    const arabicOnly = Object.entries(ar).filter(
      ([id, value]) =>
        value !== en[id as keyof typeof en] && /\p{Script=Arabic}/u.test(value) && !value.includes('{'),
    );
    expect(arabicOnly.length).toBeGreaterThan(20);
    expect(arabicOnly.filter(([, value]) => text.includes(value)).map(([id]) => id)).toEqual([]);
  });

  it('links each story and its translation both ways with hreflang, and the Arabic one as x-default', async () => {
    const english = await exampleArticles('en');
    for (const story of english) {
      const { document } = await loadPage(new URL(story.url).pathname);
      const links = hreflangs(document);
      expect(links['en'], story.url).toBe(story.url);
      const arabic = links['ar-SY'];
      expect(arabic, story.url).toMatch(/^https:\/\/khabar\.example\/(?!en\/)/);
      expect(links['x-default'], story.url).toBe(arabic);
      const original = await loadPage(new URL(arabic!).pathname);
      expect(original.document.documentElement.getAttribute('lang')).toBe('ar');
      expect(hreflangs(original.document), arabic).toEqual(links);
    }
    // The seed story and its translation, by name.
    expect(hreflangs((await loadPage(SEED_PATH)).document)['en']).toBe(new URL(EN_SEED_PATH, SITE).href);
  });

  it('gives an Arabic story without a translation no hreflang links', async () => {
    const translated = new Set((await translatedStories()).map((story) => story.translationOf));
    const alone = (await exampleArticles('ar')).filter(
      (story) => ![...translated].some((name) => decodeURIComponent(story.url).includes(`/${name}/`)),
    );
    const untranslated = [];
    for (const story of alone) {
      const links = hreflangs((await loadPage(new URL(story.url).pathname)).document);
      if (!('en' in links)) untranslated.push(story.url);
      else expect(links['ar-SY']).toBe(story.url);
    }
    expect(untranslated.length).toBe(
      (await exampleArticles('ar')).length - (await exampleArticles('en')).length,
    );
  });

  it('links the home pages and the sections both editions have', async () => {
    expect(hreflangs((await loadPage('/')).document)).toEqual({
      'ar-SY': SITE,
      en: `${SITE}en/`,
      'x-default': SITE,
    });
    expect(hreflangs((await loadPage('/en/economy/')).document)).toEqual({
      'ar-SY': `${SITE}economy/`,
      en: `${SITE}en/economy/`,
      'x-default': `${SITE}economy/`,
    });
    // The English edition has no culture section: the Arabic one has no English version to link.
    expect(hreflangs((await loadPage('/culture/')).document)).toEqual({});
  });

  it('switches language to the translation, or else to the other edition’s home', async () => {
    expect(await switcher(EN_SEED_PATH)).toEqual([{ href: SEED_PATH, lang: 'ar-SY', text: 'العربية' }]);
    expect(await switcher(SEED_PATH)).toEqual([{ href: EN_SEED_PATH, lang: 'en', text: 'English' }]);
    expect(await switcher('/culture/')).toEqual([{ href: '/en/', lang: 'en', text: 'English' }]);
  });

  it('switches a listing to the same listing in the other edition, or else to its home', async () => {
    const [arabic, english] = await Promise.all([storyFacts('ar'), storyFacts('en')]);
    const has = (stories: StoryFacts[], test: (story: StoryFacts) => boolean) => stories.some(test);
    const opinion = (stories: StoryFacts[]) => has(stories, (story) => story.kind === 'opinion');
    expect(await switcher('/opinion/')).toEqual(toEnglish(opinion(english) ? '/en/opinion/' : '/en/'));
    expect(await switcher('/en/opinion/')).toEqual(toArabic(opinion(arabic) ? '/opinion/' : '/'));

    // A section's later page: the section's first page there, as its first page's hreflang names it.
    for (const section of ['politics', 'culture']) {
      const first = hreflangs((await loadPage(`/${section}/`)).document)['en'];
      expect(await switcher(`/${section}/pages/1/`), section).toEqual(
        toEnglish(first ? new URL(first).pathname : '/en/'),
      );
    }

    // Every author has a page in the main edition; in the English one, those who wrote in it.
    const authors = new Set([...arabic, ...english].flatMap((story) => story.authors));
    for (const author of authors) {
      const wroteInEnglish = has(english, (story) => story.authors.includes(author));
      expect(await switcher(`/authors/${author}/`), author).toEqual(
        toEnglish(wroteInEnglish ? `/en/authors/${author}/` : '/en/'),
      );
      if (wroteInEnglish)
        expect(await switcher(`/en/authors/${author}/`)).toEqual(toArabic(`/authors/${author}/`));
    }
    expect(english.some((story) => story.kind === 'opinion' && story.authors.length > 0)).toBe(true);

    // A tag is the same listing where an English story carries the same tag.
    for (const tag of new Set(arabic.flatMap((story) => story.tags))) {
      const path = `/tags/${encodeURIComponent(tag)}/`;
      const there = has(english, (story) => story.tags.includes(tag));
      expect(await switcher(path), tag).toEqual(toEnglish(there ? `/en${path}` : '/en/'));
    }

    expect(await switcher('/archive/')).toEqual(toEnglish(english.length > 0 ? '/en/archive/' : '/en/'));
    // Each edition has its search page.
    expect(await switcher('/search/')).toEqual(toEnglish('/en/search/'));
    expect(await switcher('/en/search/')).toEqual(toArabic('/search/'));
    for (const month of new Set(arabic.map((story) => story.month))) {
      const there = has(english, (story) => story.month === month);
      const year = month.slice(0, 4);
      expect(await switcher(`/archive/${month}/`), month).toEqual(
        toEnglish(there ? `/en/archive/${month}/` : '/en/'),
      );
      const yearThere = has(english, (story) => story.month.startsWith(year));
      expect(await switcher(`/archive/${year}/`)).toEqual(
        toEnglish(yearThere ? `/en/archive/${year}/` : '/en/'),
      );
    }
  });

  it('has its own site pages, in English, linked from its footer', async () => {
    const pages = (folder: string) =>
      readdir(join(exampleRoot, 'src/content/pages', folder), { withFileTypes: true }).then((entries) =>
        entries.filter((entry) => entry.isFile() && entry.name.endsWith('.md')).map((entry) => entry.name),
      );
    const english = await pages('en');
    const arabic = await pages('');
    expect(english.length).toBeGreaterThan(0);
    const footerLinks = async (path: string) =>
      [...(await loadPage(path)).document.querySelectorAll('footer a')].map((a) =>
        linkPath(a.getAttribute('href')),
      );
    const englishFooter = await footerLinks('/en/');
    const arabicFooter = await footerLinks('/');
    for (const file of english) {
      const path = `/en/${file.replace(/\.md$/, '')}/`;
      const { document } = await loadPage(path);
      expect(document.documentElement.getAttribute('lang'), path).toBe('en');
      const title = /^title:\s*"([^"]+)"/m.exec(
        await readFile(join(exampleRoot, 'src/content/pages/en', file), 'utf8'),
      )?.[1];
      expect(document.querySelector('main h1')?.textContent, path).toBe(title);
      expect(englishFooter, path).toContain(path);
      expect(arabicFooter, path).not.toContain(path);
    }
    // The Arabic pages stay at the root, and the English footer does not list them.
    for (const file of arabic) {
      const path = `/${encodeURIComponent(file.replace(/\.md$/, ''))}/`;
      expect((await loadPage(path)).document.documentElement.getAttribute('lang'), path).toMatch(/^ar\b/);
      expect(arabicFooter, path).toContain(path);
      expect(englishFooter, path).not.toContain(path);
    }
  });

  it('has its own feeds: the English stories only, in English', async () => {
    const english = (await exampleArticles('en')).map((story) => story.url).sort();
    const site = await feed('en/rss.xml');
    expect(site.items.map((item) => item.link).sort()).toEqual(english);
    expect(site.title).toBe('Khabar');
    expect(await read('en/rss.xml')).toContain('<language>en</language>');
    const arabic = await feed('rss.xml');
    expect(arabic.items.some((item) => item.link?.startsWith(`${SITE}en/`))).toBe(false);
    for (const section of ['politics', 'economy', 'sports']) {
      const items = (await feed(`en/${section}/rss.xml`)).items.map((item) => item.link).sort();
      const expected = (await exampleArticles('en')).filter((s) => s.section === section).map((s) => s.url);
      expect(items, section).toEqual(expected.sort());
    }
  });

  it('puts its recent stories in the Google News sitemap, under its name and language', async () => {
    // The example's clock (`now`) and the default window of the news sitemap.
    const config = await readFile(join(exampleRoot, 'astro.config.mjs'), 'utf8');
    const clock = Date.parse(/^\s*now: '([^']+)'/m.exec(config)![1]!);
    const start = clock - SEO_DEFAULTS.newsSitemap.hours * 3_600_000;
    const recent = (await exampleArticles('en')).filter((story) => {
      const time = Date.parse(story.published);
      return time > start && time <= clock;
    });
    expect(recent.length).toBeGreaterThan(0);
    const urls = new XMLParser({ isArray: (name) => name === 'url' }).parse(await read('news-sitemap.xml'))
      .urlset.url as { loc: string; 'news:news': { 'news:publication': Record<string, string> } }[];
    const english = urls.filter((entry) => entry.loc.startsWith(`${SITE}en/`));
    expect(english.map((entry) => entry.loc).sort()).toEqual(recent.map((story) => story.url).sort());
    for (const entry of urls) {
      expect(entry['news:news']['news:publication'], entry.loc).toEqual(
        entry.loc.startsWith(`${SITE}en/`)
          ? { 'news:name': 'Khabar', 'news:language': 'en' }
          : { 'news:name': 'خبر', 'news:language': 'ar' },
      );
    }
  });

  it('gives its stories without a photo a social card in English, set left to right', async () => {
    const cards: string[] = [];
    for (const story of await exampleArticles('en')) {
      const { document } = await loadPage(new URL(story.url).pathname);
      const image = document.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '';
      if (!new URL(image).pathname.startsWith('/og/')) continue;
      expect(new URL(image).pathname, story.url).toMatch(/^\/og\/en\//);
      cards.push(new URL(image).pathname);
    }
    // The example's English opinion piece has no photo: at least its card.
    expect(cards.length).toBeGreaterThan(0);
    expect(
      unresolved(
        exampleDist,
        SITE,
        cards.map((path) => new URL(path, SITE).href),
      ),
    ).toEqual([]);
    for (const card of cards) {
      // The section's pill (white ink) starts at the left margin, not the right as on an Arabic card.
      const { data, info } = await sharp(fileForPath(exampleDist, card))
        .extract({ left: 0, top: 60, width: 1200, height: 20 })
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const columns: number[] = [];
      for (let i = 0; i < data.length; i += info.channels)
        if (data[i]! > 230 && data[i + 1]! > 230 && data[i + 2]! > 230)
          columns.push((i / info.channels) % 1200);
      expect(Math.min(...columns), card).toBeLessThan(100);
      expect(Math.max(...columns), card).toBeLessThan(600);
    }
  });

  it('lists its pages in the sitemap, each story with its versions as xhtml:link alternates', async () => {
    const entries = sitemapXml.parse(await read('sitemap-0.xml')).urlset.url as {
      loc: string;
      'xhtml:link'?: { '@_hreflang': string; '@_href': string }[];
    }[];
    const urls = entries.map((entry) => entry.loc);
    expect(unresolved(exampleDist, SITE, urls)).toEqual([]);
    for (const path of ['/en/', '/en/politics/', EN_SEED_PATH])
      expect(urls).toContain(new URL(path, SITE).href);
    for (const story of await exampleArticles('en')) {
      const entry = entries.find((candidate) => candidate.loc === story.url)!;
      const links = Object.fromEntries(entry['xhtml:link']!.map((l) => [l['@_hreflang'], l['@_href']]));
      expect(links, story.url).toEqual(hreflangs((await loadPage(new URL(story.url).pathname)).document));
      // …and the Arabic original's entry lists the same versions.
      const original = entries.find((candidate) => candidate.loc === links['ar-SY'])!;
      expect(Object.fromEntries(original['xhtml:link']!.map((l) => [l['@_hreflang'], l['@_href']]))).toEqual(
        links,
      );
    }
  });
});

describe("comments on the English edition's stories", () => {
  it('shows the count, the list and the form in English, posting the story id with its folder', async () => {
    const { document } = await loadPage(EN_SEED_PATH);
    const section = document.querySelector('#comments');
    expect(section?.querySelector('.khabar-comments__title')?.textContent).toMatch(
      /^(No comments|One comment|\d+ comments)$/,
    );
    expect(section?.querySelector('#khabar-pending')?.textContent).toBe(
      'Your comment is awaiting moderation.',
    );
    expect(document.querySelector('#commentform .khabar-form__button')?.textContent).toBe('Post Comment');
    expect(document.querySelector('label[for="author"]')?.textContent).toMatch(/^Name/);
    expect(document.querySelector('input[name="comment_post_ID"]')?.getAttribute('value')).toBe(
      'en/russia-urges-west-to-respect-syrian-sovereignty',
    );
    // The Arabic story keeps the site's Arabic strings.
    const arabic = (await loadPage(SEED_PATH)).document;
    expect(arabic.querySelector('#commentform .khabar-form__button')?.textContent).toBe('إرسال التعليق');
  });

  it("is one of the receiver's posts, and the receiver takes a reader's comment on it", async () => {
    const manifest = ManifestSchema.parse(
      JSON.parse(await readFile(join(exampleRoot, 'comments/site.json'), 'utf8')),
    );
    const id = 'en/russia-urges-west-to-respect-syrian-sovereignty';
    const post = manifest.posts.find((entry) => entry.id === id);
    expect(post?.url).toBe(EN_SEED_PATH);
    // A receiver of its own, on the posts the example's build wrote, answering a reader's plain POST.
    const dir = await tempDir('english-edition');
    await writeSite(dir, manifest.posts);
    const receiver = await startReceiver(dir);
    try {
      const body = new URLSearchParams({
        comment: 'A comment on the English edition.',
        author: 'Omar',
        email: 'omar@example.com',
        url: '',
        comment_post_ID: id,
        comment_parent: '0',
        khabar_token: await liveToken(id),
        subject: '',
      });
      const response = await fetch(`${receiver.url}/`, {
        method: 'POST',
        body,
        headers: { origin: ORIGIN },
        redirect: 'manual',
      });
      expect(response.status, receiver.output()).toBe(303);
      expect(response.headers.get('location')).toBe(`${ORIGIN}${EN_SEED_PATH}#khabar-pending`);
    } finally {
      await receiver.stop();
      await removeTempDirs();
    }
  });
});
