import { z } from 'astro/zod';

/** Where the «الأكثر قراءة» list comes from, and how much of it is shown. */
export const MostReadSchema = () =>
  z
    .object({
      /**
       * The data file, relative to the project root, or an `https://` address read at build time (an
       * export of the site's analytics or CDN logs). No list is shown while the file does not exist.
       * @example mostRead: { source: 'https://stats.example/most-read.json' }
       */
      source: z
        .string()
        .min(1)
        .refine((value) => !/^[a-z][a-z+.-]*:/i.test(value) || /^https?:\/\//i.test(value), {
          error: 'must be a file path relative to the project root, or an http(s) address',
        })
        .default('src/data/most-read.json'),
      /**
       * How many stories the list shows.
       * @example mostRead: { limit: 10 }
       */
      limit: z.number().int().min(1).max(20).default(5),
      /**
       * Where the list shows: the home page, the article page's aside, both or neither.
       * @example mostRead: { home: true, article: false }
       */
      home: z.boolean().default(true),
      article: z.boolean().default(true),
    })
    .strict()
    .default({ source: 'src/data/most-read.json', limit: 5, home: true, article: true });

/**
 * The most-read data file: the period it counts, when it was made, and the stories in order, each named
 * by its id (the file name without `.md`, `politics/summit` in a subfolder) or its `slug`.
 * @example { "period": "day", "generated": "2016-12-01T17:00:00+02:00", "stories": [{ "story": "cup-final", "views": 5120 }] }
 */
export const MostReadFileSchema = z
  .object({
    period: z.enum(['day', 'week'], { error: 'must be "day" or "week": the time the counts cover' }),
    generated: z.iso
      .datetime({
        offset: true,
        error: 'must be the time the file was made, e.g. "2016-12-01T17:00:00+02:00"',
      })
      .optional(),
    stories: z.array(
      z
        .object({
          story: z.string({ error: 'is required: the story’s id (its file name) or slug' }).trim().min(1),
          views: z.number().int().nonnegative().optional(),
        })
        .strict(),
      { error: 'must be a list of { "story": "…", "views": 123 }' },
    ),
  })
  .strict();

export type MostReadFile = z.output<typeof MostReadFileSchema>;
