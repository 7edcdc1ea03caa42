import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { parseInstant } from '../lib/format/index.ts';

export interface ArticleSchemaContext<TImage extends z.ZodType, TReference extends z.ZodType> {
  /** Astro's `image()` schema helper, from the collection's schema context. */
  image: () => TImage;
  /** Astro's `reference()` from `astro:content`. */
  reference: (collection: 'authors') => TReference;
  /** The section slugs the site configured. */
  sections: readonly string[];
  /** The newsroom's time zone, for dates written without an offset. */
  timeZone: string;
}

/**
 * Rejects frontmatter keys the schema does not know, one friendly issue per key (Zod's own strict mode
 * reports them all under an empty path, which Astro prints as "****: Unrecognized key").
 */
export function knownKeysOnly<T extends z.ZodObject>(schema: T, what: string) {
  const known = Object.keys(schema.shape);
  return z.preprocess((input, ctx) => {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
    const unknown = Object.keys(input).filter((key) => !known.includes(key));
    for (const key of unknown) {
      ctx.issues.push({
        code: 'custom',
        path: [key],
        input,
        message: `is not a field ${what} has: check the spelling. The fields are ${known.join(', ')}`,
      });
    }
    return input;
  }, schema);
}

/** A URL slug: letters (any script) and digits joined by single dashes. */
export const SLUG = /^[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)*$/u;

/** A date written in frontmatter: an ISO instant with offset, or a wall-clock time in the newsroom's zone. */
export function instantSchema(timeZone: string) {
  return z.union([z.string(), z.date()]).transform((value, ctx) => {
    try {
      return parseInstant(value, timeZone);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `${(error as Error).message}. Write a real date such as "2016-12-01T14:20:00+03:00"`,
      });
      return z.NEVER;
    }
  });
}

/** The picture fields besides its file: checked once for every story (`createArticleSchema`). */
const PictureFields = z
  .object({
    src: z.string({ error: 'is required: the picture file, relative to the story (src: "./photo.jpg")' }),
    alt: z.string({ error: 'is required: describe the picture for readers who cannot see it' }),
    caption: z.string().optional(),
    credit: z.string().optional(),
  })
  .strict();

/** Every check of an article's frontmatter but the picture's file, for one site's sections and zone. */
function frontmatterSchema<TReference extends z.ZodType>(
  reference: (collection: 'authors') => TReference,
  sections: readonly string[],
  timeZone: string,
) {
  const sectionList = sections.map((s) => `"${s}"`).join(', ');
  const article = z
    .object({
      /** The headline. */
      title: z
        .string({ error: 'is required: every article needs a headline (title: "…")' })
        .trim()
        .min(1, 'is empty: every article needs a headline')
        .transform((title) => title.replace(/\s+/g, ' ')),
      /** A subtitle shown under the headline. */
      deck: z.string().trim().optional(),
      /** One or two sentences for search engines, feeds and story cards. */
      description: z.string({ error: 'is required: a sentence or two that sums up the story' }).trim().min(1),
      /** When the story was first published. */
      published: instantSchema(timeZone),
      /** When the story was last updated. */
      updated: instantSchema(timeZone).optional(),
      /**
       * For live coverage (`kind: live`): when the newsroom closed it. Until then the story is «مباشر».
       * @example coverageEnded: 2016-12-01T23:00:00+02:00
       */
      coverageEnded: instantSchema(timeZone).optional(),
      /**
       * Corrections to the story, each a dated note readers see with it (and in its structured data and
       * feed item).
       * @example corrections: [{ date: 2016-12-01T16:00:00+02:00, text: "ورد خطأً أن …" }]
       */
      corrections: z
        .array(
          z
            .object({
              date: instantSchema(timeZone),
              text: z
                .string({ error: 'is required: what was wrong and what is right' })
                .trim()
                .min(1, 'is empty: say what was corrected'),
            })
            .strict(),
        )
        .default([]),
      /** The section's slug, one of the site's `sections` (on a site with one section, that one when absent). */
      section: (sections.length === 1 && sections[0] !== undefined
        ? z.string().default(sections[0])
        : z.string({ error: `is required: one of ${sectionList}` })
      ).refine((s) => sections.includes(s), {
        error: (issue) =>
          `"${String(issue.input)}" is not one of the site's sections; use one of ${sectionList}, or add it to the sections of khabar() in astro.config`,
      }),
      /** Topics, as readers would name them. */
      tags: z.array(z.string().trim().min(1)).default([]),
      /** Ids of entries in the `authors` collection. */
      authors: z.array(reference('authors')).default([]),
      /** The lead picture (its file is resolved per story, by `image()`). */
      image: PictureFields.optional(),
      /** Drafts are never built. */
      draft: z.boolean().default(false),
      /** Flag a breaking story. */
      breaking: z.boolean().default(false),
      /**
       * Pin the story as the home page's lead: the newest pinned story that is published leads, ahead
       * of newer ones, until it is unpinned.
       */
      pinned: z.boolean().default(false),
      /**
       * The id of the story this one translates, in a multilingual site: the original's file name
       * without its extension (`russia-syria-sovereignty`). The versions link each other (`hreflang`).
       */
      translationOf: z
        .string()
        .trim()
        .min(1, 'is empty: give the id of the story this one translates')
        .optional(),
      /** What kind of story: a plain news report, live coverage, opinion, analysis, explainer, interview or a photo gallery. */
      kind: z
        .enum(['news', 'live', 'opinion', 'analysis', 'explainer', 'interview', 'gallery'])
        .default('news'),
      /**
       * The pictures of a photo story (`kind: gallery`), shown in order where the lead picture would be:
       * each file relative to the story, with what it shows, its caption and its credit.
       * @example gallery: [{ src: "./souq-1.jpg", alt: "السوق المسقوف", caption: "سوق المدينة", credit: "قسم الصور" }]
       */
      gallery: z
        .array(PictureFields)
        .min(1, 'is empty: list the pictures, or leave the field out')
        .optional(),
      /** The URL slug; the file name when absent. */
      slug: z
        .string()
        .transform((slug) => slug.normalize('NFC'))
        .refine((slug) => SLUG.test(slug), {
          error:
            'must be letters and digits joined by single dashes, with no spaces or slashes, e.g. "قمة-العشرين"',
        })
        .optional(),
    })
    .strict();
  return knownKeysOnly(article, 'an article').superRefine((data, ctx) => {
    if (data.kind === 'gallery' && !data.gallery) {
      ctx.addIssue({
        code: 'custom',
        path: ['gallery'],
        message:
          'is required for a photo story (kind: gallery): list its pictures, e.g. gallery: [{ src: "./photo.jpg", alt: "…" }]',
      });
    }
    if (data.updated && data.updated.getTime() < data.published.getTime()) {
      ctx.addIssue({
        code: 'custom',
        path: ['updated'],
        message: 'is earlier than "published": an update cannot come before the story',
      });
    }
    if (data.coverageEnded && data.kind !== 'live') {
      ctx.addIssue({
        code: 'custom',
        path: ['coverageEnded'],
        message: `is for live coverage only: add "kind: live", or remove "coverageEnded" from this ${data.kind} story`,
      });
    }
    if (data.coverageEnded && data.coverageEnded.getTime() < data.published.getTime()) {
      ctx.addIssue({
        code: 'custom',
        path: ['coverageEnded'],
        message: 'is earlier than "published": coverage cannot end before it starts',
      });
    }
    data.corrections.forEach((correction, index) => {
      if (correction.date.getTime() < data.published.getTime()) {
        ctx.addIssue({
          code: 'custom',
          path: ['corrections', index, 'date'],
          message: 'is earlier than "published": a correction comes after the story',
        });
      }
    });
  });
}

/** One frontmatter schema per reference helper, sections and zone: Zod schemas cost far more to build than to run. */
const frontmatterSchemas = new WeakMap<object, Map<string, unknown>>();

function cachedFrontmatterSchema<TReference extends z.ZodType>(
  reference: (collection: 'authors') => TReference,
  sections: readonly string[],
  timeZone: string,
): ReturnType<typeof frontmatterSchema<TReference>> {
  let byOptions = frontmatterSchemas.get(reference);
  if (!byOptions) {
    byOptions = new Map<string, unknown>();
    frontmatterSchemas.set(reference, byOptions);
  }
  const key = JSON.stringify([sections, timeZone]);
  let schema = byOptions.get(key) as ReturnType<typeof frontmatterSchema<TReference>> | undefined;
  if (!schema) {
    schema = frontmatterSchema(reference, sections, timeZone);
    byOptions.set(key, schema);
  }
  return schema;
}

/** A parse's result, or its issues added under `path` (a picture's place in the frontmatter). */
function settled(result: z.ZodSafeParseResult<unknown>, path: PropertyKey[], ctx: z.RefinementCtx): unknown {
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    ctx.addIssue({ ...issue, path: [...path, ...issue.path] });
  }
  return z.NEVER;
}

/**
 * A picture's file as the entry's `image()` resolves it, or its issues under the picture's path: at once
 * when that helper is synchronous (the content layer's), as a promise when it is not (it then runs in
 * Astro's asynchronous parse).
 */
function resolvedSrc(
  image: () => z.ZodType,
  src: unknown,
  path: PropertyKey[],
  ctx: z.RefinementCtx,
): unknown {
  const schema = image();
  try {
    return settled(schema.safeParse(src), path, ctx);
  } catch (error) {
    if (!(error instanceof z.core.$ZodAsyncError)) throw error;
    return schema.safeParseAsync(src).then((result) => settled(result, path, ctx));
  }
}

/**
 * The frontmatter of an article. Built by a factory so the sections and the time zone come from the
 * site's `khabar()` options. Astro calls a collection's schema once per entry (its `image()` helper
 * resolves files relative to the entry), so every check is built once and reused, and each entry adds
 * one step, which asks `image()` only of a story that has pictures: building even a two-field object
 * schema per entry (and Zod's first run of each, which compiles it) cost some 150 µs a story, 15 s of a
 * 100,000-story content sync, against 30 µs for the checks themselves.
 */
export function createArticleSchema<TImage extends z.ZodType, TReference extends z.ZodType>({
  image,
  reference,
  sections,
  timeZone,
}: ArticleSchemaContext<TImage, TReference>) {
  const shared = cachedFrontmatterSchema(reference, sections, timeZone);
  return shared.transform((data, ctx) => {
    if (!data.image && !data.gallery) return data;
    const src = data.image && resolvedSrc(image, data.image.src, ['image', 'src'], ctx);
    const gallery = (data.gallery ?? []).map((item, index) =>
      resolvedSrc(image, item.src, ['gallery', index, 'src'], ctx),
    );
    const withFiles = (files: unknown[]) => ({
      ...data,
      ...(data.image && { image: { ...data.image, src: files[0] } }),
      ...(data.gallery && {
        gallery: data.gallery.map((item, index) => ({ ...item, src: files[index + 1] })),
      }),
    });
    const files = [src, ...gallery];
    return files.some((file) => file instanceof Promise)
      ? Promise.all(files).then(withFiles)
      : withFiles(files);
  }) as unknown as z.ZodType<ArticleOutput<z.output<TImage>, z.output<TReference>>>;
}

/** An article's frontmatter after the checks, with its picture's file as `image()` resolved it. */
type ArticleOutput<TImageOut, TReferenceOut> = Omit<
  z.output<ReturnType<typeof frontmatterSchema<z.ZodType<TReferenceOut>>>>,
  'image' | 'gallery'
> & {
  image?: (Omit<z.output<typeof PictureFields>, 'src'> & { src: TImageOut }) | undefined;
  gallery?: (Omit<z.output<typeof PictureFields>, 'src'> & { src: TImageOut })[] | undefined;
};

/** The frontmatter of an author. */
export function createAuthorSchema<TImage extends z.ZodType>({ image }: { image: () => TImage }) {
  const author = z
    .object({
      name: z.string({ error: 'is required: the name readers see in bylines' }).trim().min(1),
      /**
       * The name as the site's other editions print it, by edition key (a multilingual site).
       * @example names: { en: 'Layla Haddad' }
       */
      names: z.record(z.string(), z.string().trim().min(1)).default({}),
      role: z.string().optional(),
      bio: z.string().optional(),
      avatar: image().optional(),
      social: z.record(z.string(), z.url()).default({}),
    })
    .strict();
  return knownKeysOnly(author, 'an author');
}

/** An article's data as routes and components read it (after Astro resolved images and references). */
export type ArticleData = z.output<
  ReturnType<
    typeof createArticleSchema<z.ZodType<ImageMetadata>, z.ZodType<{ collection: 'authors'; id: string }>>
  >
>;
/** An author's data as components read it. */
export type AuthorData = z.output<ReturnType<typeof createAuthorSchema<z.ZodType<ImageMetadata>>>>;
