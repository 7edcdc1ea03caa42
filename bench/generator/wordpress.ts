/**
 * The generated newsroom as a WordPress export (WXR 1.2, the form WordPress 6's Tools → Export writes),
 * for `pnpm bench:import`: each article a classic-editor post (raw paragraphs separated by blank lines,
 * headings, lists and quotes as HTML), Arabic categories and tags with WordPress's lower-case
 * percent-encoded slugs, authors, a featured picture for the illustrated ones (an attachment item), and
 * comments — threaded, mostly approved, some pending and spam — on a share of the posts. Written as a
 * stream; the same options always give the same bytes.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Newsroom, NewsroomArticle } from './index.ts';
import { prng } from './random.ts';

export interface ExportOptions {
  /** The WordPress site's address. */
  site?: string;
  /** Share of posts with comments, 0–1. */
  commentedShare?: number;
  /** Most comments on one post. */
  maxComments?: number;
  seed?: number;
}

export interface ExportCounts {
  posts: number;
  attachments: number;
  comments: number;
  bytes: number;
}

const NAMES = ['سارة', 'عمر', 'ليلى', 'خالد', 'نور', 'يوسف', 'مريم', 'أحمد', 'هدى', 'سامر'];
const REPLIES = [
  'شكراً على التغطية الدقيقة.',
  'أوافقك الرأي، لكن التفاصيل ما زالت غامضة.',
  'هل من موعد محدد لبدء التنفيذ؟',
  'تغطية ممتازة كالعادة، نتابعكم منذ سنوات.',
  'أتمنى أن تنشروا الأرقام كاملة في تقرير لاحق.',
  'هذا ما كنا ننتظره منذ زمن.',
];

/** WordPress's slug of an Arabic name: spaces to hyphens, percent-encoded in lower case. */
const nicename = (name: string) =>
  encodeURIComponent(name.trim().replace(/\s+/g, '-')).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());

/** CDATA that survives a `]]>` in the text. */
const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/** `2016-12-01 14:20:00` at an instant, in the given offset and in UTC, and the RSS date. */
function wpDates(instant: number, offsetMinutes: number): { local: string; gmt: string; rfc: string } {
  const format = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  return {
    local: format(instant + offsetMinutes * 60_000),
    gmt: format(instant),
    rfc: new Date(instant).toUTCString().replace('GMT', '+0000'),
  };
}

/** The offset of an ISO 8601 date (`+03:00`), in minutes. */
function offsetOf(iso: string): number {
  const match = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The article's Markdown as the classic editor stores it: raw paragraphs, HTML for the rest. */
export function classicEditorText(markdown: string): string {
  return markdown
    .trim()
    .split(/\n{2,}/)
    .map((block) => {
      if (block.startsWith('## ')) return `<h2>${block.slice(3)}</h2>`;
      if (block.startsWith('> ')) return `<blockquote>${block.slice(2)}</blockquote>`;
      if (block.startsWith('- '))
        return `<ul>\n${block
          .split('\n')
          .map((line) => `\t<li>${line.slice(2)}</li>`)
          .join('\n')}\n</ul>`;
      return block;
    })
    .join('\n\n');
}

/** Writes the newsroom as one WXR file. */
export async function writeWordPressExport(
  file: string,
  newsroom: Newsroom,
  options: ExportOptions = {},
): Promise<ExportCounts> {
  const site = options.site ?? 'https://akhbar.example';
  const random = prng(options.seed ?? 7);
  const commentedShare = options.commentedShare ?? 0.4;
  const maxComments = options.maxComments ?? 6;
  const out = createWriteStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const counts: ExportCounts = { posts: 0, attachments: 0, comments: 0, bytes: 0 };
  const write = async (text: string) => {
    counts.bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };

  const sectionName = new Map(newsroom.sections.map((s) => [s.slug, s.name]));
  const logins = new Map(newsroom.authors.map((a, i) => [a.id, `writer${i + 1}`]));
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>خبر</title>
	<link>${site}</link>
	<description>أخبار المنطقة والعالم</description>
	<language>ar</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${site}</wp:base_site_url>
	<wp:base_blog_url>${site}</wp:base_blog_url>
`);
  for (const [i, author] of newsroom.authors.entries()) {
    const login = logins.get(author.id) ?? author.id;
    await write(
      `\t<wp:author><wp:author_id>${i + 1}</wp:author_id><wp:author_login>${cdata(login)}</wp:author_login><wp:author_email>${cdata(`${login}@akhbar.example`)}</wp:author_email><wp:author_display_name>${cdata(author.name)}</wp:author_display_name><wp:author_first_name>${cdata('')}</wp:author_first_name><wp:author_last_name>${cdata('')}</wp:author_last_name></wp:author>\n`,
    );
  }
  let term = 1;
  for (const section of newsroom.sections) {
    await write(
      `\t<wp:category><wp:term_id>${term++}</wp:term_id><wp:category_nicename>${cdata(nicename(section.name))}</wp:category_nicename><wp:category_parent>${cdata('')}</wp:category_parent><wp:cat_name>${cdata(section.name)}</wp:cat_name></wp:category>\n`,
    );
  }
  const tags = new Set(newsroom.articles.flatMap((a) => a.tags));
  for (const tag of tags) {
    await write(
      `\t<wp:tag><wp:term_id>${term++}</wp:term_id><wp:tag_slug>${cdata(nicename(tag))}</wp:tag_slug><wp:tag_name>${cdata(tag)}</wp:tag_name></wp:tag>\n`,
    );
  }

  // The pictures, as attachments: ids after every post's.
  const firstAttachment = newsroom.articles.length + 1;
  const attachmentId = new Map(newsroom.pictures.map((p, i) => [p.id, firstAttachment + i]));
  for (const picture of newsroom.pictures) {
    const id = attachmentId.get(picture.id) ?? 0;
    const url = `${site}/wp-content/uploads/2014/01/${picture.id}.jpg`;
    await write(`\t<item>
		<title>${cdata(picture.id)}</title>
		<link>${site}/?attachment_id=${id}</link>
		<dc:creator>${cdata('writer1')}</dc:creator>
		<guid isPermaLink="false">${url}</guid>
		<content:encoded>${cdata('')}</content:encoded>
		<excerpt:encoded>${cdata('رسم توضيحي: خبر')}</excerpt:encoded>
		<wp:post_id>${id}</wp:post_id>
		<wp:post_date>${cdata('2014-01-01 08:00:00')}</wp:post_date>
		<wp:post_date_gmt>${cdata('2014-01-01 05:00:00')}</wp:post_date_gmt>
		<wp:post_name>${cdata(picture.id)}</wp:post_name>
		<wp:status>${cdata('inherit')}</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:post_type>${cdata('attachment')}</wp:post_type>
		<wp:attachment_url>${cdata(url)}</wp:attachment_url>
		<wp:postmeta><wp:meta_key>${cdata('_wp_attached_file')}</wp:meta_key><wp:meta_value>${cdata(`2014/01/${picture.id}.jpg`)}</wp:meta_value></wp:postmeta>
	</item>
`);
    counts.attachments++;
  }

  let commentId = 1;
  // Oldest first, as WordPress exports.
  const articles = [...newsroom.articles].reverse();
  for (const [index, article] of articles.entries()) {
    const postId = index + 1;
    await write(postItem(article, postId));
    counts.posts++;
    if (random() < commentedShare) {
      const n = 1 + Math.floor(random() * maxComments);
      const ids: number[] = [];
      const published = new Date(article.published).getTime();
      for (let c = 0; c < n; c++) {
        const id = commentId++;
        const parent = ids.length > 0 && random() < 0.3 ? ids[Math.floor(random() * ids.length)] : 0;
        const roll = random();
        const approved = roll < 0.85 ? '1' : roll < 0.95 ? '0' : 'spam';
        const name = NAMES[Math.floor(random() * NAMES.length)] ?? 'قارئ';
        const when = wpDates(published + (c + 1) * 47 * 60_000, offsetOf(article.published));
        const body = REPLIES[Math.floor(random() * REPLIES.length)] ?? '';
        await write(`\t\t<wp:comment>
			<wp:comment_id>${id}</wp:comment_id>
			<wp:comment_author>${cdata(name)}</wp:comment_author>
			<wp:comment_author_email>${cdata(`reader${id % 997}@example.com`)}</wp:comment_author_email>
			<wp:comment_author_url></wp:comment_author_url>
			<wp:comment_author_IP>${cdata(`198.51.100.${id % 250}`)}</wp:comment_author_IP>
			<wp:comment_date>${cdata(when.local)}</wp:comment_date>
			<wp:comment_date_gmt>${cdata(when.gmt)}</wp:comment_date_gmt>
			<wp:comment_content>${cdata(body)}</wp:comment_content>
			<wp:comment_approved>${cdata(approved)}</wp:comment_approved>
			<wp:comment_type>${cdata('comment')}</wp:comment_type>
			<wp:comment_parent>${parent}</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
		</wp:comment>
`);
        ids.push(id);
        counts.comments++;
      }
    }
    await write('\t</item>\n');
  }
  await write('</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
  return counts;

  /** A post's item, open (its comments follow). */
  function postItem(article: NewsroomArticle, postId: number): string {
    const dates = wpDates(new Date(article.published).getTime(), offsetOf(article.published));
    const slug = nicename(article.slug);
    const [y, m, d] = article.published.slice(0, 10).split('-');
    const section = sectionName.get(article.section) ?? article.section;
    const picture = article.image ? attachmentId.get(article.image.picture) : undefined;
    return `\t<item>
		<title>${cdata(article.title)}</title>
		<link>${site}/${y}/${m}/${d}/${slug}/</link>
		<pubDate>${dates.rfc}</pubDate>
		<dc:creator>${cdata(logins.get(article.authors[0] ?? '') ?? 'writer1')}</dc:creator>
		<guid isPermaLink="false">${site}/?p=${postId}</guid>
		<description></description>
		<content:encoded>${cdata(classicEditorText(article.body))}</content:encoded>
		<excerpt:encoded>${cdata(article.deck ?? '')}</excerpt:encoded>
		<wp:post_id>${postId}</wp:post_id>
		<wp:post_date>${cdata(dates.local)}</wp:post_date>
		<wp:post_date_gmt>${cdata(dates.gmt)}</wp:post_date_gmt>
		<wp:post_modified>${cdata(dates.local)}</wp:post_modified>
		<wp:post_modified_gmt>${cdata(dates.gmt)}</wp:post_modified_gmt>
		<wp:comment_status>${cdata('open')}</wp:comment_status>
		<wp:ping_status>${cdata('open')}</wp:ping_status>
		<wp:post_name>${cdata(slug)}</wp:post_name>
		<wp:status>${cdata('publish')}</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>${cdata('post')}</wp:post_type>
		<wp:post_password>${cdata('')}</wp:post_password>
		<wp:is_sticky>0</wp:is_sticky>
		<category domain="category" nicename="${nicename(section)}">${cdata(section)}</category>
${article.tags.map((tag) => `\t\t<category domain="post_tag" nicename="${nicename(tag)}">${cdata(tag)}</category>\n`).join('')}${
      picture
        ? `\t\t<wp:postmeta><wp:meta_key>${cdata('_thumbnail_id')}</wp:meta_key><wp:meta_value>${cdata(String(picture))}</wp:meta_value></wp:postmeta>\n`
        : ''
    }`;
  }
}
