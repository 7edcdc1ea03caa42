import { z } from 'astro/zod';

/** Defaults of the `content` option. */
export const CONTENT_DEFAULTS = { sizeWarning: 1_000_000 } as const;

/** How the theme checks the stories and pages it reads. */
export const ContentSchema = () =>
  z
    .object({
      /**
       * Warn, naming the file, about a story or page file larger than this many bytes (its page is as
       * large), or `false` for no warning. A long story is some 50 kB.
       * @example sizeWarning: 2_000_000
       */
      sizeWarning: z
        .union([z.number().int().min(1000), z.literal(false)], {
          error: 'must be a number of bytes (at least 1000, e.g. 2_000_000) or false',
        })
        .default(CONTENT_DEFAULTS.sizeWarning),
    })
    .strict()
    .prefault({});
