declare module 'virtual:khabar-comments/config' {
  const config: import('./src/config/runtime-config.ts').CommentsRuntimeConfig;
  export default config;
}

declare module 'virtual:khabar-comments/posts' {
  /** The default export of the module named by the integration's `posts` option. */
  const posts: import('./src/config/options.ts').PostsFunction;
  export default posts;
}
