import { z } from 'astro/zod';
import { FONT_IDS } from '../lib/fonts/families.ts';

/** The typefaces for long reading and for headlines, self-hosted from Fontsource packages. */
export const FontsSchema = () =>
  z
    .object({
      /**
       * The typeface of article text. Naskh is the norm for long Arabic reading.
       * @example body: 'noto-naskh-arabic'
       */
      body: z.enum(FONT_IDS).default('noto-naskh-arabic'),
      /**
       * The typeface of headlines and navigation.
       * @example headings: 'cairo'
       */
      headings: z.enum(FONT_IDS).default('cairo'),
      /**
       * When a web font that arrives late may replace the fallback. `optional` (the default) never
       * swaps after the first paint, so text never moves (CLS 0); on a slow first visit that page keeps
       * the metric-matched fallback and the next page uses the cached font. `swap` always swaps.
       * @example display: 'swap'
       */
      display: z.enum(['optional', 'swap', 'fallback']).default('optional'),
    })
    .strict()
    .default({ body: 'noto-naskh-arabic', headings: 'cairo', display: 'optional' });
