/**
 * Story kinds in the built example: live coverage with its timestamped updates (page, JSON file and
 * `LiveBlogPosting`), an opinion piece and the opinion page, an analysis with a correction (page, JSON-LD
 * and feed), and a story scheduled for 2099 that is nowhere in the site. Expected figures come from the
 * example's content files, so stories other contributors add change nothing here.
 */
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-non-null-assertion --
 * Parsed JSON-LD and JSON are untyped data; a missing node should fail the test where it is read. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { dist, EXAMPLE_CLOCK, loadPage, publishedStories } from './helpers/newsroom.ts';
import { exampleRoot } from './helpers/paths.ts';

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON-LD is untyped data

const SITE = 'https://khabar.example';
const LIVE = '/politics/storm-live/';
const OPINION = '/politics/water-plan-opinion/';
const ANALYSIS = '/economy/fuel-prices-analysis/';
const SCHEDULED = { slug: 'metro-opening-scheduled', title: 'الخط الأخضر لمترو الياسمين يفتح أبوابه للركاب' };

const jsonLd = (document: Document): Node[] =>
  [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent));

/** The live story's update files, read from their frontmatter: id (file name), time and title. */
async function updateFiles() {
  const dir = join(exampleRoot, 'src/content/updates/storm-live');
  const files = await readdir(dir);
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(join(dir, file), 'utf8');
      const field = (name: string) => new RegExp(`^${name}:\\s*["']?(.+?)["']?$`, 'm').exec(text)?.[1];
      return {
        id: file.replace(/\.md$/, ''),
        time: new Date(field('time') ?? NaN),
        title: field('title'),
        text,
      };
    }),
  );
}

describe('live coverage', () => {
  it('shows the updates posted by the clock, newest first, each with its hour and its own anchor', async () => {
    const files = await updateFiles();
    const due = files
      .filter((u) => u.time <= EXAMPLE_CLOCK)
      .sort((a, b) => b.time.getTime() - a.time.getTime());
    expect(due.length).toBeGreaterThanOrEqual(6);
    const { document } = await loadPage(LIVE);
    const shown = [...document.querySelectorAll('.khabar-live-update')];
    expect(shown.map((u) => u.id)).toEqual(due.map((u) => `update-${u.id}`));
    for (const [i, update] of shown.entries()) {
      const time = update.querySelector('time')!;
      // The instant with the newsroom's offset (Damascus, +02:00 in 2016), the hour in its digits.
      expect(new Date(time.getAttribute('datetime')!).getTime()).toBe(due[i]!.time.getTime());
      expect(time.getAttribute('datetime')).toMatch(/\+02:00$/);
      expect(time.textContent).toMatch(/^[٠-٩]{1,2}:[٠-٩]{2}/);
      expect(update.querySelector('a.khabar-live-update__time')?.getAttribute('href')).toBe(`#${update.id}`);
      expect(update.querySelector('.khabar-live-update__title')?.textContent ?? undefined).toBe(
        due[i]!.title,
      );
    }
    // The story's own text stays above the updates as the summary; the label says it is live.
    expect(document.querySelector('.khabar-prose')?.textContent).toContain('أبرز ما نعرفه');
    expect(document.querySelector('.khabar-article-header .khabar-kind')?.textContent.trim()).toBe('مباشر');
  });

  it('keeps an update timed after the clock off the page and out of its JSON file', async () => {
    const later = (await updateFiles()).filter((u) => u.time > EXAMPLE_CLOCK);
    expect(later.length).toBeGreaterThan(0);
    const { html } = await loadPage(LIVE);
    const json = await readFile(join(dist, 'live/storm-live.json'), 'utf8');
    for (const update of later) {
      expect(html).not.toContain(`update-${update.id}`);
      expect(json).not.toContain(`update-${update.id}`);
    }
  });

  it('writes a JSON file of the same updates for the page’s script, and the page points the script at it', async () => {
    const { document } = await loadPage(LIVE);
    const section = document.querySelector('[data-khabar-live]')!;
    expect(section.getAttribute('data-khabar-live')).toBe('/live/storm-live.json');
    const data = JSON.parse(await readFile(join(dist, 'live/storm-live.json'), 'utf8'));
    expect(data.live).toBe(true);
    expect(data.status).toBe('مباشر');
    const shown = [...document.querySelectorAll('.khabar-live-update')];
    expect(data.updates.map((u: Node) => u.id)).toEqual(shown.map((u) => u.id));
    expect(data.updates[0].html).toBe(shown[0]!.querySelector('.khabar-live-update__body')!.innerHTML);
  });

  it('describes itself as a LiveBlogPosting with its coverage start and every update', async () => {
    const { document } = await loadPage(LIVE);
    const posting = jsonLd(document).find((n) => n['@type'] === 'LiveBlogPosting')!;
    expect(posting['coverageStartTime']).toBe(posting['datePublished']);
    // Still live at the clock: no end yet.
    expect(posting).not.toHaveProperty('coverageEndTime');
    const anchors = [...document.querySelectorAll('.khabar-live-update')].map(
      (u) => `${SITE}${LIVE}#${u.id}`,
    );
    expect(posting['liveBlogUpdate'].map((u: Node) => u.url)).toEqual(anchors);
    for (const update of posting['liveBlogUpdate'] as Node[]) {
      expect(update['@type']).toBe('BlogPosting');
      expect(update['headline']).toBeTruthy();
      expect(update['articleBody']).toBeTruthy();
    }
    // The page changed when its newest update was posted.
    expect(posting['dateModified']).toBe(posting['liveBlogUpdate'][0].datePublished);
  });

  it('carries its updates in the feed item’s full text, newest first, each with its hour and headline', async () => {
    const feed = new XMLParser({ isArray: (name) => name === 'item' }).parse(
      await readFile(join(dist, 'rss.xml'), 'utf8'),
    );
    const item = (feed.rss.channel.item as Node[]).find((i) => String(i.link).endsWith(LIVE))!;
    const { document: content } = parseHTML(`<div>${String(item['content:encoded'])}</div>`);
    const { document } = await loadPage(LIVE);
    const shown = [...document.querySelectorAll('.khabar-live-update')];
    const carried = [...content.querySelectorAll('article')];
    expect(carried.length).toBe(shown.length);
    for (const [i, update] of carried.entries()) {
      const link = update.querySelector('a')!;
      expect(link.getAttribute('href')).toBe(`${SITE}${LIVE}#${shown[i]!.id}`);
      expect(link.textContent).toBe(shown[i]!.querySelector('time')!.textContent);
      expect(update.querySelector('h3')?.textContent ?? undefined).toBe(
        shown[i]!.querySelector('.khabar-live-update__title')?.textContent ?? undefined,
      );
      expect(update.textContent).toContain(
        shown[i]!.querySelector('.khabar-live-update__body')!.textContent.trim(),
      );
    }
    // After the story's own text, under the heading the page gives them.
    expect(String(item['content:encoded'])).toMatch(/أبرز ما نعرفه[\s\S]*<h2>آخر التحديثات<\/h2><article>/);
  });
});

describe('opinion', () => {
  it('carries the «رأي» label, linked to the opinion page, and the columnist’s photo and title', async () => {
    const { document } = await loadPage(OPINION);
    const label = document.querySelector('.khabar-article-header .khabar-kind')!;
    expect(label.textContent.trim()).toBe('رأي');
    expect(label.getAttribute('href')).toBe('/opinion/');
    const columnist = document.querySelector('.khabar-columnist')!;
    expect(columnist.querySelector('img.khabar-columnist__photo')).not.toBeNull();
    expect(columnist.querySelector('.khabar-columnist__name')?.textContent.trim()).toBe('هالة منصور');
    expect(columnist.querySelector('.khabar-columnist__role')?.textContent).toMatch(/كاتبة رأي/);
    expect(jsonLd(document).some((n) => n['@type'] === 'OpinionNewsArticle')).toBe(true);
  });

  it('the opinion page lists every columnist and every opinion piece', async () => {
    const pieces = (await publishedStories()).filter((s) => s.kind === 'opinion');
    expect(pieces.length).toBeGreaterThan(0);
    const { document } = await loadPage('/opinion/');
    const columnists = new Set(pieces.flatMap((p) => p.authors));
    const listed = [...document.querySelectorAll('.khabar-opinion__list .khabar-columnist__name')];
    expect(listed.map((a) => a.getAttribute('href')).sort()).toEqual(
      [...columnists].map((id) => `/authors/${id}/`).sort(),
    );
    expect(document.querySelectorAll('.khabar-stories .khabar-card').length).toBe(pieces.length);
  });

  it('is related news only to stories that share a tag with it', async () => {
    const stories = await publishedStories();
    const opinion = stories.filter((s) => s.kind === 'opinion');
    for (const story of stories.filter((s) => s.kind !== 'opinion')) {
      const path = `/${story.section}/${story.file.replace(/\.mdx?$/, '')}/`;
      const { document } = await loadPage(path).catch(() => ({ document: undefined }));
      if (!document) continue; // a story whose file name is not its slug: its page is checked elsewhere
      const related = [...document.querySelectorAll('.khabar-related a')].map((a) => a.getAttribute('href'));
      for (const piece of opinion) {
        const shares = piece.tags.some((tag) => story.tags.includes(tag));
        const href = `/${piece.section}/${piece.file.replace(/\.mdx?$/, '')}/`;
        if (!shares) expect(related, `${path} relates ${href}`).not.toContain(href);
      }
    }
  });
});

describe('an analysis with a correction', () => {
  it('carries the «تحليل» label, a dated correction note and AnalysisNewsArticle with its CorrectionComment', async () => {
    const { document } = await loadPage(ANALYSIS);
    expect(document.querySelector('.khabar-article-header .khabar-kind')?.textContent.trim()).toBe('تحليل');
    const note = document.querySelector('.khabar-corrections')!;
    expect(note.querySelector('h2')?.textContent.trim()).toBe('تصحيح');
    expect(note.querySelector('time')?.getAttribute('datetime')).toBe('2016-11-30T18:10:00+02:00');
    expect(note.textContent).toContain('تُجدَّد سنوياً');
    const article = jsonLd(document).find((n) => n['@type'] === 'AnalysisNewsArticle')!;
    expect(article['correction']).toEqual([
      {
        '@type': 'CorrectionComment',
        text: expect.stringContaining('تُجدَّد سنوياً'),
        datePublished: '2016-11-30T18:10:00+02:00',
      },
    ]);
  });

  it('the feed item carries the correction', async () => {
    const feed = new XMLParser({ isArray: (name) => name === 'item' }).parse(
      await readFile(join(dist, 'rss.xml'), 'utf8'),
    );
    const item = (feed.rss.channel.item as Node[]).find((i) => String(i.link).endsWith(ANALYSIS))!;
    expect(item['description']).toContain('تصحيح');
    expect(item['description']).toContain('تُجدَّد سنوياً');
    expect(item['content:encoded']).toContain('تُجدَّد سنوياً');
  });
});

/** Every file of the built site, as text (Pagefind's gzipped fragments and indexes unzipped). */
async function* builtTexts(dir: string): AsyncGenerator<{ file: string; text: string }> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* builtTexts(path);
    else if (/\.(html|xml|json|txt|xsl|js|css)$/.test(entry.name)) {
      yield { file: relative(dist, path), text: await readFile(path, 'utf8') };
    } else if (/\.pf_(fragment|index|meta)$|\.pagefind$/.test(entry.name)) {
      yield { file: relative(dist, path), text: gunzipSync(await readFile(path)).toString('utf8') };
    }
  }
}

describe('a story scheduled for 2099', () => {
  it('is nowhere in the built site: no page, list, feed, sitemap, search record or live file', async () => {
    const found: string[] = [];
    let files = 0;
    for await (const { file, text } of builtTexts(dist)) {
      files++;
      if (text.includes(SCHEDULED.slug) || text.includes(SCHEDULED.title)) found.push(file);
    }
    expect(files).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });

  it('does not lead the home page though it is pinned and breaking', async () => {
    const { document } = await loadPage('/');
    expect(document.body.textContent).not.toContain(SCHEDULED.title);
    expect(document.querySelector('.khabar-breaking-strip')?.textContent ?? '').not.toContain('مترو');
  });
});
