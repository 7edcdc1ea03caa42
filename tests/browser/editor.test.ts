/**
 * The web editor (`/admin/`, Sveltia CMS) as a journalist uses it: the built example's page in Chromium,
 * in Arabic and in the newsroom's zone, with every request that would leave the machine aborted and
 * counted, working on a copy of the repository (tests/helpers/cms.ts). A story written there is then
 * built into a copy of the example, and its page read.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildOrThrow } from '../helpers/astro.ts';
import { useSiteBrowser } from '../helpers/browser.ts';
import { offline, readRepository, repoFiles, seedRepository, stubDirectoryPicker } from '../helpers/cms.ts';
import { exampleRoot, repoRoot, tmpRoot } from '../helpers/paths.ts';
import { loadPage } from '../helpers/site.ts';

const site = useSiteBrowser();

/** The example inside the repository, as the editor's configuration names it (`cms.root`). */
const SITE = 'examples/news';
const ARTICLES = `${SITE}/src/content/articles`;
const SEED_FILE = `${ARTICLES}/russia-syria-sovereignty.md`;
/** Set KHABAR_SCREENSHOTS=1 to write the docs' pictures of the editor (docs/assets/editor-*.png). */
const SCREENSHOTS = process.env.KHABAR_SCREENSHOTS === '1';

/** The repository as the editor sees it: the example's content and pictures, and nothing else. */
const seed = [
  ...(await repoFiles(repoRoot, join(exampleRoot, 'src/content'))),
  ...(await repoFiles(repoRoot, join(exampleRoot, 'src/assets'))),
];
const seeded = new Map(seed.map((file) => [file.path, file.base64]));

/** A field of the entry editor, by its key path; the editor renders fields as they scroll into view. */
async function field(page: Page, path: string): Promise<Locator> {
  const section = page.locator(`section[data-key-path="${path}"]`);
  for (let tries = 0; tries < 40 && (await section.count()) === 0; tries++) {
    await page.mouse.move(960, 500);
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(100);
  }
  await section.scrollIntoViewIfNeeded();
  return section;
}

/** The writing direction of a field's text box, as its attribute says and as the browser lays it out. */
async function direction(box: Locator): Promise<{ attribute: string | null; computed: string }> {
  return box.evaluate((element) => ({
    attribute: element.closest('[dir]')?.getAttribute('dir') ?? null,
    computed: getComputedStyle(element).direction,
  }));
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  await page.screenshot({ path: join(repoRoot, 'docs/assets', `editor-${name}.png`) });
}

/**
 * Opens `/admin/` like a journalist in Damascus, offline, on a fresh copy of the repository, and runs
 * `work`; returns what it returned, the repository's files afterwards, and the requests aborted.
 */
async function withEditor<T>(
  work: (page: Page) => Promise<T>,
): Promise<{ result: T; files: Map<string, string>; blocked: string[] }> {
  const context = await site.browser.newContext({
    locale: 'ar',
    timezoneId: 'Asia/Damascus',
    viewport: { width: 1280, height: 860 },
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
  });
  try {
    const network = await offline(context);
    await stubDirectoryPicker(context);
    const page = await context.newPage();
    // The private storage belongs to the site's origin: seed it from one of the site's pages.
    await page.goto(site.server.url('/404.html'));
    await seedRepository(page, seed);
    await page.goto(site.server.url('/admin/'));
    await screenshot(page, 'sign-in');
    await page.getByRole('button', { name: 'العمل مع مستودع محلي' }).click();
    await expect
      .poll(() => page.getByText('روسيا تطالب الغرب').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await screenshot(page, 'stories');
    const result = await work(page);
    return { result, files: await readRepository(page), blocked: network.blocked };
  } finally {
    await context.close();
  }
}

/** The files the editor added or changed, as text or bytes. */
function written(files: Map<string, string>): Map<string, Buffer> {
  return new Map(
    [...files]
      .filter(([path, base64]) => !path.startsWith('.git/') && seeded.get(path) !== base64)
      .map(([path, base64]) => [path, Buffer.from(base64, 'base64')]),
  );
}

/** A story file's frontmatter and body. */
function story(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`not a story file:\n${text}`);
  return { data: parseYaml(match[1] ?? '') as Record<string, unknown>, body: match[2] ?? '' };
}

const HEADLINE = 'iPhone 17 يصل إلى متاجر مرسى النور';
const CAPTION = 'الهاتف في واجهة أحد متاجر المدينة';
const ALT = 'رسم توضيحي لهاتف ذكي على رف متجر';
const BODY = 'اصطف مئات الزبائن أمام متاجر مرسى النور منذ الفجر لشراء الهاتف الجديد.';

describe('the web editor at /admin/, offline, in Arabic', () => {
  it('writes a story with a section, tags, an author, a picture and a body, right to left, that the site builds', async () => {
    const picture = join(tmpRoot, 'editor-upload', 'iphone-17.jpg');
    await mkdir(dirname(picture), { recursive: true });
    await cp(join(exampleRoot, 'src/assets/articles/5g-network-trial.jpg'), picture);

    const {
      result: directions,
      files,
      blocked,
    } = await withEditor(async (page) => {
      await page.getByRole('button', { name: 'إنشاء عنصر جديد' }).click();
      const title = (await field(page, 'title')).getByRole('textbox');
      await title.fill(HEADLINE);
      await (
        await field(page, 'description')
      )
        .getByRole('textbox')
        .fill('بدأت متاجر مرسى النور بيع الهاتف الجديد صباح اليوم وسط إقبال كبير.');
      // Before the example's pinned clock (2016-12-01 18:00), so the build publishes it.
      await (await field(page, 'published')).locator('input').fill('2016-12-01T16:30');
      await (await field(page, 'section')).getByRole('radio', { name: 'تكنولوجيا' }).click();
      const tags = await field(page, 'tags');
      await tags.getByRole('textbox').first().fill('هواتف');
      await tags.getByRole('button', { name: /إضافة/ }).click();
      await tags.getByRole('textbox').nth(1).fill('أسواق');
      await (await field(page, 'authors')).getByRole('checkbox', { name: 'نور سالم' }).click();
      await (await field(page, 'image')).getByRole('checkbox').click();
      await (await field(page, 'image.src')).locator('input[type=file]').first().setInputFiles(picture);
      const alt = (await field(page, 'image.alt')).getByRole('textbox');
      await alt.fill(ALT);
      const caption = (await field(page, 'image.caption')).getByRole('textbox');
      await caption.fill(CAPTION);
      const body = (await field(page, 'body')).getByRole('textbox');
      await body.click();
      await page.keyboard.type(BODY);
      await title.scrollIntoViewIfNeeded();
      await screenshot(page, 'story');
      const seen = {
        title: await direction(title),
        alt: await direction(alt),
        caption: await direction(caption),
        body: await direction(body),
      };
      await page.getByRole('button', { name: 'حفظ' }).click();
      await expect
        .poll(
          async () => [...(await readRepository(page)).keys()].some((path) => path.includes('iphone-17')),
          {
            timeout: 30_000,
          },
        )
        .toBe(true);
      return seen;
    });

    expect(blocked, 'requests that left the machine').toEqual([]);
    // A headline that starts with Latin letters is still laid out right to left.
    for (const [name, seen] of Object.entries(directions)) {
      expect(seen, name).toEqual({ attribute: 'rtl', computed: 'rtl' });
    }

    const changes = written(files);
    const storyPath = [...changes.keys()].find((path) => path.startsWith(`${ARTICLES}/`));
    expect(storyPath).toBe(`${ARTICLES}/iphone-17-يصل-إلى-متاجر-مرسى-النور.md`);
    expect([...changes.keys()].sort()).toEqual(
      [storyPath, `${SITE}/src/assets/articles/iphone-17.jpg`].sort(),
    );
    const { data, body } = story(changes.get(storyPath ?? '')?.toString('utf8') ?? '');
    expect(data).toMatchObject({
      title: HEADLINE,
      published: '2016-12-01T16:30:00+02:00',
      section: 'technology',
      tags: ['هواتف', 'أسواق'],
      authors: ['nour-salem'],
      image: { src: '../../assets/articles/iphone-17.jpg', alt: ALT, caption: CAPTION },
    });
    expect(body.trim()).toBe(BODY);
    expect(changes.get(`${SITE}/src/assets/articles/iphone-17.jpg`)).toEqual(await readFile(picture));

    // The files the editor wrote, in a copy of the example, built as the site's CI would build them.
    const copy = join(tmpRoot, 'editor-site');
    await rm(copy, { recursive: true, force: true });
    // The image cache (node_modules/.astro) comes along: only the new picture is processed again.
    await cp(exampleRoot, copy, {
      recursive: true,
      filter: (source) => !/[/\\](dist|\.astro)$/.test(source) || source.includes('node_modules'),
    });
    for (const [path, bytes] of changes) {
      const target = join(copy, path.slice(SITE.length + 1));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes);
    }
    await buildOrThrow(copy);
    const { document } = await loadPage(
      `/technology/${encodeURIComponent('iphone-17-يصل-إلى-متاجر-مرسى-النور')}/`,
      join(copy, 'dist'),
    );
    expect(document.querySelector('h1')?.textContent.trim()).toBe(HEADLINE);
    const figure = document.querySelector('main figure');
    expect(figure?.querySelector('img')?.getAttribute('alt')).toBe(ALT);
    expect(figure?.querySelector('figcaption')?.textContent).toContain(CAPTION);
    expect(document.querySelector('main')?.textContent).toContain(BODY);
  }, 900_000);

  it('edits the seed story’s deck and changes nothing else the story says', async () => {
    const DECK = 'لافروف: مهمتنا أن يعود الأمل إلى السوريين';
    const { files, blocked } = await withEditor(async (page) => {
      await page.getByText('روسيا تطالب الغرب بإحترام السيادة السورية').click();
      const deck = (await field(page, 'deck')).getByRole('textbox');
      await deck.fill(DECK);
      expect(await direction(deck)).toEqual({ attribute: 'rtl', computed: 'rtl' });
      await page.getByRole('button', { name: 'حفظ' }).click();
      const before = seeded.get(SEED_FILE);
      await expect
        .poll(async () => (await readRepository(page)).get(SEED_FILE) !== before, { timeout: 30_000 })
        .toBe(true);
    });
    expect(blocked, 'requests that left the machine').toEqual([]);

    const changes = written(files);
    expect([...changes.keys()]).toEqual([SEED_FILE]);
    const original = story(Buffer.from(seeded.get(SEED_FILE) ?? '', 'base64').toString('utf8'));
    const edited = story(changes.get(SEED_FILE)?.toString('utf8') ?? '');
    expect(edited.body).toBe(original.body);
    expect(edited.data.deck).toBe(DECK);
    const { deck: _deck, ...rest } = edited.data;
    // Every field the story had, with its value; the editor may also write the switches the story left
    // out, with the values the schema gives them anyway.
    const added = Object.keys(rest).filter((key) => !(key in original.data));
    expect(Object.fromEntries(Object.entries(rest).filter(([key]) => !added.includes(key)))).toEqual(
      original.data,
    );
    expect(Object.fromEntries(added.map((key) => [key, rest[key]]))).toEqual(
      Object.fromEntries(added.map((key) => [key, false])),
    );
    expect(added.every((key) => ['draft', 'breaking', 'pinned'].includes(key))).toBe(true);
  }, 300_000);
});
