/**
 * khabar-comments: static comments for Astro news sites in Arabic.
 *
 * - `khabarComments(options)`: the Astro integration (default export); its `posts` module returns
 *   `commentPost(…)` for each article (the types: `PostsFunction`, `PostsContext`).
 * - `commentsLoader({ dir })`: the content loader for approved comments (also `khabar-comments/loader`).
 * - `createHandler(options)`: the receiver, `(Request) => Promise<Response>` (also `khabar-comments/handler`).
 * - Components: `khabar-comments/components/CommentSection.astro`, `CommentList.astro`, `CommentForm.astro`,
 *   `CommentCount.astro`.
 */
export {
  default,
  parseIntegrationOptions,
  POSTS_ROUTE,
  postsModuleSource,
  readBuiltPosts,
  VIRTUAL_CONFIG,
  VIRTUAL_POSTS,
  vitePluginKhabarComments,
} from './integration.ts';
export { commentsLoader, type CommentsLoaderOptions } from './loader.ts';
export {
  createHandler,
  type CommentsHandler,
  type HandlerContext,
  type HandlerOptions,
  type PostsSource,
} from './receiver/index.ts';
export {
  FileStore,
  MemoryStore,
  type CommentStore,
  type ListFilter,
  type SearchQuery,
  type SearchResult,
} from './store/index.ts';
export {
  buildManifest,
  ManifestPosts,
  MANIFEST_FILE,
  readManifest,
  uniquePosts,
  writeManifest,
} from './manifest.ts';
export { startNodeServer } from './adapters/node.ts';
export * from './lib/index.ts';
export {
  COMMENT_ID,
  PrivateCommentSchema,
  PublicCommentSchema,
  STATUSES,
  StatusSchema,
  type CommentStatus,
  type PrivateComment,
  type PublicComment,
  type StoredComment,
} from './store/comment.ts';
export {
  IntegrationOptionsSchema,
  LimitsSchema,
  ManifestSchema,
  PolicySchema,
  PostSchema,
  ReceiverOptionsSchema,
  type KhabarCommentsOptions,
  type KhabarCommentsUserOptions,
  type Limits,
  type Manifest,
  type Post,
  type PostsContext,
  type PostsFunction,
  type ReceiverOptions,
  type ReceiverUserOptions,
} from './config/options.ts';
