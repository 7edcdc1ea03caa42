import { z } from 'astro/zod';
import { RESERVED_SLUGS } from '../lib/routes.ts';
import { isValidLocale } from './locale.ts';
import { SectionSchema } from './sections.ts';
import { TranslationsSchema } from './translations.ts';

/** An edition's key: its URL prefix (`/en/`) and its stories' folder (`src/content/articles/en/`). */
const EDITION_KEY = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;

/** One edition beside the site's main one: another language, with its own title, sections and strings. */
export const EditionSchema = () =>
  z
    .object({
      /**
       * The edition's BCP 47 locale: its pages' language and direction, month names and date order.
       * @example locale: 'en'
       */
      locale: z
        .string({ error: 'is required: the language of the edition, e.g. locale: "en"' })
        .refine(isValidLocale, {
          error: 'is not a BCP 47 language tag; use a tag such as "en", "en-GB" or "fr"',
        }),
      /**
       * The edition's name, in its own language, for its header and page titles.
       * @example title: 'Khabar'
       */
      title: z.string().trim().min(1, 'give the edition a name in its language, e.g. title: "Khabar"'),
      /**
       * A short line under the name.
       * @example tagline: 'News from the region and the world'
       */
      tagline: z.string().trim().optional(),
      /**
       * The edition's sections, in its navigation order, named in its language. Each slug is one of the
       * site's `sections`; a section left out has no page in this edition.
       * @example sections: [{ slug: 'politics', name: 'Politics' }]
       */
      sections: z
        .array(SectionSchema())
        .min(1, 'list at least one section, e.g. sections: [{ slug: "politics", name: "Politics" }]'),
      /**
       * The edition's digits. `latn` (0123) unless set.
       * @example digits: 'latn'
       */
      digits: z.enum(['arab', 'latn', 'arabext']).default('latn'),
      /**
       * The edition's calendar. `gregorian` unless set.
       * @example calendar: 'gregorian'
       */
      calendar: z.enum(['gregorian', 'gregorian+hijri', 'persian']).default('gregorian'),
      /**
       * Overrides of the edition's UI strings (the theme ships English, Persian and Urdu ones).
       * @example strings: { 'home.latest': 'Just in' }
       */
      strings: TranslationsSchema(),
    })
    .strict();

/**
 * The site's other editions, by key: the key is the edition's URL prefix (`/en/`) and the folder of its
 * stories (`src/content/articles/en/`). The site's own options (`title`, `locale`, `sections`…) are
 * the main edition's, at the root.
 */
export const EditionsSchema = () =>
  z
    .record(
      z.string().regex(EDITION_KEY, {
        error: 'must be a language code in lowercase, such as "en", "fr" or "en-gb": it is the URL prefix',
      }),
      EditionSchema(),
    )
    .default({});

/** An edition as the theme reads it, after validation. */
export type EditionConfig = z.output<ReturnType<typeof EditionSchema>>;

/**
 * Checks the editions against the rest of the options (called from the config schema): a key that is no
 * section's slug and no page of the theme's, sections the site has, and one edition per language.
 */
export function checkEditions(
  config: {
    locale: string;
    sections: { slug: string }[];
    // Refinements run on options whose other fields failed: an edition may lack its sections.
    editions: Record<string, { locale: string; sections?: { slug: string }[] | undefined }>;
  },
  ctx: z.core.$RefinementCtx,
): void {
  const known = config.sections.map((s) => s.slug);
  const languages = new Map<string, string>();
  if (isValidLocale(config.locale))
    languages.set(new Intl.Locale(config.locale).language, 'the main edition (locale)');
  for (const [key, edition] of Object.entries(config.editions)) {
    if (known.includes(key) || RESERVED_SLUGS.includes(key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['editions', key],
        message: `"${key}" is already a section's slug or a page of the theme's; an edition's key is its URL prefix, so choose another`,
      });
    }
    // A locale the edition's schema refused has its own message already.
    if (!isValidLocale(edition.locale)) continue;
    const language = new Intl.Locale(edition.locale).language;
    const other = languages.get(language);
    if (other) {
      ctx.addIssue({
        code: 'custom',
        path: ['editions', key, 'locale'],
        message: `"${edition.locale}" is the language of ${other} too; each edition has a language of its own`,
      });
    }
    languages.set(language, `editions.${key}`);
    const seen = new Set<string>();
    (edition.sections ?? []).forEach((section, index) => {
      if (!known.includes(section.slug)) {
        ctx.addIssue({
          code: 'custom',
          path: ['editions', key, 'sections', index, 'slug'],
          message: `"${section.slug}" is not one of the site's sections; an edition names the site's sections in its language, so use one of ${known.map((s) => `"${s}"`).join(', ')}`,
        });
      }
      if (seen.has(section.slug)) {
        ctx.addIssue({
          code: 'custom',
          path: ['editions', key, 'sections', index, 'slug'],
          message: `"${section.slug}" is listed twice in this edition`,
        });
      }
      seen.add(section.slug);
    });
  }
}
