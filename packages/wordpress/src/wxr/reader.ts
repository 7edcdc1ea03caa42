/**
 * A streaming WXR reader. The export is read chunk by chunk with `saxes` (a SAX parser: no tree), and
 * each `<item>` is handed on as soon as it closes, so memory is bounded by the largest single item, not
 * by the export: a 2 GB archive reads like a 2 MB one.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { WxrAuthor, WxrCategory, WxrComment, WxrEvent, WxrItem, WxrSite, WxrTag } from './types.ts';

/** Why an export could not be read. `truncated` and `malformed` say how far the reader got. */
export type WxrErrorCode = 'not-xml' | 'not-wxr' | 'truncated' | 'malformed';

export class WxrError extends Error {
  readonly code: WxrErrorCode;
  /** Items read completely before the problem. */
  readonly itemsRead: number;
  /** The line of the export where the reader stopped (1-based). */
  readonly line: number;
  /** The last item read completely, to say where to look. */
  readonly lastItem: { postId: string; title: string } | undefined;

  constructor(
    code: WxrErrorCode,
    message: string,
    where: { itemsRead: number; line: number; lastItem?: { postId: string; title: string } | undefined },
  ) {
    super(message);
    this.name = 'WxrError';
    this.code = code;
    this.itemsRead = where.itemsRead;
    this.line = where.line;
    this.lastItem = where.lastItem;
  }
}

/**
 * A copy of a string that shares no memory with the chunk it was cut from. V8 keeps a substring as a
 * view of its parent: a post's 60-byte link kept for the redirects would keep the whole 256 kB chunk of
 * the export alive, and memory would grow with the export instead of staying flat. The bodies (a post's
 * `content:encoded`, a comment's text) are not copied: they are converted and let go, and copying them
 * was a tenth of the import's time.
 */
function ownCopy(value: string): string {
  return value.length === 0 ? '' : Buffer.from(value, 'utf8').toString('utf8');
}

/** WordPress's export namespace, in every version (1.0–1.2) and scheme it has been written with. */
const WP_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/(1\.[0-2])\/$/;

/** Short names for the namespaces WXR uses, so the reader matches `wp:post_id` whatever the prefix. */
function prefixOf(uri: string): string {
  if (WP_NAMESPACE.test(uri)) return 'wp';
  if (uri === 'http://purl.org/rss/1.0/modules/content/') return 'content';
  if (/^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/excerpt\/$/.test(uri)) return 'excerpt';
  if (uri === 'http://purl.org/dc/elements/1.1/') return 'dc';
  if (uri === '') return '';
  return uri;
}

function nameOf(tag: SaxesTagNS): string {
  const prefix = prefixOf(tag.uri);
  return prefix ? `${prefix}:${tag.local}` : tag.local;
}

const emptyItem = (): WxrItem => ({
  title: '',
  link: '',
  guid: '',
  creator: '',
  content: '',
  excerpt: '',
  postId: '',
  postDate: '',
  postDateGmt: '',
  postModified: '',
  postModifiedGmt: '',
  commentStatus: '',
  postName: '',
  status: '',
  postParent: '',
  menuOrder: '',
  postType: '',
  postPassword: '',
  isSticky: '',
  attachmentUrl: '',
  terms: [],
  meta: {},
  comments: [],
});

const emptyComment = (): WxrComment => ({
  id: '',
  author: '',
  authorEmail: '',
  authorUrl: '',
  authorIp: '',
  date: '',
  dateGmt: '',
  content: '',
  approved: '',
  type: '',
  parent: '',
  userId: '',
});

/** Elements whose text is a body: the bulk of the export, read only when asked for. */
const BODIES = new Set(['content:encoded', 'wp:comment_content']);

const ITEM_FIELDS: Readonly<Record<string, keyof WxrItem>> = {
  title: 'title',
  link: 'link',
  guid: 'guid',
  'dc:creator': 'creator',
  'content:encoded': 'content',
  'excerpt:encoded': 'excerpt',
  'wp:post_id': 'postId',
  'wp:post_date': 'postDate',
  'wp:post_date_gmt': 'postDateGmt',
  'wp:post_modified': 'postModified',
  'wp:post_modified_gmt': 'postModifiedGmt',
  'wp:comment_status': 'commentStatus',
  'wp:post_name': 'postName',
  'wp:status': 'status',
  'wp:post_parent': 'postParent',
  'wp:menu_order': 'menuOrder',
  'wp:post_type': 'postType',
  'wp:post_password': 'postPassword',
  'wp:is_sticky': 'isSticky',
  'wp:attachment_url': 'attachmentUrl',
};

const COMMENT_FIELDS: Readonly<Record<string, keyof WxrComment>> = {
  'wp:comment_id': 'id',
  'wp:comment_author': 'author',
  'wp:comment_author_email': 'authorEmail',
  'wp:comment_author_url': 'authorUrl',
  'wp:comment_author_IP': 'authorIp',
  'wp:comment_date': 'date',
  'wp:comment_date_gmt': 'dateGmt',
  'wp:comment_content': 'content',
  'wp:comment_approved': 'approved',
  'wp:comment_type': 'type',
  'wp:comment_parent': 'parent',
  'wp:comment_user_id': 'userId',
};

const AUTHOR_FIELDS: Readonly<Record<string, keyof WxrAuthor>> = {
  'wp:author_id': 'id',
  'wp:author_login': 'login',
  'wp:author_email': 'email',
  'wp:author_display_name': 'displayName',
  'wp:author_first_name': 'firstName',
  'wp:author_last_name': 'lastName',
  'wp:author_description': 'description',
};

const CATEGORY_FIELDS: Readonly<Record<string, keyof WxrCategory>> = {
  'wp:term_id': 'termId',
  'wp:category_nicename': 'nicename',
  'wp:category_parent': 'parent',
  'wp:cat_name': 'name',
  'wp:category_description': 'description',
};

const TAG_FIELDS: Readonly<Record<string, keyof WxrTag>> = {
  'wp:term_id': 'termId',
  'wp:tag_slug': 'slug',
  'wp:tag_name': 'name',
};

/**
 * Reads a WXR export as a stream of events: the site (once, before the first item), then authors,
 * categories and tags, then items. Throws a `WxrError` for input that is not XML, not a WordPress
 * export, truncated or malformed, saying how far it got.
 */
export interface ReadOptions {
  /**
   * False: the bodies (`content:encoded`, `wp:comment_content`) are read as empty strings, so a pass
   * that needs only the small facts builds no strings from most of the export. Default true.
   */
  bodies?: boolean;
}

export async function* readWxr(
  source: AsyncIterable<string | Uint8Array>,
  { bodies = true }: ReadOptions = {},
): AsyncGenerator<WxrEvent> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const queue: WxrEvent[] = [];
  const stack: string[] = [];
  let text = '';
  /** Inside a body that is not read (`bodies: false`): its text is not gathered. */
  let skipping = false;
  let failure: Error | undefined;
  let sawRoot = false as boolean;
  let itemsRead = 0;
  let lastItem: { postId: string; title: string } | undefined;
  const site: WxrSite = {
    title: '',
    link: '',
    baseSiteUrl: '',
    baseBlogUrl: '',
    language: '',
    wxrVersion: '',
  };
  let siteSent = false as boolean;
  let item: WxrItem | undefined;
  let comment: WxrComment | undefined;
  let author: WxrAuthor | undefined;
  let category: WxrCategory | undefined;
  let tag: WxrTag | undefined;
  let metaKey = '';
  let termAttributes = { domain: '', nicename: '' };

  const where = () => ({ itemsRead, line: parser.line, lastItem });
  const sendSite = () => {
    if (siteSent) return;
    if (!site.wxrVersion) {
      throw new WxrError(
        'not-wxr',
        'This RSS file is not a WordPress export: it has no <wp:wxr_version>. Export with Tools → Export (or `wp export`) and pass that file.',
        where(),
      );
    }
    siteSent = true;
    queue.push({ type: 'site', site: { ...site } });
  };

  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag_) => {
    const name = nameOf(tag_);
    if (!sawRoot) {
      sawRoot = true;
      if (name !== 'rss') {
        failure = new WxrError(
          'not-wxr',
          `This XML file is not a WordPress export: its root element is <${tag_.name}>, not <rss>.`,
          where(),
        );
      }
    }
    const parent = stack.at(-1);
    stack.push(name);
    text = '';
    skipping = !bodies && BODIES.has(name);
    if (name === 'item' && parent === 'channel') {
      sendSite();
      item = emptyItem();
    } else if (name === 'wp:comment' && item) comment = emptyComment();
    else if (name === 'wp:author' && parent === 'channel')
      author = {
        id: '',
        login: '',
        email: '',
        displayName: '',
        firstName: '',
        lastName: '',
        description: '',
      };
    else if (name === 'wp:category' && parent === 'channel')
      category = { termId: '', nicename: '', parent: '', name: '', description: '' };
    else if (name === 'wp:tag' && parent === 'channel') tag = { termId: '', slug: '', name: '' };
    else if (name === 'category' && parent === 'item') {
      const attribute = (local: string) => {
        const value = tag_.attributes[local];
        return typeof value === 'string' ? value : (value?.value ?? '');
      };
      termAttributes = { domain: attribute('domain'), nicename: attribute('nicename') };
    }
  });
  parser.on('text', (chunk) => {
    if (!skipping) text += chunk;
  });
  parser.on('cdata', (chunk) => {
    if (!skipping) text += chunk;
  });
  parser.on('closetag', () => {
    const name = stack.pop() ?? '';
    const parent = stack.at(-1);
    const value = BODIES.has(name) ? text : ownCopy(text);
    text = '';
    skipping = false;
    if (parent === 'channel' && !item) {
      if (name === 'title') site.title = value;
      else if (name === 'link') site.link = value;
      else if (name === 'language') site.language = value;
      else if (name === 'wp:base_site_url') site.baseSiteUrl = value;
      else if (name === 'wp:base_blog_url') site.baseBlogUrl = value;
      else if (name === 'wp:wxr_version') {
        if (!/^1\.[0-2]$/.test(value.trim())) {
          failure ??= new WxrError(
            'not-wxr',
            `This export is WXR version ${value.trim()}; khabar-wordpress reads versions 1.0 to 1.2.`,
            where(),
          );
        }
        site.wxrVersion = value.trim();
      }
    }
    if (comment && parent === 'wp:comment') {
      const field = COMMENT_FIELDS[name];
      if (field) comment[field] = value;
    } else if (name === 'wp:comment' && comment && item) {
      item.comments.push(comment);
      comment = undefined;
    } else if (item && parent === 'wp:postmeta') {
      if (name === 'wp:meta_key') metaKey = value;
      else if (name === 'wp:meta_value' && metaKey) item.meta[metaKey] = value;
    } else if (item && parent === 'item') {
      if (name === 'category') item.terms.push({ ...termAttributes, name: value });
      else {
        const field = ITEM_FIELDS[name];
        if (field) (item as unknown as Record<string, string>)[field] = value;
      }
    } else if (name === 'item' && item) {
      queue.push({ type: 'item', item });
      itemsRead++;
      lastItem = { postId: item.postId, title: item.title };
      item = undefined;
    } else if (author && parent === 'wp:author') {
      const field = AUTHOR_FIELDS[name];
      if (field) author[field] = value;
    } else if (name === 'wp:author' && author) {
      queue.push({ type: 'author', author });
      author = undefined;
    } else if (category && parent === 'wp:category') {
      const field = CATEGORY_FIELDS[name];
      if (field) category[field] = value;
    } else if (name === 'wp:category' && category) {
      queue.push({ type: 'category', category });
      category = undefined;
    } else if (tag && parent === 'wp:tag') {
      const field = TAG_FIELDS[name];
      if (field) tag[field] = value;
    } else if (name === 'wp:tag' && tag) {
      queue.push({ type: 'tag', tag });
      tag = undefined;
    } else if (name === 'channel') sendSite();
  });

  const check = (atEnd: boolean) => {
    if (!failure) return;
    if (failure instanceof WxrError) throw failure;
    const reason = failure.message.replace(/^[^:]*:\d+:\d+: /, '');
    if (!sawRoot) {
      throw new WxrError(
        'not-xml',
        `This file is not XML (${reason}): pass the .xml file WordPress exported.`,
        where(),
      );
    }
    const got = `${itemsRead} item${itemsRead === 1 ? '' : 's'} read${lastItem ? `, the last one "${lastItem.title}" (id ${lastItem.postId})` : ''}`;
    if (atEnd) {
      throw new WxrError(
        'truncated',
        `The export ends before it is complete (${reason}) at line ${parser.line}: ${got}. Export it again, or check that the copy finished.`,
        where(),
      );
    }
    throw new WxrError(
      'malformed',
      `The export is not well-formed XML at line ${parser.line} (${reason}): ${got}.`,
      where(),
    );
  };

  for await (const chunk of source) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    check(false);
    yield* queue.splice(0);
  }
  const rest = decoder.decode();
  if (rest) parser.write(rest);
  if (!sawRoot) {
    failure ??= new Error('the file is empty');
  }
  parser.close();
  check(true);
  yield* queue.splice(0);
  if (!siteSent) sendSite();
  yield* queue.splice(0);
}
