import { z } from 'astro/zod';

/** What the home page shows. */
export const HomeSchema = () =>
  z
    .object({
      /**
       * Top stories shown after the lead story (the newest).
       * @example topStories: 6
       */
      topStories: z.number().int().min(0).max(24).default(4),
      /**
       * Section slugs whose blocks the home page shows, in this order. All sections, in navigation order,
       * when absent; an empty list shows no section blocks.
       * @example sections: ['politics', 'economy', 'sports']
       */
      sections: z.array(z.string()).optional(),
      /**
       * Stories in each section block.
       * @example storiesPerSection: 3
       */
      storiesPerSection: z.number().int().min(1).max(24).default(4),
      /**
       * A story flagged `breaking: true` shows in the breaking-news strip for this many hours after it was
       * published (counted back from the build's time).
       * @example breakingHours: 12
       */
      breakingHours: z
        .number()
        .positive()
        .max(24 * 14)
        .default(6),
    })
    .strict()
    .default({ topStories: 4, storiesPerSection: 4, breakingHours: 6 });

/** Options of the newsroom's listing, archive, article-extra and search pages. */
export const NewsroomSchema = () =>
  z.object({
    /**
     * Stories per page on section, tag, author and archive pages. Page 2 onwards lives at
     * `/<section>/page/2/`.
     * @example perPage: 20
     */
    perPage: z.number().int().min(1).max(200).default(12),
    /**
     * Related stories under an article (sharing its tags and section, recent first). 0 hides them.
     * @example relatedStories: 3
     */
    relatedStories: z.number().int().min(0).max(24).default(4),
    /**
     * More stories from the article's section, under the related ones. 0 hides them.
     * @example moreFromSection: 6
     */
    moreFromSection: z.number().int().min(0).max(24).default(4),
    /**
     * The search page at `/search/` and its index of the articles. `'pagefind'` (or `true`): a Pagefind
     * index built with the site, searched in the reader's browser. `'server'`: an SQLite full-text index
     * built with the site and searched by the server when a reader asks (needs an adapter; for archives
     * past some 20,000 stories). `false`: no search.
     * @example search: 'server'
     */
    search: z
      .union([z.boolean(), z.enum(['pagefind', 'server'])])
      .default(true)
      .transform((value): false | 'pagefind' | 'server' => (value === true ? 'pagefind' : value)),
    /**
     * The build's clock: the instant the breaking-news window is measured back from. The time of the
     * build when absent (or `SOURCE_DATE_EPOCH`, for reproducible builds). Pin it to preview a past day.
     * @example now: '2016-12-01T18:00:00+02:00'
     */
    now: z
      .union([z.string(), z.date()])
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return undefined;
        const instant = value instanceof Date ? value : new Date(value);
        if (Number.isNaN(instant.getTime())) {
          ctx.addIssue({
            code: 'custom',
            message: 'is not a date; write an instant such as "2016-12-01T18:00:00+02:00"',
          });
          return z.NEVER;
        }
        return instant.toISOString();
      }),
  });

/** Checks that `home.sections` names configured sections (called from the config schema). */
export function checkHomeSections(
  config: { sections: { slug: string }[]; home: { sections?: string[] | undefined } },
  ctx: z.core.$RefinementCtx,
): void {
  const known = config.sections.map((s) => s.slug);
  config.home.sections?.forEach((slug, index) => {
    if (!known.includes(slug)) {
      ctx.addIssue({
        code: 'custom',
        path: ['home', 'sections', index],
        message: `"${slug}" is not one of the site's sections; use one of ${known.map((s) => `"${s}"`).join(', ')}`,
      });
    }
  });
}
