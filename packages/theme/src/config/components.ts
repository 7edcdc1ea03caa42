import { z } from 'astro/zod';

/**
 * The page parts a site can replace. Each maps to the theme's own component unless the site points it at
 * another `.astro` file (a path relative to the project root, or a package specifier).
 */
export const COMPONENT_NAMES = [
  'Head',
  'SkipLink',
  'Header',
  'SectionNav',
  'Footer',
  'ArticleHeader',
  'SectionLabel',
  'KindLabel',
  'Byline',
  'ArticleDates',
  'ReadingTime',
  'FeaturedImage',
  'ArticleBody',
  'TagList',
  'ShareLinks',
  'ArticleCard',
  'StoryList',
  'Comments',
  // Story kinds: live coverage, opinion, corrections.
  'LiveUpdates',
  'Columnist',
  'Corrections',
  // Insertion points: empty by default, for a site's own additions.
  'HeadExtra',
  'Banner',
  'AfterLead',
  // The newsroom's browsing parts.
  'StoryLinks',
  'Breadcrumbs',
  'Pagination',
  'BreakingStrip',
  'SectionBlock',
  'RelatedStories',
  'MoreFromSection',
  'AuthorProfile',
  'ThemeScript',
  'ThemeToggle',
  'TodayDate',
  'SearchForm',
  'Search',
  'SearchResults',
  // A multilingual site's links to its other editions.
  'LanguageSwitcher',
  // Site pages («من نحن»).
  'SitePage',
  // What stories use inside their text (MDX, or the markup imported Markdown carries).
  'Gallery',
  'Embed',
  'PullQuote',
  'FactBox',
  'ReadAlso',
  // The home page's and the article aside's list of the stories readers read most.
  'MostRead',
] as const;

export type ComponentName = (typeof COMPONENT_NAMES)[number];

export const ComponentsSchema = () =>
  z.partialRecord(z.enum(COMPONENT_NAMES), z.string().min(1)).default({}).describe('components');
