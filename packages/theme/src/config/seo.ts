import { z } from 'astro/zod';

/** Defaults of the `seo` option, in one place (as `@astrojs/sitemap` keeps its own). */
export const SEO_DEFAULTS = {
  titleTemplate: '{title} | {site}',
  feeds: { items: 20, sections: true, authors: true, fullContent: true, fullContentLimit: 100_000 },
  sitemap: true,
  newsSitemap: { hours: 48, limit: 1000 },
  robots: true,
  socialCards: { use: 'fallback', background: '#a3131b', foreground: '#ffffff' },
} as const;

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** Feeds, sitemaps, search-engine data and social cards. */
export const SeoSchema = () =>
  z
    .object({
      /**
       * The `<title>` of every page but the home page: `{title}` is the page's own title, `{site}` the
       * site's name.
       * @example titleTemplate: '{title} — {site}'
       */
      titleTemplate: z
        .string()
        .default(SEO_DEFAULTS.titleTemplate)
        .refine((template) => template.includes('{title}'), {
          error: 'must contain "{title}", e.g. "{title} | {site}"',
        }),
      /**
       * The `og:locale` of every page. By default the configured locale, with `_AR` when it names no
       * region (`ar` → `ar_AR`, `ar-SY` → `ar_SY`).
       * @example ogLocale: 'ar_AR'
       */
      ogLocale: z
        .string()
        .regex(/^[a-z]{2,3}_[A-Z]{2}$/, { error: 'must look like "ar_AR" or "ar_EG" (language_REGION)' })
        .optional(),
      /**
       * RSS feeds: `/rss.xml` for the site, and one per section (`/politics/rss.xml`) and per author
       * (`/authors/layla/rss.xml`).
       * @example feeds: { items: 50, authors: false }
       */
      feeds: z
        .object({
          /** How many of the latest stories each feed carries. */
          items: z.number().int().min(1).max(500).default(SEO_DEFAULTS.feeds.items),
          /** A feed per section. */
          sections: z.boolean().default(SEO_DEFAULTS.feeds.sections),
          /** A feed per author. */
          authors: z.boolean().default(SEO_DEFAULTS.feeds.authors),
          /** The whole story, sanitised, in `content:encoded` (otherwise only the description). */
          fullContent: z.boolean().default(SEO_DEFAULTS.feeds.fullContent),
          /**
           * The most characters of a story's HTML one feed item carries: a longer story is cut after the
           * last whole paragraph that fits, with a link to read on on the site.
           */
          fullContentLimit: z.number().int().min(1000).default(SEO_DEFAULTS.feeds.fullContentLimit),
        })
        .strict()
        .prefault({}),
      /**
       * Add `@astrojs/sitemap` (unless the site already lists it in `integrations`).
       * @example sitemap: false
       */
      sitemap: z.boolean().default(SEO_DEFAULTS.sitemap),
      /**
       * The Google News sitemap, `/news-sitemap.xml`: the stories published in the `hours` before the
       * build, at most `limit` (Google reads no more than 1,000), or `false` for none.
       * @example newsSitemap: { hours: 48 }
       */
      newsSitemap: z
        .union([
          z.literal(false),
          z
            .object({
              hours: z
                .number()
                .positive()
                .max(24 * 30)
                .default(SEO_DEFAULTS.newsSitemap.hours),
              limit: z
                .number()
                .int()
                .min(1)
                .max(1000, { error: 'is more than Google News reads from one sitemap (1000)' })
                .default(SEO_DEFAULTS.newsSitemap.limit),
              /** The publication's name in Google News; the site's title by default. */
              name: z.string().trim().min(1).optional(),
            })
            .strict(),
        ])
        .prefault({}),
      /**
       * Write `/robots.txt` pointing at the sitemap index (skipped when `public/robots.txt` exists).
       * @example robots: false
       */
      robots: z.boolean().default(SEO_DEFAULTS.robots),
      /**
       * Removed: the news sitemap follows the build's one clock, the top-level `now` option. Kept in the
       * schema only to say so to a site that still sets it.
       */
      buildTime: z
        .undefined({
          error: 'has moved: set the top-level `now` option instead (one clock for the whole site)',
        })
        .optional(),
      /**
       * A 1200×630 social card per story (headline, section and site name, drawn at build with `sharp`).
       * `use: 'fallback'` makes it the `og:image` of stories without a photo, `'always'` of every story,
       * `'never'` turns cards off.
       * @example socialCards: { use: 'always', background: '#0b3d2e' }
       */
      socialCards: z
        .object({
          use: z.enum(['fallback', 'always', 'never']).default('fallback'),
          background: z
            .string()
            .regex(HEX_COLOUR, { error: 'must be a colour like "#a3131b"' })
            .default(SEO_DEFAULTS.socialCards.background),
          foreground: z
            .string()
            .regex(HEX_COLOUR, { error: 'must be a colour like "#ffffff"' })
            .default(SEO_DEFAULTS.socialCards.foreground),
        })
        .strict()
        .prefault({}),
    })
    .strict()
    .prefault({});

/** The resolved `seo` option. */
export type SeoConfig = z.output<ReturnType<typeof SeoSchema>>;
