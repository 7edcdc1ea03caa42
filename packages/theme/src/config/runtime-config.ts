import { parseArticlePattern, type ParsedArticlePattern } from '../lib/urls.ts';
import type { CommentRules } from '../integrations/comments.ts';
import type { KhabarConfig } from './user-config.ts';

/** What components read from `virtual:khabar/config`: the validated options plus what Astro decided. */
export interface KhabarRuntimeConfig extends Omit<KhabarConfig, 'components' | 'strings' | 'now'> {
  /** The parsed article URL pattern. */
  articleRoute: ParsedArticlePattern;
  /**
   * The base path of the edition being rendered, always with a trailing slash: Astro's `base` for the
   * main edition, `<base><key>/` for another (`editionConfig`).
   */
  base: string;
  /** Astro's `base`, always with a trailing slash: where the site's own files are (search, cards…). */
  siteBase: string;
  /** The key of the edition being rendered: `undefined` for the main edition. */
  edition: string | undefined;
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
    siteBase: astro.base.endsWith('/') ? astro.base : `${astro.base}/`,
    edition: undefined,
    site: astro.site,
    logoFile: astro.logoFile,
    commentRules: astro.commentRules,
  };
}

/**
 * The config as an edition's pages read it: the main one with the edition's language, names, sections
 * and base path. The home page's section blocks are those of `home.sections` the edition has (all of
 * its sections, in its order, when the site lists none).
 * @example editionConfig(config, 'en').base // '/en/'
 */
export function editionConfig(main: KhabarRuntimeConfig, key: string): KhabarRuntimeConfig {
  const edition = main.editions[key];
  if (!edition) throw new Error(`khabar(): no edition "${key}" in the editions option`);
  const slugs = new Set(edition.sections.map((section) => section.slug));
  const { strings: _strings, ...own } = edition;
  return {
    ...main,
    ...own,
    tagline: edition.tagline,
    // Month names by region are an Arabic newsroom's choice: an edition's come from its locale.
    monthNames: 'locale',
    base: `${main.siteBase}${key}/`,
    edition: key,
    home: {
      ...main.home,
      sections: main.home.sections
        ? main.home.sections.filter((slug) => slugs.has(slug))
        : edition.sections.map((section) => section.slug),
    },
  };
}
