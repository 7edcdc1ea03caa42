import { z } from 'astro/zod';
import { CmsSchema } from './cms.ts';
import { EmbedsSchema } from './embeds.ts';
import { MostReadSchema } from './most-read.ts';
import { CommentsSchema } from './comments.ts';
import { ComponentsSchema } from './components.ts';
import { ContentSchema } from './content.ts';
import { checkEditions, EditionsSchema } from './editions.ts';
import { FontsSchema } from './fonts.ts';
import { checkHomeSections, HomeSchema, NewsroomSchema } from './home.ts';
import { LocaleSchema } from './locale.ts';
import { PagesSchema } from './pages.ts';
import { RenderingSchema } from './rendering.ts';
import { RoutesSchema } from './routes.ts';
import { SectionsSchema } from './sections.ts';
import { SeoSchema } from './seo.ts';
import { SiteSchema } from './site.ts';
import { STARTER_SECTION } from './starter.ts';
import { TranslationsSchema } from './translations.ts';

/** Everything `khabar()` accepts, validated once when Astro loads the config. */
export const KhabarConfigSchema = z
  .object({
    ...SiteSchema().shape,
    ...LocaleSchema().shape,
    /**
     * The newsroom's sections, in navigation order. Every article names one in its `section` field (a
     * site with one section may leave it out). Without this option the site has one section, «أخبار».
     * @example sections: [{ slug: 'politics', name: 'سياسة' }, { slug: 'economy', name: 'اقتصاد' }]
     */
    sections: SectionsSchema().default(() => [{ ...STARTER_SECTION }]),
    /**
     * How the theme checks the stories and pages it reads.
     * @example content: { sizeWarning: 2_000_000 }
     */
    content: ContentSchema(),
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
     * Your own stylesheets, loaded after the theme's (paths from the project root, or package
     * specifiers). The theme's CSS sits in cascade layers, so yours wins without `!important`.
     * @example customCss: ['./src/styles/brand.css']
     */
    customCss: z.array(z.string().min(1)).default([]),
    /**
     * Override any UI string of the theme.
     * @example strings: { 'article.share': 'انشر الخبر' }
     */
    strings: TranslationsSchema(),
    /**
     * Comments under articles, through the khabar-comments package.
     * @example comments: { endpoint: 'https://comments.news.example/' }
     */
    comments: CommentsSchema(),
    /**
     * The web editor at `/admin/`, where journalists write stories and authors in the browser (Sveltia
     * CMS, which the site installs: `pnpm add @sveltia/cms`). Off by default (docs/en/editing.md).
     * @example cms: { backend: { name: 'gitlab', repo: 'newsroom/site', auth_type: 'pkce', app_id: '…' } }
     */
    cms: CmsSchema(),
    /**
     * Words a reader reads in a minute, for the reading-time estimate.
     * @example wordsPerMinute: 180
     */
    wordsPerMinute: z.number().int().min(60).max(600).default(200),
    /**
     * How many stories the home page's latest list shows.
     * @example homeStories: 30
     */
    homeStories: z.number().int().min(1).max(500).default(24),
    /**
     * The home page: top stories, section blocks, the breaking-news window. The latest list shows
     * `homeStories` stories.
     * @example home: { topStories: 6, sections: ['politics', 'economy'], storiesPerSection: 3 }
     */
    home: HomeSchema(),
    ...NewsroomSchema().shape,
    /**
     * The site pages (`src/content/pages/`, at `/{slug}/`): which the footer links.
     * @example pages: { footer: ['من-نحن', 'اتصل-بنا'] }
     */
    pages: PagesSchema(),
    /**
     * Feeds, sitemaps, search-engine data (JSON-LD, Open Graph) and social cards.
     * @example seo: { feeds: { items: 50 }, socialCards: { use: 'always' } }
     */
    seo: SeoSchema(),
    /**
     * What is built ahead and what the site's adapter renders on request, and the cache headers of
     * pages rendered on request (docs/en/on-demand.md).
     * @example rendering: { prerender: 'recent', recentDays: 3 }
     */
    rendering: RenderingSchema(),
    /**
     * The site's editions in other languages, by URL prefix: `en` publishes an English edition under
     * `/en/`, from the stories in `src/content/articles/en/` (docs/en/multilingual.md).
     * @example editions: { en: { locale: 'en', title: 'Khabar', sections: [{ slug: 'politics', name: 'Politics' }] } }
     */
    editions: EditionsSchema(),
    /**
     * Video and social embeds: posters fetched at build time, and bare links in Markdown (docs/en/components.md).
     * @example embeds: { posters: false }
     */
    embeds: EmbedsSchema(),
    /**
     * The «الأكثر قراءة» list, from a data file exported from the site's analytics (docs/en/components.md).
     * @example mostRead: { source: 'src/data/most-read.json', limit: 5 }
     */
    mostRead: MostReadSchema(),
  })
  .strict()
  .superRefine(checkHomeSections)
  .superRefine(checkEditions);

/** The options as a site owner writes them in `astro.config.mjs`. */
export type KhabarUserConfig = z.input<typeof KhabarConfigSchema>;
/** The options after validation and defaults, as the theme's components read them. */
export type KhabarConfig = z.output<typeof KhabarConfigSchema>;
