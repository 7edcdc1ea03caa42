import { z } from 'astro/zod';
import { RESERVED_SLUGS } from '../lib/routes.ts';

const SLUG = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

export { RESERVED_SLUGS };

/** One section of the newsroom (سياسة, اقتصاد…). */
export const SectionSchema = () =>
  z
    .object({
      /**
       * The URL segment and the value articles put in their `section` field.
       * Lowercase letters (Latin or Arabic), digits and single dashes.
       * @example slug: 'politics'
       */
      slug: z
        .string()
        .regex(SLUG, {
          error: 'must be letters and digits joined by single dashes, e.g. "politics" or "سياسة"',
        })
        .refine((slug) => !RESERVED_SLUGS.includes(slug.toLowerCase()), {
          error: `is used by the theme's own pages and files (${RESERVED_SLUGS.join(', ')}); choose another slug`,
        }),
      /**
       * The section's name as readers see it.
       * @example name: 'سياسة'
       */
      name: z.string().trim().min(1),
      /**
       * One sentence describing the section, for its page and search engines.
       * @example description: 'آخر الأخبار السياسية من المنطقة والعالم'
       */
      description: z.string().optional(),
    })
    .strict();

/** The newsroom's sections, in the order the navigation shows them. */
export const SectionsSchema = () =>
  z
    .array(SectionSchema())
    .min(1, 'list at least one section, e.g. sections: [{ slug: "politics", name: "سياسة" }]')
    .superRefine((sections, ctx) => {
      const seen = new Set<string>();
      sections.forEach((section, index) => {
        if (seen.has(section.slug)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'slug'],
            message: `"${section.slug}" is used by two sections; each section needs its own slug`,
          });
        }
        seen.add(section.slug);
      });
    });
