/**
 * What a site wires into `src/content.config.ts`:
 *
 * @example
 * import { defineCollection } from 'astro:content';
 * import { articlesLoader, articleSchema, authorsLoader, authorSchema } from 'astro-theme-khabar/content';
 * import { pagesLoader, pageSchema } from 'astro-theme-khabar/content';
 * export const collections = {
 *   articles: defineCollection({ loader: articlesLoader(), schema: articleSchema }),
 *   authors: defineCollection({ loader: authorsLoader(), schema: authorSchema }),
 *   // Optional: site pages («من نحن») at /{slug}/.
 *   pages: defineCollection({ loader: pagesLoader(), schema: pageSchema }),
 * };
 */
import { readFile } from 'node:fs/promises';
import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { reference, type SchemaContext } from 'astro:content';
import config from 'virtual:khabar/config';
import clock from 'virtual:khabar/clock';
import markdown from 'virtual:khabar/markdown';
import { storyId } from './lib/editions.ts';
import { rawScalars } from './lib/frontmatter.ts';
import { hasProcessedImages } from './lib/markdown-images.ts';
import { storyBuiltAhead } from './lib/routes.ts';
import { createArticleSchema, createAuthorSchema } from './config/article.ts';
import { createPageSchema } from './config/page.ts';

export { createArticleSchema, createAuthorSchema } from './config/article.ts';
export { createPageSchema } from './config/page.ts';

const DATE_FIELDS = ['published', 'updated'] as const;

export interface ArticlesLoaderOptions {
  /** The folder of article files, relative to the project root. */
  base?: string;
  /** Which files are articles. */
  pattern?: string | string[];
}

type LoaderContext = Parameters<Loader['load']>[0];
type ParseData = LoaderContext['parseData'];

/**
 * The loader context's `parseData` with the date fields as the author typed them: YAML makes
 * `2016-02-30` 1 March, so a date it read is replaced by its text from the file, and the schema fails it.
 */
function withRawDates(parseData: ParseData, fields: readonly string[]): ParseData {
  return async (props) => {
    if (props.filePath && fields.some((key) => props.data[key] instanceof Date)) {
      const raw = rawScalars(await readFile(props.filePath, 'utf8'), fields);
      const data: Record<string, unknown> = { ...props.data };
      for (const key of fields) if (data[key] instanceof Date && raw[key]) data[key] = raw[key];
      return parseData({ ...props, data: data as typeof props.data });
    }
    return parseData(props);
  };
}
type RenderFunction = (params: { data: Record<string, unknown>; body?: string }) => Promise<unknown>;
/** How Astro hands `glob()` the content types (not in the public loader context's type). */
interface EntryTypeLike {
  getRenderFunction?: (config: unknown) => Promise<RenderFunction>;
}
type WithEntryTypes = LoaderContext & { entryTypes?: Map<string, EntryTypeLike> };

/**
 * Whether the content layer renders a Markdown story as it syncs and keeps the HTML in its store. Only a
 * story that needs it does: one with pictures Astro processes (`lib/markdown-images.ts`), or, on a site
 * whose Markdown plugins cannot travel to the page, every story built ahead. Every other story is
 * stored with its frontmatter alone and rendered from its file by its page (`runtime/story-body.ts`),
 * the same HTML either way: the store of 100,000 stories stays some 50 MB instead of some 500 MB, which
 * is what lets Astro keep it as one file (its chunked store writes about 2 MB a second).
 */
function renderedBySync(data: Record<string, unknown>, body: string | undefined): boolean {
  if (hasProcessedImages(body, { remote: markdown.remoteImages })) return true;
  return !markdown.portable && builtAhead(data['published']);
}

/** Whether a story is built ahead (`rendering.prerender`), from its frontmatter date. */
function builtAhead(published: unknown): boolean {
  const time = new Date(
    published instanceof Date || typeof published === 'string' ? published : NaN,
  ).getTime();
  // A date the schema will refuse counts as new: the story is built ahead once the error is fixed.
  return storyBuiltAhead(Number.isFinite(time) ? time : Infinity, new Date(clock), config.rendering);
}

/**
 * The loader context that keeps the content store small: a Markdown story is rendered by the content
 * layer only when `renderedBySync` says so, and is stored without its Markdown either way (its page
 * reads the rendered HTML or the file; a 30,000-story archive otherwise held every text twice). An MDX
 * story keeps its body: it renders with its page.
 */
function leanStore(context: WithEntryTypes): WithEntryTypes {
  const entryTypes = context.entryTypes
    ? new Map(
        [...context.entryTypes].map(([extension, entryType]): [string, EntryTypeLike] => {
          const { getRenderFunction } = entryType;
          if (!getRenderFunction || extension !== '.md') return [extension, entryType];
          return [
            extension,
            {
              ...entryType,
              getRenderFunction: async (astroConfig) => {
                const render = await getRenderFunction(astroConfig);
                return (params) =>
                  renderedBySync(params.data, params.body) ? render(params) : Promise.resolve(undefined);
              },
            },
          ];
        }),
      )
    : undefined;
  const { store } = context;
  const set: typeof store.set = (entry) => {
    const markdownFile = entry.filePath !== undefined && /\.md$/i.test(entry.filePath);
    if (!entry.rendered && !(markdownFile && !entry.deferredRender)) return store.set(entry);
    const { body: _body, ...lean } = entry;
    return store.set(lean);
  };
  const scoped = new Proxy(store, {
    get: (target, key) => {
      if (key === 'set') return set;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  return { ...context, ...(entryTypes && { entryTypes }), store: scoped };
}

/**
 * Loads Markdown and MDX articles. Like Astro's `glob()`, but dates reach the schema as the author
 * wrote them, so `2016-02-30` fails instead of becoming 1 March; and a Markdown story is stored without
 * its body, and without its HTML unless it needs the content layer's image processing, so a 100,000-story
 * archive does not hold every story's text in the content store.
 */
export function articlesLoader({
  base = './src/content/articles',
  pattern = '**/*.{md,mdx}',
}: ArticlesLoaderOptions = {}): Loader {
  const editions = Object.keys(config.editions);
  // Without editions, Astro's own ids; with them, ids that keep an edition's folder (`storyId`).
  const inner = glob({
    base,
    pattern,
    ...(editions.length > 0 ? { generateId: (options) => storyId(options, editions) } : {}),
  });
  return {
    name: 'khabar-articles',
    load: (context) =>
      inner.load({
        ...leanStore(context),
        parseData: withRawDates((props) => context.parseData(props), DATE_FIELDS),
      }),
  };
}

/**
 * Loads site pages («من نحن», «اتصل بنا»): Markdown and MDX files, each published at `/{slug}/` with the
 * theme's layout (the file name is the slug, or the `slug` field). Optional: a site without a `pages`
 * collection has no site pages. Dates reach the schema as the author wrote them, as with articles.
 */
export function pagesLoader({
  base = './src/content/pages',
  pattern = '**/*.{md,mdx}',
}: ArticlesLoaderOptions = {}): Loader {
  const inner = glob({ base, pattern });
  return {
    name: 'khabar-pages',
    load: (context) =>
      inner.load({ ...context, parseData: withRawDates((props) => context.parseData(props), ['updated']) }),
  };
}

/** Loads author profiles (JSON, YAML or Markdown files named by author id). */
export function authorsLoader({
  base = './src/content/authors',
  pattern = '**/*.{json,yaml,yml,md}',
}: ArticlesLoaderOptions = {}): Loader {
  return glob({ base, pattern });
}

/** The article frontmatter schema, with the site's sections and time zone. */
export const articleSchema = ({ image }: SchemaContext) =>
  createArticleSchema({
    image,
    reference,
    sections: config.sections.map((s) => s.slug),
    timeZone: config.timeZone,
  });

/** The site page frontmatter schema, with the site's time zone. */
export const pageSchema = createPageSchema({ timeZone: config.timeZone });

/** The author schema. */
export const authorSchema = ({ image }: SchemaContext) => createAuthorSchema({ image });
