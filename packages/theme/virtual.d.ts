declare module 'virtual:khabar/config' {
  const config: import('./src/config/runtime-config.ts').KhabarRuntimeConfig;
  export default config;
}
declare module 'virtual:khabar/strings' {
  const strings: Record<import('./src/config/translations.ts').StringId, string>;
  export default strings;
  /** The UI strings of the site's other editions, by edition key. */
  export const editions: Record<string, Record<import('./src/config/translations.ts').StringId, string>>;
}
declare module 'virtual:khabar/components/*' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
declare module 'virtual:khabar/logo' {
  const logo: import('astro').ImageMetadata | undefined;
  export default logo;
}
declare module 'virtual:khabar/seo-build' {
  /** What the integration decided for feeds, sitemaps and social cards. */
  const build: import('./src/lib/seo/build.ts').SeoBuildInfo;
  export default build;
}
declare module 'virtual:khabar/user-css' {}
declare module 'virtual:khabar/clock' {
  /** The build's clock, an ISO instant, resolved once per build (`lib/clock.ts`). */
  const clock: string;
  export default clock;
  /** Whether the site pinned the clock (`now`): pages rendered on request then keep it too. */
  export const pinned: boolean;
}
declare module 'virtual:khabar/markdown' {
  /** The site's Markdown processor options, for stories rendered from their files (`runtime/story-body.ts`). */
  const markdown: import('./src/lib/markdown-options.ts').MarkdownOptions;
  export default markdown;
}
declare module 'virtual:khabar/embeds' {
  /**
   * The embeds' settings (`embeds` option): the folder posters are fetched into (only while the build
   * prerenders, when `embeds.posters` is on; else false), where the site serves them, and the bare-link rule.
   */
  const embeds: { posters: string | false; path: string; bareLinks: boolean };
  export default embeds;
}
declare module 'virtual:khabar/fonts.css' {}
declare module 'virtual:khabar/fonts' {
  /** The URLs of the font files to preload: the Arabic file of each role's family (`lib/fonts/stylesheet.ts`). */
  export const preloads: string[];
  /** The Latin files of the same faces, for the pages of an edition written in Latin letters. */
  export const latinPreloads: string[];
}
declare module 'virtual:khabar/cms' {
  /** The web editor's configuration, generated from the theme's options and schemas (`lib/cms/config.ts`). */
  const config: import('./src/lib/cms/config.ts').CmsConfig;
  export default config;
}
