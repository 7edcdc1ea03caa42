import { z } from 'astro/zod';
import { instantSchema, knownKeysOnly, SLUG } from './article.ts';

/**
 * The frontmatter of a site page (`src/content/pages/`: «من نحن», «اتصل بنا», the corrections policy):
 * a page of the site rather than a story, with no date of publication, section, authors or tags.
 * Built by a factory so dates written without an offset are read in the newsroom's zone.
 */
export function createPageSchema({ timeZone }: { timeZone: string }) {
  const page = z
    .object({
      /** The page's heading and title. */
      title: z
        .string({ error: 'is required: every page needs a heading (title: "من نحن")' })
        .trim()
        .min(1, 'is empty: every page needs a heading')
        .transform((title) => title.replace(/\s+/g, ' ')),
      /** One or two sentences for search engines and link previews. */
      description: z
        .string({ error: 'is required: a sentence or two that says what the page is for' })
        .trim()
        .min(1, 'is empty: write a sentence or two that says what the page is for'),
      /** When the page last changed, shown under its heading. */
      updated: instantSchema(timeZone).optional(),
      /** Drafts are never built. */
      draft: z.boolean().default(false),
      /** The page's address, `/{slug}/`; the file name when absent. */
      slug: z
        .string()
        .transform((slug) => slug.normalize('NFC'))
        .refine((slug) => SLUG.test(slug), {
          error:
            'must be letters and digits joined by single dashes, with no spaces or slashes, e.g. "من-نحن"',
        })
        .optional(),
    })
    .strict();
  return knownKeysOnly(page, 'a page');
}

/** A site page's data as routes and components read it. */
export type PageData = z.output<ReturnType<typeof createPageSchema>>;
