/**
 * khabar-wordpress end to end: an export is imported into a new site, the site is built with the
 * workspace's theme, and the pages are read. Two exports: a small Arabic newsroom written for these
 * tests (packages/wordpress/test/fixtures/arabic-newsroom), and WordPress's own theme unit test data,
 * read from ../shared/wordpress/ where it is (it is not the project's to copy, so the suite skips
 * without it).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { openStore } from 'khabar-comments/store';
import { ImportError, importWordPress, type ImportReport } from '../packages/wordpress/src/import.ts';
import { WxrError } from '../packages/wordpress/src/wxr/reader.ts';
import { buildOrThrow } from './helpers/astro.ts';
import { runWordPressCli } from './helpers/wordpress.ts';
import { repoRoot, tmpRoot } from './helpers/paths.ts';
import { fileForPath, linkHref, loadPage } from './helpers/site.ts';

const fixture = fileURLToPath(
  new URL('../packages/wordpress/test/fixtures/arabic-newsroom/', import.meta.url),
);
const NOW = new Date('2016-12-02T08:00:00Z');
const path = (...segments: string[]) => `/${segments.map(encodeURIComponent).join('/')}/`;

/** The seed as the WordPress site printed it (the copy the seed-article suite reads). */
const seed = await readFile(new URL('./fixtures/seed/seed-article.txt', import.meta.url), 'utf8');
const seedLines = seed.split('\n').filter((line) => line.replace(/[ \t\r]/g, '') !== '');
const CAPTION = 'وزير الخارجية الروسي سيرغي لافروف';
const seedParagraphs = seedLines
  .slice(2)
  .filter((line) => line !== CAPTION && !['اترك تعليقاً', 'لن يتم نشر عنوان بريدك الإلكتروني.'].includes(line))
  .filter((line) => line.trim() !== '');
const SEED_SLUG = 'روسيا-تطالب-الغرب-باحترام-السيادة-السورية';

describe('importing an Arabic newsroom', () => {
  const root = join(tmpRoot, 'wordpress-arabic');
  const site = join(root, 'site');
  const dist = join(site, 'dist');
  let report: ImportReport;

  beforeAll(async () => {
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    report = await importWordPress({
      input: join(fixture, 'export.xml'),
      out: site,
      uploads: join(fixture, 'uploads'),
      timeZone: 'Asia/Damascus',
      locale: 'ar-SY',
      now: NOW,
      commentsSecret: 'a-test-secret-of-enough-length',
    });
    await buildOrThrow(site);
  });

  it('writes a complete site and the report', async () => {
    for (const file of ['package.json', 'astro.config.mjs', 'src/content.config.ts', 'src/redirects.mjs']) {
      expect(existsSync(join(site, file)), file).toBe(true);
    }
    const pkg = JSON.parse(await readFile(join(site, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies)).toEqual(
      expect.arrayContaining(['astro', 'astro-theme-khabar', 'khabar-comments']),
    );
    const written = JSON.parse(await readFile(join(site, 'import-report.json'), 'utf8')) as ImportReport;
    expect(written.counts).toEqual(report.counts);
    expect(report.counts).toMatchObject({ articles: 2, drafts: 1, sections: 2 });
    expect(report.counts.comments).toMatchObject({ approved: 2, pending: 1, spam: 1, pingback: 1 });
  });

  it('prints every paragraph of the seed story, in order, byte for byte, with the caption in a figcaption', async () => {
    const { document } = await loadPage(path('سياسة', SEED_SLUG), dist);
    expect(document.querySelector('h1')?.textContent).toBe(
      'روسيا تطالب الغرب بإحترام السيادة السورية .. وتعاون أمريكي محتمل لمكافحة الإرهاب',
    );
    // Paragraphs of text: the figure's picture is a paragraph of its own in Markdown.
    const rendered = [...document.querySelectorAll('.khabar-prose p')]
      .filter((p) => !p.querySelector('img'))
      .map((p) => p.textContent);
    expect(rendered).toEqual(seedParagraphs);
    const captions = [...document.querySelectorAll('figure figcaption')].map((f) => f.textContent);
    expect(captions.some((text) => text.includes(CAPTION))).toBe(true);
  });

  it('files the story under its Arabic section, with the nested category and tags as tags', async () => {
    const { document } = await loadPage(path('سياسة'), dist);
    expect(document.body.textContent).toContain('روسيا تطالب الغرب');
    expect(existsSync(fileForPath(dist, path('tags', 'لافروف')))).toBe(true);
    expect(existsSync(fileForPath(dist, path('tags', 'سوريا')))).toBe(true);
  });

  it('shows approved comments threaded, and neither pending nor spam', async () => {
    const { html } = await loadPage(path('سياسة', SEED_SLUG), dist);
    expect(html).toContain('تحليل دقيق، شكراً على التغطية.');
    expect(html).toContain('أوافقك الرأي يا سارة.');
    expect(html).not.toContain('تعليق ينتظر المراجعة.');
    expect(html).not.toContain('buy now');
    // The new site's store is its comments folder's SQLite file, as khabar-comments chooses it.
    const store = await openStore(`sqlite:${join(site, 'comments', 'comments.db')}`);
    const approved = await store.list({ status: 'approved' }).finally(() => store.close());
    expect(approved.filter((comment) => comment.public.parentId !== null)).toHaveLength(1);
    // E-mail addresses only in the private half, which the page never shows.
    expect(approved.every((comment) => comment.private.email.endsWith('@example.com'))).toBe(true);
    expect(JSON.stringify(approved.map((comment) => comment.public))).not.toContain('@example.com');
    expect(html).not.toContain('@example.com');
  });

  it('builds the Gutenberg post: heading, quote, table, list and the YouTube embed', async () => {
    const { document } = await loadPage(path('رياضة', 'المنتخب-يفوز'), dist);
    const prose = document.querySelector('.khabar-prose');
    expect(prose?.querySelector('h2')?.textContent).toBe('أرقام المباراة');
    expect(prose?.querySelector('blockquote')?.textContent).toContain('لعبنا من أجل الجمهور.');
    expect(prose?.querySelectorAll('table td')).toHaveLength(4);
    expect(prose?.querySelectorAll('li')).toHaveLength(2);
    // The embed block became a link on its own line, which the theme's bare-link rule shows as its
    // click-to-load embed: a card and the link, nothing loaded from YouTube.
    expect(prose?.querySelector('figure.khabar-embed a[href^="https://www.youtube.com/"]')).not.toBeNull();
    expect(prose?.querySelector('iframe')).toBeNull();
  });

  it('builds no page for the draft or the password-protected post, and reports them', () => {
    expect(existsSync(fileForPath(dist, path('سياسة', 'مسودة-تقرير-عن-الانتخابات')))).toBe(false);
    expect(existsSync(fileForPath(dist, path('سياسة', 'خبر-خاص')))).toBe(false);
    expect(report.skipped).toContainEqual(
      expect.objectContaining({ id: '10', reason: expect.stringContaining('password-protected') as unknown }),
    );
    expect(report.degraded).toContainEqual(
      expect.objectContaining({ id: '9', reason: expect.stringContaining('draft') as unknown }),
    );
    expect(report.missingMedia).toContainEqual(
      expect.objectContaining({ id: '8', file: '2016/12/stadium.jpg' }),
    );
  });

  it('redirects the old address, in both percent-encodings, and ?p=', async () => {
    const target = path('سياسة', SEED_SLUG);
    const old = fileForPath(dist, path('2016', '12', '01', SEED_SLUG));
    expect(await readFile(old, 'utf8')).toContain(target);
    const redirects = await readFile(join(site, 'public', '_redirects'), 'utf8');
    const lower = path('2016', '12', '01', SEED_SLUG).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
    expect(redirects).toContain(`${lower} ${target} 301`);
    expect(redirects).toContain(`${path('2016', '12', '01', SEED_SLUG)} ${target} 301`);
    expect(redirects).toContain(`/ p=7 ${target} 301`);
    const nginx = await readFile(join(site, 'khabar-redirects.map'), 'utf8');
    expect(nginx).toContain(`"/?p=7" "${target}";`);
    expect(nginx).toContain(`"${lower}" "${target}";`);
  });

  it('publishes the WordPress page as a site page, and redirects its old address, ?page_id= and ?p=', async () => {
    const about = path('من-نحن');
    const { document } = await loadPage(about, dist);
    expect(document.querySelector('h1')?.textContent).toBe('من نحن');
    expect(document.querySelector('.khabar-site-page .khabar-prose')?.textContent).toContain(
      'خبر موقع إخباري مستقل.',
    );
    expect(report.counts.pages).toBe(1);
    expect(report.skipped.filter((item) => item.type === 'page')).toEqual([]);
    // The footer of every page links it.
    const home = await loadPage('/', dist);
    expect(home.document.querySelector(`.khabar-footer a[href="${linkHref(about)}"]`)?.textContent).toBe(
      'من نحن',
    );
    // The export's permalink for it (under a date), and WordPress's short links.
    expect(await readFile(fileForPath(dist, path('2016', '12', '01', 'من-نحن')), 'utf8')).toContain(about);
    const redirects = await readFile(join(site, 'public', '_redirects'), 'utf8');
    expect(redirects).toContain(`/ page_id=11 ${about} 301`);
    expect(redirects).toContain(`/ p=11 ${about} 301`);
  });

  it('pins the sticky post: it leads the home page ahead of the newer story', async () => {
    const file = await readFile(join(site, 'src/content/articles', `${SEED_SLUG}.md`), 'utf8');
    expect(file).toMatch(/^pinned: true$/m);
    const { document } = await loadPage('/', dist);
    expect(document.querySelector('.khabar-home__lead')?.textContent).toContain('روسيا تطالب الغرب');
    expect(document.querySelector('.khabar-home__top')?.textContent).toContain('المنتخب يفوز');
  });
});

describe('bad input', () => {
  const root = join(tmpRoot, 'wordpress-bad');

  beforeAll(async () => {
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
  });

  const attempt = async (name: string, text: string) => {
    await writeFile(join(root, `${name}.xml`), text);
    const out = join(root, `${name}-site`);
    const error = await importWordPress({ input: join(root, `${name}.xml`), out }).catch((e: unknown) => e);
    expect(existsSync(out)).toBe(false);
    return error;
  };

  it('refuses a file that is not XML', async () => {
    const error = await attempt('not-xml', '{"posts": []}');
    expect(error).toBeInstanceOf(WxrError);
    expect((error as WxrError).code).toBe('not-xml');
  });

  it('refuses XML that is not a WordPress export', async () => {
    const error = await attempt(
      'not-wxr',
      '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</title></item></channel></rss>',
    );
    expect((error as WxrError).code).toBe('not-wxr');
  });

  it('says how far it got in a truncated export, and writes nothing', async () => {
    const whole = await readFile(join(fixture, 'export.xml'), 'utf8');
    const error = await attempt('truncated', whole.slice(0, whole.indexOf('<wp:post_id>8</wp:post_id>')));
    expect((error as WxrError).code).toBe('truncated');
    expect((error as WxrError).itemsRead).toBe(3);
    expect((error as WxrError).message).toContain('3 items read');
  });

  it('refuses an --out folder that is not empty', async () => {
    const out = join(root, 'full');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'keep.txt'), 'mine');
    const error = await importWordPress({ input: join(fixture, 'export.xml'), out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(await readdir(out)).toEqual(['keep.txt']);
  });
});

/** Imports one of WordPress's own exports into a new site in `root` (emptied first), and builds it. */
async function importAndBuild(input: string, root: string, site: string): Promise<ImportReport> {
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const report = await importWordPress({
    input,
    out: site,
    now: NOW,
    commentsSecret: 'a-test-secret-of-enough-length',
  });
  await buildOrThrow(site);
  return report;
}

/** A field of an export's item, CDATA or not, read here without the importer's reader. */
const field = (item: string, tag: string) =>
  new RegExp(`<${tag}>(?:<!\\[CDATA\\[)?([\\s\\S]*?)(?:\\]\\]>)?</${tag}>`).exec(item)?.[1] ?? '';

/**
 * The galleries of every published post of an export ([gallery] shortcodes and gallery blocks) that its
 * built page does not show as the theme's Gallery with pictures: the post's slug and what is wrong.
 */
async function galleriesNotRendered(
  xml: string,
  stories: readonly { section: string; slug: string }[],
  dist: string,
): Promise<string[]> {
  const wrong: string[] = [];
  let checked = 0;
  for (const [, item = ''] of xml.matchAll(/<item>([\s\S]*?)<\/item>/g)) {
    if (field(item, 'wp:post_type') !== 'post' || field(item, 'wp:status') !== 'publish') continue;
    if (field(item, 'wp:post_password')) continue;
    const content = field(item, 'content:encoded');
    const expected =
      (content.match(/\[gallery[\s\]]/g)?.length ?? 0) +
      (content.match(/<(?:figure|ul) class="wp-block-gallery/g)?.length ?? 0);
    if (expected === 0) continue;
    const slug = decodeURIComponent(field(item, 'wp:post_name'));
    const story = stories.find((candidate) => candidate.slug === slug);
    if (!story) {
      wrong.push(`${slug}: no story`);
      continue;
    }
    const { document } = await loadPage(path(story.section, story.slug), dist);
    const galleries = [...document.querySelectorAll('.khabar-prose figure.khabar-gallery')];
    if (galleries.length !== expected) wrong.push(`${slug}: ${galleries.length} galleries of ${expected}`);
    for (const gallery of galleries)
      if (gallery.querySelectorAll('ul.khabar-gallery__grid > li.khabar-gallery__item img').length === 0)
        wrong.push(`${slug}: a gallery without pictures`);
    checked++;
  }
  if (checked === 0) wrong.push('the export has no post with a gallery');
  return wrong;
}

/** WordPress's own test exports, outside the repository (see ../shared/wordpress/README.md). */
const wordpressExports = join(repoRoot, '..', 'shared', 'wordpress');
const themeUnitTest = join(wordpressExports, 'themeunittestdata.wordpress.xml');
const haveExports = existsSync(themeUnitTest);
if (!haveExports) {
  console.warn(
    `Skipping WordPress's theme unit test import: ${themeUnitTest} is absent (it is not in the repository).`,
  );
}

describe.skipIf(!haveExports)("importing WordPress's theme unit test data", () => {
  const root = join(tmpRoot, 'wordpress-theme-unit-test');
  const site = join(root, 'site');
  const dist = join(site, 'dist');
  let report: ImportReport;
  const posts: {
    id: string;
    title: string;
    status: string;
    password: string;
    section: string;
    slug: string;
  }[] = [];

  beforeAll(async () => {
    report = await importAndBuild(themeUnitTest, root, site);
    // What was written, from the stories' files: their slug and section.
    for (const file of await readdir(join(site, 'src/content/articles'))) {
      const text = await readFile(join(site, 'src/content/articles', file), 'utf8');
      // The importer double-quotes strings, which JSON reads.
      const field = (name: string) => {
        const value = new RegExp(`^${name}: (.*)$`, 'm').exec(text)?.[1] ?? '""';
        return value.startsWith('"') ? (JSON.parse(value) as string) : value;
      };
      posts.push({
        id: file,
        title: field('title'),
        status: field('draft'),
        password: '',
        section: field('section'),
        slug: field('slug'),
      });
    }
  });

  it('gives every published post a page whose h1 is its title', async () => {
    const published = posts.filter((post) => post.status === 'false');
    expect(published.length).toBe(report.counts.articles);
    expect(published.length).toBeGreaterThan(20);
    for (const post of published) {
      const { document } = await loadPage(path(post.section, post.slug), dist);
      expect(document.querySelector('h1')?.textContent, post.id).toBe(post.title);
    }
  });

  it('gives every published page a site page whose h1 is its title, nested pages flattened and redirected', async () => {
    const files = await readdir(join(site, 'src/content/pages'));
    expect(files.length).toBe(report.counts.pages);
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) {
      const text = await readFile(join(site, 'src/content/pages', file), 'utf8');
      const field = (name: string) =>
        JSON.parse(new RegExp(`^${name}: (.*)$`, 'm').exec(text)?.[1] ?? '""') as string;
      const { document } = await loadPage(path(field('slug')), dist);
      expect(document.querySelector('h1')?.textContent, file).toBe(field('title'));
    }
    // WordPress's /level-1/level-2/level-3/ is /level-1-level-2-level-3/, and the old address leads there.
    expect(existsSync(fileForPath(dist, '/level-1-level-2-level-3/'))).toBe(true);
    expect(await readFile(fileForPath(dist, '/level-1/level-2/level-3/'), 'utf8')).toContain(
      '/level-1-level-2-level-3/',
    );
    expect(report.degraded).toContainEqual(
      expect.objectContaining({
        type: 'page',
        reason: 'a nested page (/level-1/level-2/level-3/): published at /level-1-level-2-level-3/',
      }),
    );
  });

  it("renders every [gallery] and gallery block as the theme's Gallery, with its pictures", async () => {
    const published = posts.filter((post) => post.status === 'false');
    expect(await galleriesNotRendered(await readFile(themeUnitTest, 'utf8'), published, dist)).toEqual([]);
  });

  it('builds no page for drafts, future and password-protected posts, and says why', () => {
    for (const post of posts.filter((p) => p.status === 'true')) {
      expect(existsSync(fileForPath(dist, path(post.section, post.slug))), post.id).toBe(false);
    }
    const reasons = report.skipped.map((item) => item.reason);
    expect(reasons.some((reason) => reason.startsWith('password-protected'))).toBe(true);
    expect(report.degraded.some((item) => item.reason.includes('"future"'))).toBe(true);
    for (const item of report.skipped) expect(item.reason.length, item.id).toBeGreaterThan(0);
  });
});

describe('the khabar-wordpress command', () => {
  const root = join(tmpRoot, 'wordpress-cli');
  const run = runWordPressCli;

  beforeAll(async () => {
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
  });

  it('prints the report, writes import-report.json and exits 0', async () => {
    const out = join(root, 'site');
    const result = await run([
      'import',
      join(fixture, 'export.xml'),
      '--out',
      out,
      '--time-zone',
      'Asia/Damascus',
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Imported 2 published stories and 1 drafts');
    expect(result.out).toContain('#10 خبر خاص بالمشتركين: password-protected');
    expect(existsSync(join(out, 'import-report.json'))).toBe(true);
  });

  it('exits non-zero with a clear message on bad input and a non-empty --out', async () => {
    await writeFile(join(root, 'bad.xml'), 'not xml at all');
    const bad = await run(['import', join(root, 'bad.xml'), '--out', join(root, 'bad-site')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('This file is not XML');
    expect(existsSync(join(root, 'bad-site'))).toBe(false);
    const full = await run(['import', join(fixture, 'export.xml'), '--out', join(root, 'site')]);
    expect(full.code).toBe(1);
    expect(full.err).toContain('is not empty');
    expect((await run(['import'])).code).toBe(2);
  });
});

const blockTest = join(wordpressExports, '64-block-test-data.xml');
if (!existsSync(blockTest)) {
  console.warn(
    `Skipping WordPress's block-editor test import: ${blockTest} is absent (it is not in the repository).`,
  );
}

/** The text of each paragraph block of a post's content, as a reader sees it (tags gone, entities decoded). */
function paragraphTexts(content: string): string[] {
  const texts: string[] = [];
  for (const block of content.matchAll(
    /<!-- wp:paragraph(?: [^>]*)? -->([\s\S]*?)<!-- \/wp:paragraph -->/g,
  )) {
    // A line break reads as a space, as it does on the page.
    const html = (block[1] ?? '').replace(/<br\s*\/?>/gi, '\n');
    const { document } = parseHTML(`<html><body>${html}</body></html>`);
    const text = document.body.textContent.replace(/\s+/g, ' ').trim();
    if (text) texts.push(text);
  }
  return texts;
}

describe.skipIf(!existsSync(blockTest))("importing WordPress's block-editor test data", () => {
  const root = join(tmpRoot, 'wordpress-block-test');
  const site = join(root, 'site');
  const dist = join(site, 'dist');
  let report: ImportReport;

  beforeAll(async () => {
    report = await importAndBuild(blockTest, root, site);
  });

  it('gives every block post a page whose h1 is its title and whose text holds every paragraph block', async () => {
    const xml = await readFile(blockTest, 'utf8');
    // The posts of the export: title, slug and content, read here without the importer's reader.
    const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((match) => match[1] ?? '');
    const cdata = (item: string, tag: string) =>
      new RegExp(`<${tag}><!\\[CDATA\\[([\\s\\S]*?)\\]\\]></${tag}>`).exec(item)?.[1] ?? '';
    const posts = items.filter((item) => cdata(item, 'wp:post_type') === 'post');
    expect(posts.length).toBe(report.counts.articles);
    const files = await readdir(join(site, 'src/content/articles'));
    const missing: string[] = [];
    for (const file of files) {
      const text = await readFile(join(site, 'src/content/articles', file), 'utf8');
      const field = (name: string) =>
        JSON.parse(new RegExp(`^${name}: (.*)$`, 'm').exec(text)?.[1] ?? '""') as string;
      const { document } = await loadPage(path(field('section'), field('slug')), dist);
      expect(document.querySelector('h1')?.textContent, file).toBe(field('title'));
      const post = posts.find((item) => decodeURIComponent(cdata(item, 'wp:post_name')) === field('slug'));
      if (!post) continue;
      const page = (document.querySelector('.khabar-prose')?.textContent ?? '').replace(/\s+/g, ' ');
      for (const paragraph of paragraphTexts(cdata(post, 'content:encoded')))
        if (!page.includes(paragraph)) missing.push(`${file}: ${paragraph.slice(0, 80)}`);
    }
    expect(missing).toEqual([]);
  });

  it("renders every gallery block as the theme's Gallery, with its pictures", async () => {
    const stories = [];
    for (const file of await readdir(join(site, 'src/content/articles'))) {
      const text = await readFile(join(site, 'src/content/articles', file), 'utf8');
      const value = (name: string) =>
        JSON.parse(new RegExp(`^${name}: (.*)$`, 'm').exec(text)?.[1] ?? '""') as string;
      stories.push({ section: value('section'), slug: value('slug') });
    }
    expect(await galleriesNotRendered(await readFile(blockTest, 'utf8'), stories, dist)).toEqual([]);
  });
});
