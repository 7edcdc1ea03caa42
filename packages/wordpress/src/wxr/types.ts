/** What a WordPress eXtended RSS export holds, as plain data: strings exactly as the export wrote them. */

/** The channel's facts about the site, known before the first item. */
export interface WxrSite {
  title: string;
  link: string;
  /** `wp:base_site_url`: the WordPress install's address. */
  baseSiteUrl: string;
  /** `wp:base_blog_url`: the blog's address (the same on most sites). */
  baseBlogUrl: string;
  language: string;
  /** `1.0`, `1.1` or `1.2`. */
  wxrVersion: string;
}

export interface WxrAuthor {
  id: string;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
  /**
   * `wp:author_description`: the author's biography. WordPress core's exporter does not write it (its
   * `<wp:author>` has login, e-mail, display, first and last name only); some export plugins add it.
   */
  description: string;
}

export interface WxrCategory {
  termId: string;
  /** The slug, as WordPress stores it: Arabic in lower-case percent-encoding. */
  nicename: string;
  /** The parent's slug, or ''. */
  parent: string;
  name: string;
  description: string;
}

export interface WxrTag {
  termId: string;
  slug: string;
  name: string;
}

/** A term an item is filed under (`<category domain="category" nicename="…">name</category>`). */
export interface WxrItemTerm {
  domain: string;
  nicename: string;
  name: string;
}

export interface WxrComment {
  id: string;
  author: string;
  authorEmail: string;
  authorUrl: string;
  authorIp: string;
  date: string;
  dateGmt: string;
  content: string;
  /** `1` approved, `0` pending, `spam`, `trash` (and `post-trashed`). */
  approved: string;
  /** `''`/`comment`, `pingback`, `trackback`, or a plugin's type. */
  type: string;
  /** The id of the comment this one answers, or `0`. */
  parent: string;
  userId: string;
}

export interface WxrItem {
  title: string;
  link: string;
  guid: string;
  creator: string;
  content: string;
  excerpt: string;
  postId: string;
  postDate: string;
  postDateGmt: string;
  postModified: string;
  postModifiedGmt: string;
  commentStatus: string;
  postName: string;
  status: string;
  postParent: string;
  /** `wp:menu_order`: an attachment's place in its post's `[gallery]`. */
  menuOrder: string;
  postType: string;
  postPassword: string;
  isSticky: string;
  attachmentUrl: string;
  terms: WxrItemTerm[];
  meta: Record<string, string>;
  comments: WxrComment[];
}

export type WxrEvent =
  | { type: 'site'; site: WxrSite }
  | { type: 'author'; author: WxrAuthor }
  | { type: 'category'; category: WxrCategory }
  | { type: 'tag'; tag: WxrTag }
  | { type: 'item'; item: WxrItem };
