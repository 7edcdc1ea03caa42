/**
 * What a site wires into `src/content.config.ts`:
 *
 * @example
 * import { defineCollection } from 'astro:content';
 * import { articlesLoader, articleSchema, authorsLoader, authorSchema } from 'astro-theme-khabar/content';
 * export const collections = {
 *   articles: defineCollection({ loader: articlesLoader(), schema: articleSchema }),
 *   authors: defineCollection({ loader: authorsLoader(), schema: authorSchema }),
 * };
 */
import { readFile } from 'node:fs/promises';
import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { reference, type SchemaContext } from 'astro:content';
import config from 'virtual:khabar/config';
import clock from 'virtual:khabar/clock';
import { rawScalars } from './lib/frontmatter.ts';
import { storyBuiltAhead } from './lib/routes.ts';
import { createArticleSchema, createAuthorSchema } from './config/article.ts';

export { createArticleSchema, createAuthorSchema } from './config/article.ts';

const DATE_FIELDS = ['published', 'updated'] as const;

export interface ArticlesLoaderOptions {
  /** The folder of article files, relative to the project root. */
  base?: string;
  /** Which files are articles. */
  pattern?: string | string[];
}

type LoaderContext = Parameters<Loader['load']>[0];
type RenderFunction = (params: { data: Record<string, unknown> }) => Promise<unknown>;
/** How Astro hands `glob()` the content types (not in the public loader context's type). */
interface EntryTypeLike {
  getRenderFunction?: (config: unknown) => Promise<RenderFunction>;
}
type WithEntryTypes = LoaderContext & { entryTypes?: Map<string, EntryTypeLike> };

/**
 * Whether a story is rendered on request, so the content store keeps only its frontmatter
 * (`rendering.prerender`): every story with `'none'`, those older than `recentDays` with `'recent'`.
 * Its page and the search index render its body from its file (`runtime/story-body.ts`).
 */
function keptWithoutBody(published: unknown): boolean {
  const time = new Date(
    published instanceof Date || typeof published === 'string' ? published : NaN,
  ).getTime();
  // A date the schema will refuse counts as new: the entry keeps its body until the error is fixed.
  return !storyBuiltAhead(Number.isFinite(time) ? time : Infinity, new Date(clock), config.rendering);
}

/**
 * The loader context that keeps the content store small: a Markdown story is stored without its
 * Markdown once it is rendered (its page reads the rendered HTML; a 30,000-story archive otherwise held
 * every text twice), and a story rendered on request is neither rendered nor stored with its body.
 * An MDX story keeps its body: it renders with its page.
 */
function leanStore(context: WithEntryTypes): WithEntryTypes {
  const onDemand = config.rendering.prerender !== 'all';
  const entryTypes =
    onDemand && context.entryTypes
      ? new Map(
          [...context.entryTypes].map(([extension, entryType]): [string, EntryTypeLike] => {
            const { getRenderFunction } = entryType;
            if (!getRenderFunction) return [extension, entryType];
            return [
              extension,
              {
                ...entryType,
                getRenderFunction: async (astroConfig) => {
                  const render = await getRenderFunction(astroConfig);
                  return (params) =>
                    keptWithoutBody(params.data['published']) ? Promise.resolve(undefined) : render(params);
                },
              },
            ];
          }),
        )
      : context.entryTypes;
  const { store } = context;
  const set: typeof store.set = (entry) => {
    const withoutBody = entry.rendered
      ? true
      : !entry.deferredRender && keptWithoutBody(entry.data['published']);
    if (!withoutBody) return store.set(entry);
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
 * wrote them, so `2016-02-30` fails instead of becoming 1 March; and a story rendered on request
 * (`rendering.prerender`) is kept without its body, so a 100,000-story archive does not hold every
 * story's text in the content store.
 */
export function articlesLoader({
  base = './src/content/articles',
  pattern = '**/*.{md,mdx}',
}: ArticlesLoaderOptions = {}): Loader {
  const inner = glob({ base, pattern });
  return {
    name: 'khabar-articles',
    load: (context) =>
      inner.load({
        ...leanStore(context),
        parseData: async (props) => {
          if (props.filePath && DATE_FIELDS.some((key) => props.data[key] instanceof Date)) {
            const raw = rawScalars(await readFile(props.filePath, 'utf8'), DATE_FIELDS);
            const data: Record<string, unknown> = { ...props.data };
            for (const key of DATE_FIELDS) if (data[key] instanceof Date && raw[key]) data[key] = raw[key];
            return context.parseData({ ...props, data: data as typeof props.data });
          }
          return context.parseData(props);
        },
      }),
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

/** The author schema. */
export const authorSchema = ({ image }: SchemaContext) => createAuthorSchema({ image });
