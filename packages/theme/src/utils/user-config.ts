import { z } from 'astro/zod';
import { ComponentsSchema } from '../schemas/components.ts';
import { FontsSchema } from '../schemas/fonts.ts';
import { LocaleSchema } from '../schemas/locale.ts';
import { RoutesSchema } from '../schemas/routes.ts';
import { SectionsSchema } from '../schemas/sections.ts';
import { SeoSchema } from '../schemas/seo.ts';
import { SiteSchema } from '../schemas/site.ts';
import { TranslationsSchema } from '../schemas/translations.ts';

/** Everything `khabar()` accepts, validated once when Astro loads the config. */
export const KhabarConfigSchema = z
  .object({
    ...SiteSchema().shape,
    ...LocaleSchema().shape,
    /**
     * The newsroom's sections, in navigation order. Every article names one in its `section` field.
     * @example sections: [{ slug: 'politics', name: 'سياسة' }, { slug: 'economy', name: 'اقتصاد' }]
     */
    sections: SectionsSchema(),
    /**
     * URL patterns of the theme's pages.
     * @example routes: { article: '/{year}/{month}/{slug}' }
     */
    routes: RoutesSchema(),
    /**
     * Self-hosted typefaces.
     * @example fonts: { body: 'noto-naskh-arabic', headings: 'noto-kufi-arabic' }
     */
    fonts: FontsSchema(),
    /**
     * Replace a page part with your own component.
     * @example components: { Footer: './src/components/MyFooter.astro' }
     */
    components: ComponentsSchema(),
    /**
     * Override any UI string of the theme.
     * @example strings: { 'article.share': 'انشر الخبر' }
     */
    strings: TranslationsSchema(),
    /**
     * Words a reader reads in a minute, for the reading-time estimate.
     * @example wordsPerMinute: 180
     */
    wordsPerMinute: z.number().int().min(60).max(600).default(200),
    /**
     * How many stories the home page lists.
     * @example homeStories: 30
     */
    homeStories: z.number().int().min(1).max(500).default(24),
    /**
     * Feeds, sitemaps, search-engine data (JSON-LD, Open Graph) and social cards.
     * @example seo: { feeds: { items: 50 }, socialCards: { use: 'always' } }
     */
    seo: SeoSchema(),
  })
  .strict();

/** The options as a site owner writes them in `astro.config.mjs`. */
export type KhabarUserConfig = z.input<typeof KhabarConfigSchema>;
/** The options after validation and defaults, as the theme's components read them. */
export type KhabarConfig = z.output<typeof KhabarConfigSchema>;
