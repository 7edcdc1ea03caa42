import { z } from 'astro/zod';
import { parseArticlePattern } from '../lib/urls.ts';

/** Where pages live. */
export const RoutesSchema = () =>
  z
    .object({
      /**
       * The URL of an article, built from `{section}`, `{slug}`, `{year}`, `{month}` and `{day}`
       * (the date in the newsroom's time zone). It must contain `{slug}`.
       * @example article: '/{section}/{slug}'
       * @example article: '/{year}/{month}/{day}/{slug}'
       */
      article: z
        .string()
        .default('/{section}/{slug}')
        .superRefine((pattern, ctx) => {
          try {
            parseArticlePattern(pattern);
          } catch (error) {
            ctx.addIssue({ code: 'custom', message: (error as Error).message });
          }
        }),
    })
    .strict()
    .default({ article: '/{section}/{slug}' });
