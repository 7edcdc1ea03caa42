import { z } from 'astro/zod';

/** How long a CDN may keep one kind of page rendered on request (seconds). */
const CacheLifetimeSchema = (sMaxAge: number, staleWhileRevalidate: number) =>
  z
    .object({
      /** How long a shared cache (the CDN) serves the page as fresh: `s-maxage`. */
      sMaxAge: z.number().int().min(0).default(sMaxAge),
      /** How long after that it may still serve it while it fetches a new one: `stale-while-revalidate`. */
      staleWhileRevalidate: z.number().int().min(0).default(staleWhileRevalidate),
    })
    .strict()
    .default({ sMaxAge, staleWhileRevalidate });

/**
 * What is built ahead and what the site's adapter renders when a reader asks for it.
 * @example rendering: { prerender: 'recent', recentDays: 3 }
 */
export const RenderingSchema = () =>
  z
    .object({
      /**
       * `'all'`: every page is built ahead (a static site; no adapter needed). `'recent'`: the stories of
       * the last `recentDays` days, the home page, the first page of every section, tag and author, the
       * feeds and the sitemaps are built ahead; older stories, later pages and the date archive are
       * rendered on request. `'none'`: every page is rendered on request. Both need an adapter.
       * @example prerender: 'recent'
       */
      prerender: z.enum(['all', 'recent', 'none']).default('all'),
      /**
       * With `prerender: 'recent'`: stories published this many days before the build's clock (or later)
       * are built ahead. 0 builds no story ahead.
       * @example recentDays: 7
       */
      recentDays: z.number().min(0).max(3650).default(2),
      /**
       * Reuse the pages of the last build whose content and code are unchanged (Astro's
       * `experimental.incrementalBuild`, Astro 7.2 and later): every theme route says what its pages show
       * (`cacheKey`), so publishing a story renders only the pages that show it. On by default where the
       * site's Astro has it; `false` renders every page in every build, as Astro without the flag does.
       * @example incremental: false
       */
      incremental: z.boolean().default(true),
      /**
       * `Cache-Control` lifetimes of pages rendered on request, by kind. Stories change rarely (and a
       * purge by `Cache-Tag` refreshes them when they do); listings more often; the home page, the feeds
       * and the news sitemap follow the clock, so they are kept briefly — and never past the moment a
       * scheduled story is due or a breaking story leaves the strip.
       * @example cache: { stories: { sMaxAge: 3600 } }
       */
      cache: z
        .object({
          stories: CacheLifetimeSchema(86_400, 604_800),
          listings: CacheLifetimeSchema(600, 86_400),
          timely: CacheLifetimeSchema(60, 600),
          /** How long a reader's browser keeps any of them: `max-age`. */
          browserMaxAge: z.number().int().min(0).default(60),
        })
        .strict()
        .prefault({}),
    })
    .strict()
    .prefault({});

export type RenderingConfig = z.output<ReturnType<typeof RenderingSchema>>;
