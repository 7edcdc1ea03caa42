import { z } from 'astro/zod';
import { FONT_IDS } from '../lib/fonts.ts';

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
    })
    .strict()
    .default({ body: 'noto-naskh-arabic', headings: 'cairo' });
