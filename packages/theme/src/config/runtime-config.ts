import { parseArticlePattern, type ParsedArticlePattern } from '../lib/urls.ts';
import type { CommentRules } from '../integrations/comments.ts';
import type { KhabarConfig } from './user-config.ts';

/** What components read from `virtual:khabar/config`: the validated options plus what Astro decided. */
export interface KhabarRuntimeConfig extends Omit<KhabarConfig, 'components' | 'strings' | 'now'> {
  /** The parsed article URL pattern. */
  articleRoute: ParsedArticlePattern;
  /** Astro's `base`, always with a trailing slash. */
  base: string;
  /** Astro's `site`, when set. */
  site: string | undefined;
  /** The logo's absolute file path, resolved from the project root. */
  logoFile: string | undefined;
  /** What of the comments' options an article page's `cacheKey` depends on, when comments are on. */
  commentRules: CommentRules | undefined;
}

/** Derives the runtime config from the validated options and Astro's own settings. */
export function toRuntimeConfig(
  config: KhabarConfig,
  astro: {
    base: string;
    site: string | undefined;
    logoFile: string | undefined;
    commentRules?: CommentRules | undefined;
  },
): KhabarRuntimeConfig {
  // The clock is not config: it is `virtual:khabar/clock`, so a new build time changes no config module.
  const { components: _components, strings: _strings, now: _now, ...rest } = config;
  return {
    ...rest,
    articleRoute: parseArticlePattern(config.routes.article),
    base: astro.base.endsWith('/') ? astro.base : `${astro.base}/`,
    site: astro.site,
    logoFile: astro.logoFile,
    commentRules: astro.commentRules,
  };
}
