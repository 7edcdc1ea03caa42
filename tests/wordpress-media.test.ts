/**
 * khabar-wordpress's pictures from the network (--fetch-media), authors' profiles and galleries, end to
 * end: an export whose site is a real HTTP server on this machine, serving real pictures made with
 * sharp (and a 404, a 500 that recovers, one too slow, an HTML page under a .jpg name, and one on a
 * local host that is not the export's), is imported and built, and the pages are read.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWordPress, type ImportReport } from '../packages/wordpress/src/import.ts';
import { buildOrThrow } from './helpers/astro.ts';
import { tmpRoot } from './helpers/paths.ts';
import { loadPage } from './helpers/site.ts';
import { runWordPressCli } from './helpers/wordpress.ts';

const root = join(tmpRoot, 'wordpress-media');
const NOW = new Date('2024-05-10T08:00:00Z');
const SECRET = 'a-test-secret-of-enough-length';
const path = (...segments: string[]) => `/${segments.map(encodeURIComponent).join('/')}/`;

const picture = (format: 'jpeg' | 'png', r: number, width = 64) =>
  sharp({ create: { width, height: 48, channels: 3, background: { r, g: 90, b: 140 } } })
    .toFormat(format)
    .toBuffer();

let server: Server;
let base = '';
let slow = true;
const hits = new Map<string, number>();
const total = () => [...hits.values()].reduce((sum, n) => sum + n, 0);
const served = new Map<string, Buffer>();

/** An attachment or a post of the export, as WordPress writes one. */
function item(fields: {
  id: number;
  type: 'post' | 'attachment';
  title: string;
  slug: string;
  content?: string;
  creator?: string;
  parent?: number;
  order?: number;
  url?: string;
  caption?: string;
  meta?: Record<string, string>;
}): string {
  const meta = Object.entries(fields.meta ?? {})
    .map(
      ([key, value]) =>
        `<wp:postmeta><wp:meta_key><![CDATA[${key}]]></wp:meta_key><wp:meta_value><![CDATA[${value}]]></wp:meta_value></wp:postmeta>`,
    )
    .join('');
  return `
	<item>
		<title><![CDATA[${fields.title}]]></title>
		<link>${base}/2024/05/${encodeURIComponent(fields.slug).toLowerCase()}/</link>
		<dc:creator><![CDATA[${fields.creator ?? 'layla'}]]></dc:creator>
		<guid isPermaLink="false">${base}/?p=${fields.id}</guid>
		<content:encoded><![CDATA[${fields.content ?? ''}]]></content:encoded>
		<excerpt:encoded><![CDATA[${fields.caption ?? ''}]]></excerpt:encoded>
		<wp:post_id>${fields.id}</wp:post_id>
		<wp:post_date><![CDATA[2024-05-09 11:00:00]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[2024-05-09 08:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[${encodeURIComponent(fields.slug).toLowerCase()}]]></wp:post_name>
		<wp:status><![CDATA[${fields.type === 'attachment' ? 'inherit' : 'publish'}]]></wp:status>
		<wp:post_parent>${fields.parent ?? 0}</wp:post_parent>
		<wp:menu_order>${fields.order ?? 0}</wp:menu_order>
		<wp:post_type><![CDATA[${fields.type}]]></wp:post_type>
		<wp:post_password><![CDATA[]]></wp:post_password>
		<wp:is_sticky>0</wp:is_sticky>${fields.url ? `\n\t\t<wp:attachment_url><![CDATA[${fields.url}]]></wp:attachment_url>` : ''}
		<category domain="category" nicename="news"><![CDATA[أخبار]]></category>${meta}
	</item>`;
}

const uploadsUrl = (file: string) => `${base}/wp-content/uploads/2024/05/${file}`;

function exportXml(): string {
  const port = (server.address() as AddressInfo).port;
  const img = (src: string, alt: string) => `<img src="${src}" alt="${alt}" />`;
  const attachment = (id: number, file: string, parent: number, order: number, caption: string) =>
    item({
      id,
      type: 'attachment',
      title: file,
      slug: file.replace(/\.\w+$/, ''),
      parent,
      order,
      url: uploadsUrl(file),
      caption,
      meta: { _wp_attached_file: `2024/05/${file}`, _wp_attachment_image_alt: `صورة ${file}` },
    });
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>أخبار الميناء</title>
	<link>${base}</link>
	<language>ar</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${base}</wp:base_site_url>
	<wp:base_blog_url>${base}</wp:base_blog_url>
	<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[layla]]></wp:author_login><wp:author_email><![CDATA[layla@akhbar.example]]></wp:author_email><wp:author_display_name><![CDATA[ليلى حداد]]></wp:author_display_name><wp:author_first_name><![CDATA[ليلى]]></wp:author_first_name><wp:author_last_name><![CDATA[حداد]]></wp:author_last_name><wp:author_description><![CDATA[مراسلة الميناء منذ 2015، تكتب عن <em>الاقتصاد</em> والنقل.]]></wp:author_description></wp:author>
	<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[omar]]></wp:author_login><wp:author_email><![CDATA[omar@akhbar.example]]></wp:author_email><wp:author_display_name><![CDATA[omar]]></wp:author_display_name><wp:author_first_name><![CDATA[عمر]]></wp:author_first_name><wp:author_last_name><![CDATA[الخطيب]]></wp:author_last_name></wp:author>
	<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename><![CDATA[news]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[أخبار]]></wp:cat_name></wp:category>
${attachment(100, 'cover.jpg', 1, 0, 'الرصيف عند الفجر')}
${item({
  id: 1,
  type: 'post',
  title: 'الميناء يستقبل أول سفينة',
  slug: 'أول-سفينة',
  meta: { _thumbnail_id: '100' },
  content: [
    'وصلت السفينة صباح اليوم.',
    img(uploadsUrl('crane.png'), 'الرافعة'),
    img(uploadsUrl('missing.jpg'), 'مفقودة'),
    img(uploadsUrl('slow.jpg'), 'بطيئة'),
    img(uploadsUrl('error.jpg'), 'صفحة خطأ'),
    img(`http://localhost:${port}/wp-content/uploads/2024/05/inside.jpg`, 'داخلية'),
    img(uploadsUrl('local.jpg'), 'محلية'),
  ].join('\n\n'),
})}
${attachment(101, 'g1.jpg', 2, 2, 'السوق القديم')}
${attachment(102, 'g2.jpg', 2, 1, '')}
${attachment(103, 'g3.jpg', 2, 3, 'المنارة')}
${item({
  id: 2,
  type: 'post',
  creator: 'omar',
  title: 'صور من المدينة',
  slug: 'صور-المدينة',
  content: 'جولة في المدينة القديمة.\n\n[gallery columns="3"]\n\nوفي المساء عاد الصيادون.',
})}
${item({
  id: 3,
  type: 'post',
  title: 'الميناء بالصور',
  slug: 'الميناء-بالصور',
  content: `<!-- wp:paragraph -->\n<p>من أرشيف المصورين.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:gallery {"columns":2,"linkTo":"none"} -->\n<figure class="wp-block-gallery has-nested-images columns-2 is-cropped"><!-- wp:image {"id":101} -->\n<figure class="wp-block-image size-large"><img src="${uploadsUrl('g1.jpg')}" alt="السوق" class="wp-image-101"/><figcaption class="wp-element-caption">السوق عند الظهر</figcaption></figure>\n<!-- /wp:image -->\n\n<!-- wp:image {"id":103} -->\n<figure class="wp-block-image size-large"><img src="${uploadsUrl('g3.jpg')}" alt="المنارة" class="wp-image-103"/></figure>\n<!-- /wp:image --><figcaption class="blocks-gallery-caption wp-element-caption">الميناء في يوم واحد</figcaption></figure>\n<!-- /wp:gallery -->`,
})}
</channel>
</rss>
`;
}

const site = (name: string) => join(root, name);
const cacheDir = join(root, 'cache');
const exportFile = join(root, 'export.xml');
const uploads = join(root, 'uploads');
const fetching = { cacheDir, timeoutMs: 500, retries: 1 };

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  await mkdir(join(uploads, '2024/05'), { recursive: true });
  await writeFile(join(uploads, '2024/05/local.jpg'), await picture('jpeg', 250));
  served.set('cover.jpg', await picture('jpeg', 20, 1200));
  served.set('crane.png', await picture('png', 60));
  served.set('local.jpg', await picture('jpeg', 70));
  for (const [n, file] of ['g1.jpg', 'g2.jpg', 'g3.jpg'].entries())
    served.set(file, await picture('jpeg', 100 + n * 40, 320));
  server = createServer((request, response) => {
    const url = request.url ?? '';
    const count = (hits.get(url) ?? 0) + 1;
    hits.set(url, count);
    const file = url.replace('/wp-content/uploads/2024/05/', '');
    const body = served.get(file);
    if (file === 'crane.png' && count === 1) response.writeHead(500).end();
    else if (file === 'slow.jpg')
      setTimeout(() => response.writeHead(200).end(served.get('local.jpg')), slow ? 2000 : 0).unref();
    else if (file === 'error.jpg')
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>خطأ في الخادم</body></html>');
    else if (body) response.writeHead(200, { 'content-type': 'image/jpeg' }).end(body);
    else response.writeHead(404).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await writeFile(exportFile, exportXml());
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
});

describe('without --fetch-media', () => {
  it('reaches no server at all, and says which pictures stories lack and why', async () => {
    const report = await importWordPress({
      input: exportFile,
      out: site('offline'),
      uploads,
      now: NOW,
      commentsSecret: SECRET,
    });
    expect(total()).toBe(0);
    expect(report.fetchedMedia).toBeUndefined();
    expect(report.counts.images).toBe(1);
    expect(report.missingMedia).toContainEqual(
      expect.objectContaining({ id: '1', file: '2024/05/missing.jpg', reason: 'not in the uploads folder' }),
    );
  });
});

describe('with --fetch-media', () => {
  const dist = join(site('fetched'), 'dist');
  let report: ImportReport;
  const progress: string[] = [];

  beforeAll(async () => {
    report = await importWordPress({
      input: exportFile,
      out: site('fetched'),
      uploads,
      fetchMedia: fetching,
      now: NOW,
      commentsSecret: SECRET,
      progress: (done, all, unit) => progress.push(`${done}/${all} ${unit ?? 'items'}`),
    });
    await buildOrThrow(site('fetched'));
  });

  it('downloads what the uploads folder lacks, once each, and retries a server error', () => {
    expect(report.fetchedMedia).toMatchObject({ downloaded: 5, cached: 0, failed: 4 });
    // The picture in --uploads was not asked for; the one that failed with a 500 was, twice.
    expect(hits.get('/wp-content/uploads/2024/05/local.jpg')).toBeUndefined();
    expect(hits.get('/wp-content/uploads/2024/05/crane.png')).toBe(2);
    expect(hits.get('/wp-content/uploads/2024/05/cover.jpg')).toBe(1);
    expect(hits.get('/wp-content/uploads/2024/05/inside.jpg')).toBeUndefined();
    expect(progress).toContain('9/9 pictures');
    for (const file of ['cover.jpg', 'crane.png', 'local.jpg', 'g1.jpg', 'g2.jpg', 'g3.jpg'])
      expect(existsSync(join(site('fetched'), 'src/assets/wp/2024/05', file)), file).toBe(true);
    expect(existsSync(join(site('fetched'), 'src/assets/wp/2024/05/error.jpg'))).toBe(false);
  });

  it('reports each failure with the story, the file and the reason, and imports the story without it', async () => {
    const failure = (file: string) =>
      report.missingMedia.find((entry) => entry.file === `2024/05/${file}`)?.reason ?? 'not reported';
    expect(failure('missing.jpg')).toBe('could not be downloaded: the server answered HTTP 404');
    expect(failure('slow.jpg')).toBe('could not be downloaded: timed out after 0.5 s (tried 2 times)');
    expect(failure('error.jpg')).toContain('web page');
    expect(failure('inside.jpg')).toMatch(/refused: localhost is at a private or local address/);
    expect(report.missingMedia.every((entry) => entry.id === '1')).toBe(true);
    const written = JSON.parse(
      await readFile(join(site('fetched'), 'import-report.json'), 'utf8'),
    ) as ImportReport;
    expect(written.missingMedia).toEqual(report.missingMedia);
    const { document } = await loadPage(path('news', 'أول-سفينة'), dist);
    expect(document.querySelector('h1')?.textContent).toBe('الميناء يستقبل أول سفينة');
    // The lead picture and the fetched inline picture are the site's own, optimised files.
    expect(document.querySelector('.khabar-figure img')?.getAttribute('src')).toMatch(/^\/_astro\//);
    expect(document.querySelector('.khabar-prose img[alt="الرافعة"]')?.getAttribute('src')).toMatch(
      /^\/_astro\//,
    );
    expect(document.querySelector('.khabar-prose img[alt="صفحة خطأ"]')?.getAttribute('src')).toBe(
      uploadsUrl('error.jpg'),
    );
  });

  it("renders a [gallery] of the post's own pictures as a gallery, in WordPress's order, with captions", async () => {
    const { document } = await loadPage(path('news', 'صور-المدينة'), dist);
    const gallery = document.querySelector('.khabar-prose figure.khabar-gallery');
    expect(gallery?.getAttribute('data-columns')).toBe('3');
    const items = [...(gallery?.querySelectorAll('ul.khabar-gallery__grid > li.khabar-gallery__item') ?? [])];
    expect(items.map((li) => li.querySelector('img')?.getAttribute('alt'))).toEqual([
      'صورة g2.jpg',
      'صورة g1.jpg',
      'صورة g3.jpg',
    ]);
    expect(items.every((li) => /^\/_astro\//.test(li.querySelector('img')?.getAttribute('src') ?? ''))).toBe(
      true,
    );
    expect(items.map((li) => li.querySelector('figcaption')?.textContent ?? '')).toEqual([
      '',
      'السوق القديم',
      'المنارة',
    ]);
    // The text around it is kept, in order.
    const text = document.querySelector('.khabar-prose')?.textContent ?? '';
    expect(text.indexOf('جولة في المدينة')).toBeLessThan(text.indexOf('وفي المساء'));
  });

  it("renders the block editor's gallery as a gallery with its own caption", async () => {
    const { document } = await loadPage(path('news', 'الميناء-بالصور'), dist);
    const gallery = document.querySelector('.khabar-prose figure.khabar-gallery');
    expect(gallery?.querySelectorAll('li.khabar-gallery__item img')).toHaveLength(2);
    expect(gallery?.querySelector(':scope > figcaption')?.textContent).toBe('الميناء في يوم واحد');
  });

  it("gives authors their display name and the export's biography, and writes no e-mail address", async () => {
    const author = async (id: string) =>
      JSON.parse(await readFile(join(site('fetched'), `src/content/authors/${id}.json`), 'utf8')) as {
        name: string;
        bio?: string;
      };
    const layla = await author('layla');
    expect(layla).toEqual({ name: 'ليلى حداد', bio: 'مراسلة الميناء منذ 2015، تكتب عن الاقتصاد والنقل.' });
    expect(await author('omar')).toEqual({ name: 'عمر الخطيب' });
    const { document } = await loadPage(path('authors', 'layla'), dist);
    expect(document.querySelector('.khabar-author .khabar-page-lead')?.textContent).toBe(layla.bio);
    const files = await readdir(join(site('fetched'), 'src/content'), { recursive: true });
    for (const file of files.filter((name) => /\.(md|json)$/.test(name)))
      expect(await readFile(join(site('fetched'), 'src/content', file), 'utf8'), file).not.toContain(
        '@akhbar.example',
      );
  });
});

describe('a second run, from the command line', () => {
  it('takes what it downloaded from the cache and tries again what failed', async () => {
    slow = false;
    const before = new Map(hits);
    const result = await runWordPressCli([
      'import',
      exportFile,
      '--out',
      site('again'),
      '--uploads',
      uploads,
      '--fetch-media',
      '--media-cache',
      cacheDir,
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Pictures fetched: 1 downloaded, 5 from the cache \(.*\), 3 failed\./);
    for (const file of ['cover.jpg', 'crane.png', 'g1.jpg'])
      expect(hits.get(`/wp-content/uploads/2024/05/${file}`), file).toBe(
        before.get(`/wp-content/uploads/2024/05/${file}`),
      );
    expect(hits.get('/wp-content/uploads/2024/05/missing.jpg')).toBe(
      (before.get('/wp-content/uploads/2024/05/missing.jpg') ?? 0) + 1,
    );
    expect(existsSync(join(site('again'), 'src/assets/wp/2024/05/slow.jpg'))).toBe(true);
  });

  it('merges --into the site it made with the pictures from the cache, and changes none of them', async () => {
    const before = total();
    const report = await importWordPress({
      input: exportFile,
      into: site('again'),
      uploads,
      fetchMedia: fetching,
      now: NOW,
      commentsSecret: SECRET,
    });
    expect(report.fetchedMedia).toMatchObject({ downloaded: 0, cached: 6, failed: 3 });
    // Only the 404 and the error page were asked for again: the refused address is refused without one.
    expect(total() - before).toBe(2);
    expect(report.merge?.changes.filter((change) => change.path.startsWith('src/assets/'))).toEqual([]);
    expect(existsSync(join(site('again'), 'src/assets/wp/2024/05/cover.jpg'))).toBe(true);
  });

  it('refuses --media-cache without --fetch-media', async () => {
    const result = await runWordPressCli([
      'import',
      exportFile,
      '--out',
      site('never'),
      '--media-cache',
      cacheDir,
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--media-cache goes with --fetch-media');
  });
});
