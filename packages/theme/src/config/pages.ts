import { z } from 'astro/zod';

/** The site pages (`src/content/pages/`): which the footer links. */
export const PagesSchema = () =>
  z
    .object({
      /**
       * The pages the footer links: `'all'` (every published page, by title), or the slugs of those to
       * link, in this order; `[]` links none (each page keeps its address and its sitemap entry).
       * @example footer: ['من-نحن', 'اتصل-بنا']
       */
      footer: z
        .union([
          z.literal('all'),
          z.array(z.string().trim().min(1, 'is empty: write the slug of a page, e.g. "من-نحن"')),
        ])
        .default('all'),
    })
    .strict()
    .default({ footer: 'all' });
