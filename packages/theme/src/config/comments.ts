import { z } from 'astro/zod';
import type { KhabarCommentsUserOptions } from 'khabar-comments';

/**
 * Comments under every article, from the `khabar-comments` package (install it beside the theme).
 * `false` (the default) leaves them out; an object turns them on and is passed to `khabarComments()`,
 * with the theme's locale, digits and time zone filled in. The comments package validates it.
 * @example comments: { endpoint: 'https://comments.news.example/', closeAfterDays: 14 }
 */
export const CommentsSchema = () =>
  z
    .custom<KhabarCommentsUserOptions | false>(
      (value) => value === false || (typeof value === 'object' && value !== null && !Array.isArray(value)),
      {
        error:
          'must be false or the options of khabar-comments, e.g. { endpoint: "https://comments.news.example/" }',
      },
    )
    .default(false);
