/**
 * khabar-wordpress --into, end to end: a newsroom's own small Khabar site (its sections are not the
 * export's categories, it has a story and an author of its own) takes the Arabic newsroom export with a
 * --sections map and builds; a second run of the same export changes no file; a newer export changes
 * exactly the story WordPress edited and adds the one it added; the owner's edits survive; a run that
 * fails, early or half-way, loses nothing. Every file of the site is compared by its digest.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from 'khabar-comments/store';
import type { StoredComment } from '../packages/wordpress/src/lib/comments.ts';
import { ImportError, importWordPress } from '../packages/wordpress/src/import.ts';
import { WxrError } from '../packages/wordpress/src/wxr/reader.ts';
import { buildOrThrow } from './helpers/astro.ts';
import { digests as siteDigests } from './helpers/digests.ts';
import { runWordPressCli } from './helpers/wordpress.ts';
import { tmpRoot } from './helpers/paths.ts';
import { fileForPath, loadPage } from './helpers/site.ts';

const fixtures = fileURLToPath(new URL('../packages/wordpress/test/fixtures/', import.meta.url));
const newsroom = join(fixtures, 'arabic-newsroom');
const siteFixture = join(fixtures, 'into', 'site');
const path = (...segments: string[]) => `/${segments.map(encodeURIComponent).join('/')}/`;

const SEED_SLUG = 'روسيا-تطالب-الغرب-باحترام-السيادة-السورية';
const SEED_FILE = `src/content/articles/${SEED_SLUG}.md`;
/** WordPress's post 8 has the slug of the site's own story: it becomes `-2`, and stays so. */
const MATCH_FILE = 'src/content/articles/المنتخب-يفوز-2.md';
const NEW_SLUG = 'وزير-الخارجية-يصل-إلى-دمشق';
const NEW_FILE = `src/content/articles/${NEW_SLUG}.md`;
const UPDATE = 'وأكد الكرملين في وقت لاحق أن الرئيس بوتين سيتابع الملف بنفسه.';
const REDIRECT_FILES = ['src/redirects.mjs', 'public/_redirects', 'khabar-redirects.map'];

/** A post of the export, in the form WordPress writes it, with its comments. */
function postItem(
  id: number,
  slug: string,
  title: string,
  content: string,
  comments: { id: number; author: string; text: string }[] = [],
  creator = 'omar',
): string {
  const encoded = encodeURIComponent(slug).toLowerCase();
  const comment = (c: (typeof comments)[number]) => `
		<wp:comment>
			<wp:comment_id>${c.id}</wp:comment_id>
			<wp:comment_author><![CDATA[${c.author}]]></wp:comment_author>
			<wp:comment_author_email><![CDATA[reader${c.id}@example.com]]></wp:comment_author_email>
			<wp:comment_author_url></wp:comment_author_url>
			<wp:comment_author_IP><![CDATA[203.0.113.${c.id % 250}]]></wp:comment_author_IP>
			<wp:comment_date><![CDATA[2016-12-02 11:00:00]]></wp:comment_date>
			<wp:comment_date_gmt><![CDATA[2016-12-02 09:00:00]]></wp:comment_date_gmt>
			<wp:comment_content><![CDATA[${c.text}]]></wp:comment_content>
			<wp:comment_approved><![CDATA[1]]></wp:comment_approved>
			<wp:comment_type><![CDATA[comment]]></wp:comment_type>
			<wp:comment_parent>0</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
		</wp:comment>`;
  return `
	<item>
		<title><![CDATA[${title}]]></title>
		<link>https://akhbar.example/2016/12/02/${encoded}/</link>
		<pubDate>Fri, 02 Dec 2016 08:00:00 +0000</pubDate>
		<dc:creator><![CDATA[${creator}]]></dc:creator>
		<guid isPermaLink="false">https://akhbar.example/?p=${id}</guid>
		<description></description>
		<content:encoded><![CDATA[${content}]]></content:encoded>
		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
		<wp:post_id>${id}</wp:post_id>
		<wp:post_date><![CDATA[2016-12-02 10:00:00]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[2016-12-02 08:00:00]]></wp:post_date_gmt>
		<wp:post_modified><![CDATA[2016-12-02 10:00:00]]></wp:post_modified>
		<wp:post_modified_gmt><![CDATA[2016-12-02 08:00:00]]></wp:post_modified_gmt>
		<wp:comment_status><![CDATA[open]]></wp:comment_status>
		<wp:ping_status><![CDATA[open]]></wp:ping_status>
		<wp:post_name><![CDATA[${encoded}]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<wp:post_password><![CDATA[]]></wp:post_password>
		<wp:is_sticky>0</wp:is_sticky>
		<category domain="category" nicename="%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9"><![CDATA[سياسة]]></category>${comments.map(comment).join('')}
	</item>
`;
}

/** Every file of the site with its digest; SQLite's write-ahead log and its index come and go with the
 * connections and are not the site's content. */
const digests = (root: string) => siteDigests(root, /\.db-(wal|shm)$/);

/** What changed between two digest maps. */
function changes(before: Map<string, string>, after: Map<string, string>) {
  const list = (paths: Iterable<string>) => [...paths].sort();
  return {
    added: list([...after.keys()].filter((p) => !before.has(p))),
    removed: list([...before.keys()].filter((p) => !after.has(p))),
    changed: list([...after.keys()].filter((p) => before.has(p) && before.get(p) !== after.get(p))),
  };
}

const run = runWordPressCli;

describe('importing into an existing Khabar site', () => {
  const root = join(tmpRoot, 'wordpress-into');
  const site = join(root, 'site');
  const dist = join(site, 'dist');
  const exports = {
    v1: join(newsroom, 'export.xml'),
    v2: join(root, 'export-v2.xml'),
    v3: join(root, 'export-v3.xml'),
    v4: join(root, 'export-v4.xml'),
  };
  const into = (input: string, ...more: string[]) =>
    run([
      'import',
      input,
      '--into',
      site,
      '--sections',
      'رياضة=sport',
      '--uploads',
      join(newsroom, 'uploads'),
      '--time-zone',
      'Asia/Damascus',
      ...more,
    ]);
  /** The comments in the site's store (its comments folder's comments.db, as the site uses it). */
  const stored = async (): Promise<StoredComment[]> => {
    const file = join(site, 'comments', 'comments.db');
    if (!existsSync(file)) return [];
    // Opened for writing: SQLite leaves -wal and -shm files beside a database a reader closes.
    const store = await openStore(`sqlite:${file}`);
    try {
      return await store.list();
    } finally {
      await store.close();
    }
  };
  const comments = async () =>
    (await stored()).filter((c) => c.status === 'approved' || c.status === 'pending');

  beforeAll(async () => {
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    await cp(siteFixture, site, { recursive: true });
    // The secret of the site's comment receiver, which keys the avatars.
    await writeFile(join(site, '.env'), 'KHABAR_COMMENTS_SECRET=a-test-secret-of-enough-length\n');
    // A newer export: WordPress edited post 7 and published post 12 (with a comment)…
    const v1 = await readFile(exports.v1, 'utf8');
    const edited = v1.replace('ولو للحظة واحدة”.', `ولو للحظة واحدة”.\n\n${UPDATE}`);
    expect(edited).not.toBe(v1);
    const v2 = edited.replace(
      '</channel>',
      `${postItem(12, NEW_SLUG, 'وزير الخارجية يصل إلى دمشق', 'وصل وزير الخارجية إلى دمشق صباح اليوم.', [
        { id: 120, author: 'ريم', text: 'خبر مهم، ننتظر التفاصيل.' },
      ])}</channel>`,
    );
    await writeFile(exports.v2, v2);
    // …then edited post 8…
    const v3 = v2.replace('هدف في الدقيقة 80', 'هدف في الدقيقة 85');
    expect(v3).not.toBe(v2);
    await writeFile(exports.v3, v3);
    // …then published post 13, by an author the site does not have yet.
    const post13 = postItem(
      13,
      'نبأ-عاجل',
      'نبأ عاجل',
      'نص النبأ العاجل.',
      [{ id: 130, author: 'هادي', text: 'شكراً للمتابعة.' }],
      'hadi',
    );
    await writeFile(exports.v4, v3.replace('</channel>', `${post13}</channel>`));
  });

  it('refuses categories it cannot map, with their posts and the --sections that maps them, and writes nothing', async () => {
    const before = await digests(site);
    const result = await run(['import', exports.v1, '--into', site, '--time-zone', 'Asia/Damascus']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('1 category of the export has no section');
    expect(result.err).toContain('  رياضة: 1 post');
    expect(result.err).toContain('politics (سياسة), sport (الرياضة), economy (اقتصاد)');
    expect(result.err).toContain('--sections رياضة=<section>');
    const error = await importWordPress({ input: exports.v1, into: site }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    // No story, no lock, no staging folder: the site is byte for byte as it was.
    expect(changes(before, await digests(site))).toEqual({ added: [], removed: [], changed: [] });
  });

  it('says in a dry run what it would change, and writes nothing, not even a folder', async () => {
    const folders = async () =>
      (await readdir(site, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => relative(site, join(entry.parentPath, entry.name)))
        .sort();
    const before = { files: await digests(site), folders: await folders() };
    const result = await into(exports.v1, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      `Dry run: nothing was written to ${site}. It would add 9 files and update 0`,
    );
    expect(result.out).toContain(`Would be added (9):\n  src/assets/wp/2016/12/lavrov.jpg`);
    expect(result.out).toContain('Comments: 3 to add');
    expect({ files: await digests(site), folders: await folders() }).toEqual(before);
  });

  it('merges the export with a --sections map, and the site builds with its own and the imported stories', async () => {
    const before = await digests(site);
    const result = await into(exports.v1);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Merged into ${site}`);
    expect(result.out).toContain(`${MATCH_FILE} (#8 المنتخب يفوز في مباراة مثيرة)`);
    // The owner's author file is theirs; the config does not pass the redirects to Astro yet.
    expect(result.out).toContain('src/content/authors/layla.json');
    expect(result.out).toContain("Add `import redirects from './src/redirects.mjs';`");
    const { added, changed, removed } = changes(before, await digests(site));
    expect(changed).toEqual([]);
    expect(removed).toEqual([]);
    expect(added.filter((p) => !p.startsWith('comments/'))).toEqual(
      [
        'khabar-redirects.map',
        'khabar-wordpress.json',
        'public/_redirects',
        'src/assets/wp/2016/12/lavrov.jpg',
        'src/content/articles/مسودة-تقرير-عن-الانتخابات.md',
        MATCH_FILE,
        SEED_FILE,
        'src/content/authors/omar.json',
        // The export's «من نحن» page, a site page of the theme's.
        'src/content/pages/من-نحن.md',
        'src/redirects.mjs',
      ].sort(),
    );
    expect((await comments()).length).toBe(3);

    await buildOrThrow(site);
    const seed = await loadPage(path('politics', SEED_SLUG), dist);
    expect(seed.document.querySelector('h1')?.textContent).toBe(
      'روسيا تطالب الغرب بإحترام السيادة السورية .. وتعاون أمريكي محتمل لمكافحة الإرهاب',
    );
    expect(seed.html).toContain('تحليل دقيق، شكراً على التغطية.');
    expect(seed.html).not.toContain('تعليق ينتظر المراجعة.');
    const match = await loadPage(path('sport', 'المنتخب-يفوز-2'), dist);
    expect(match.document.querySelector('h1')?.textContent).toBe('المنتخب يفوز في مباراة مثيرة');
    const own = await loadPage(path('sport', 'المنتخب-يفوز'), dist);
    expect(own.document.querySelector('h1')?.textContent).toBe('المنتخب يفوز في مباراة الذهاب');
    expect(existsSync(fileForPath(dist, path('tags', 'سوريا')))).toBe(true);
    expect(existsSync(fileForPath(dist, path('politics', 'مسودة-تقرير-عن-الانتخابات')))).toBe(false);
    const author = await loadPage(path('authors', 'layla'), dist);
    expect(author.html).toContain('محررة الشؤون السياسية في غرفة الأخبار.');
  });

  it('changes no file when run again on the same export', async () => {
    const before = await digests(site);
    const result = await into(exports.v1);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/0 files added, 0 updated, \d+ unchanged/);
    expect(result.out).toContain('Comments: 0 added, 3 already in the site');
    expect(changes(before, await digests(site))).toEqual({ added: [], removed: [], changed: [] });
  });

  it('takes a newer export: the edited story and the new one change, nothing else', async () => {
    const before = await digests(site);
    const result = await into(exports.v2);
    expect(result.code).toBe(0);
    const { added, changed, removed } = changes(before, await digests(site));
    expect(removed).toEqual([]);
    expect(changed).toEqual(
      [SEED_FILE, 'khabar-wordpress.json', 'comments/comments.db', ...REDIRECT_FILES].sort(),
    );
    expect(added).toEqual([NEW_FILE]);
    // The new story's one comment, both halves.
    const onNew = (await stored()).filter((c) => c.public.postId === NEW_SLUG);
    expect(onNew.map((c) => [c.status, c.public.body, Boolean(c.private.email)])).toEqual([
      ['approved', 'خبر مهم، ننتظر التفاصيل.', true],
    ]);
    expect(await readFile(join(site, SEED_FILE), 'utf8')).toContain(UPDATE);
    expect(await readFile(join(site, 'public/_redirects'), 'utf8')).toContain(
      `${path('politics', NEW_SLUG)} 301`,
    );
    expect((await comments()).length).toBe(4);

    await buildOrThrow(site);
    expect((await loadPage(path('politics', SEED_SLUG), dist)).html).toContain(UPDATE);
    const fresh = await loadPage(path('politics', NEW_SLUG), dist);
    expect(fresh.document.querySelector('h1')?.textContent).toBe('وزير الخارجية يصل إلى دمشق');
    expect(fresh.html).toContain('خبر مهم، ننتظر التفاصيل.');
  });

  it("keeps the owner's edit of a story and says WordPress changed it too; --overwrite-edits takes WordPress's", async () => {
    const edited = `${await readFile(join(site, MATCH_FILE), 'utf8')}\nأضافت غرفة الأخبار هذا السطر.\n`;
    await writeFile(join(site, MATCH_FILE), edited);
    const before = await digests(site);
    const kept = await into(exports.v3);
    expect(kept.code).toBe(0);
    expect(kept.out).toContain(
      `${MATCH_FILE} (#8 المنتخب يفوز في مباراة مثيرة): WordPress changed it too; --overwrite-edits takes its version`,
    );
    expect(changes(before, await digests(site))).toEqual({ added: [], removed: [], changed: [] });

    const taken = await into(exports.v3, '--overwrite-edits');
    expect(taken.code).toBe(0);
    const text = await readFile(join(site, MATCH_FILE), 'utf8');
    expect(text).toContain('هدف في الدقيقة 85');
    expect(text).not.toContain('أضافت غرفة الأخبار هذا السطر.');
    expect(changes(before, await digests(site)).changed).toEqual(
      [MATCH_FILE, 'khabar-wordpress.json'].sort(),
    );
  });

  it('loses nothing when a run fails, and the next run finishes without duplicating a comment', async () => {
    const before = await digests(site);
    // A cut export stops before anything is written.
    const whole = await readFile(exports.v4, 'utf8');
    await writeFile(join(root, 'cut.xml'), whole.slice(0, whole.indexOf('<wp:post_id>13</wp:post_id>')));
    const cut = await importWordPress({ input: join(root, 'cut.xml'), into: site }).catch((e: unknown) => e);
    expect(cut).toBeInstanceOf(WxrError);
    expect(changes(before, await digests(site))).toEqual({ added: [], removed: [], changed: [] });

    // A folder where the new story's file must go: the run stops half-way (the new author's file is
    // in place, the story is not), with a message.
    const obstacle = join(site, 'src/content/articles/نبأ-عاجل.md');
    await mkdir(obstacle);
    const failed = await into(exports.v4);
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('Could not write');
    expect(failed.err).toContain('running the import again finishes the rest');
    const halfway = await digests(site);
    expect(changes(before, halfway).added).toEqual(['src/content/authors/hadi.json']);
    await rm(obstacle, { recursive: true });

    const finished = await into(exports.v4);
    expect(finished.code).toBe(0);
    const after = await digests(site);
    // Every file is as it was or as the finished run left it: none half-written.
    for (const [file, digest] of before) expect([digest, after.get(file)], file).toContain(halfway.get(file));
    expect(after.get('src/content/authors/hadi.json')).toBe(halfway.get('src/content/authors/hadi.json'));
    expect(after.has('src/content/articles/نبأ-عاجل.md')).toBe(true);
    expect((await comments()).length).toBe(5);
    expect(existsSync(join(site, '.khabar-wordpress.lock'))).toBe(false);
    expect((await readdir(site)).filter((name) => name.startsWith('.khabar-wordpress-staging-'))).toEqual([]);

    const again = await into(exports.v4);
    expect(again.code).toBe(0);
    expect(changes(after, await digests(site))).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('a site made with --out', () => {
  const root = join(tmpRoot, 'wordpress-out-into');
  const site = join(root, 'site');

  it('takes the same export again with --into and changes no file', async () => {
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    const options = { input: join(newsroom, 'export.xml'), uploads: join(newsroom, 'uploads') };
    await importWordPress({ ...options, out: site });
    expect(existsSync(join(site, 'khabar-wordpress.json'))).toBe(true);
    const before = await digests(site);
    // The secret comes from the .env the first import wrote; the sections match the categories' slugs.
    const report = await importWordPress({ ...options, into: site });
    expect(report.merge?.redirectsModule).toBe('wired');
    expect(report.merge?.comments).toMatchObject({ added: 0, present: 3 });
    expect(changes(before, await digests(site))).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('the --into command line', () => {
  const root = join(tmpRoot, 'wordpress-into-cli');
  const input = join(newsroom, 'export.xml');

  beforeAll(async () => {
    await rm(root, { recursive: true, force: true });
    await mkdir(join(root, 'plain'), { recursive: true });
    await writeFile(join(root, 'plain', 'index.html'), '<p>not a Khabar site</p>');
  });

  it('takes --out or --into, not both and not neither', async () => {
    const both = await run(['import', input, '--out', join(root, 'new'), '--into', join(root, 'plain')]);
    expect(both.code).toBe(2);
    expect(both.err).toContain('--out and --into exclude each other');
    const neither = await run(['import', input]);
    expect(neither.code).toBe(2);
    expect(neither.err).toContain('--out <folder> for a new site, or --into <site>');
    const stray = await run(['import', input, '--out', join(root, 'new'), '--sections', 'a=b']);
    expect(stray.code).toBe(2);
    expect(existsSync(join(root, 'new'))).toBe(false);
    const locale = await run(['import', input, '--into', join(root, 'plain'), '--locale', 'ar-EG']);
    expect(locale.code).toBe(2);
    expect(locale.err).toContain('keeps its own astro.config');
  });

  it('refuses a folder that is not a Khabar site, and one that does not exist', async () => {
    const plain = await run(['import', input, '--into', join(root, 'plain')]);
    expect(plain.code).toBe(1);
    expect(plain.err).toContain('is not a Khabar site');
    expect(await readdir(join(root, 'plain'))).toEqual(['index.html']);
    const missing = await run(['import', input, '--into', join(root, 'missing')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('does not exist');
  });

  it('keeps the --help text in step with the options', async () => {
    const help = await run(['--help']);
    for (const flag of ['--out', '--into', '--sections', '--overwrite-edits', '--dry-run'])
      expect(help.out).toContain(flag);
  });
});
