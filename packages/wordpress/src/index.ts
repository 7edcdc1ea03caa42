/** khabar-wordpress: a WordPress export → a Khabar site. The CLI is `khabar-wordpress import`. */
export {
  importWordPress,
  ImportError,
  type ImportOptions,
  type ImportReport,
  type ReportItem,
} from './import.ts';
export { readWxr, WxrError, type WxrErrorCode } from './wxr/reader.ts';
export type * from './wxr/types.ts';
export { mapPost, articleFile, skipReason, type ArticleFrontmatter, type PostResult } from './lib/article.ts';
export { convertContent } from './lib/content.ts';
export { autop } from './lib/autop.ts';
export { mapComment, stableCommentId } from './lib/comments.ts';
export { mapSections, mapAuthor } from './lib/taxonomy.ts';
export { astroRedirectsModule, nginxMap, redirectsFile, RedirectTable } from './lib/redirects.ts';
export { decodeSlug, normalizeSlug } from './lib/slug.ts';
export { formatReport } from './lib/report.ts';
