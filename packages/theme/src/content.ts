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
 *   // Optional: the updates of live stories (`kind: live`), a folder per story.
 *   updates: defineCollection({ loader: updatesLoader(), schema: updateSchema }),
 * };
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { reference, type SchemaContext } from 'astro:content';
import config from 'virtual:khabar/config';
import clock from 'virtual:khabar/clock';
import markdown from 'virtual:khabar/markdown';
import { missingPicture } from './config/files.ts';
import {
  ARTICLES_LOADER_NAME,
  duplicateIdProblem,
  emptyFileProblem,
  encodingProblem,
  sizeWarning,
  STORY_FIELDS,
  yamlProblem,
  type FileProblem,
} from './lib/content-file.ts';
import { DEV_CONTENT_ERRORS, devContentError, type DevContentError } from './lib/dev-errors.ts';
import { storyEdition, storyId } from './lib/editions.ts';
import { recordFileEdition } from './lib/file-editions.ts';
import { updateStoryId } from './lib/newsroom/kinds.ts';
import { rawScalars } from './lib/frontmatter.ts';
import { hasProcessedImages } from './lib/markdown-images.ts';
import { storyBuiltAhead } from './lib/routes.ts';
import { loadFiles } from './loaders/files.ts';
import { createArticleSchema, createAuthorSchema } from './config/article.ts';
import { createPageSchema } from './config/page.ts';
import { createUpdateSchema } from './config/update.ts';
import { userError } from './lib/user-error.ts';

export { createArticleSchema, createAuthorSchema } from './config/article.ts';
export { createPageSchema } from './config/page.ts';
export { createUpdateSchema } from './config/update.ts';

const DATE_FIELDS = ['published', 'updated', 'coverageEnded'] as const;

export interface ArticlesLoaderOptions {
  /** The folder of article files, relative to the project root. */
  base?: string;
  /** Which files are articles. */
  pattern?: string | string[];
}

type LoaderContext = Parameters<Loader['load']>[0];
type ParseData = LoaderContext['parseData'];

/**
 * The files' text as `glob()` read it, from the entry's `getEntryInfo` (which sees it) to its `parseData`
 * (which does not), so a date's text is not read from the file a second time (a second `readFile` of
 * every story in the content sync). Each file's text is held only between the two calls.
 */
class FileContents {
  readonly #held = new Map<string, string>();

  keep(file: string, contents: string): void {
    // An entry whose data did not change is not parsed again (`astro dev`): nothing waits on its text.
    if (this.#held.size >= 1_000) this.#held.clear();
    this.#held.set(file, contents);
  }

  take(file: string): string | undefined {
    const contents = this.#held.get(file);
    this.#held.delete(file);
    return contents;
  }
}

/**
 * The loader context's `parseData` with the date fields as the author typed them: YAML makes
 * `2016-02-30` 1 March, so a date it read is replaced by its text from the file, and the schema fails it.
 */
function withRawDates(parseData: ParseData, fields: readonly string[], read?: FileContents): ParseData {
  return async (props) => {
    if (props.filePath && fields.some((key) => props.data[key] instanceof Date)) {
      const source = read?.take(props.filePath) ?? (await readFile(props.filePath, 'utf8'));
      const raw = rawScalars(source, fields);
      const data: Record<string, unknown> = { ...props.data };
      for (const key of fields) if (data[key] instanceof Date && raw[key]) data[key] = raw[key];
      return parseData({ ...props, data: data as typeof props.data });
    }
    return parseData(props);
  };
}
/** Fails an entry's sync with the problem, located at its file and line (Astro prints both). */
function fail(problem: FileProblem, file: string): never {
  throw userError(problem.message, { loc: { file, line: problem.line, column: problem.column } });
}

/**
 * In `astro dev` (a loader with a watcher), runs one entry's step and, when it fails, prints the message
 * as plain text and hands it to the dev server's overlay (lib/dev-errors.ts); the loader then keeps the
 * entry's last good version. A build fails as it did.
 */
async function reported<T>(
  context: LoaderContext,
  file: string | undefined,
  run: () => Promise<T>,
): Promise<T> {
  if (!context.watcher) return run();
  try {
    return await run();
  } catch (error) {
    const plain = devContentError(error, file);
    const overlay = (globalThis as Record<symbol, ((error: DevContentError) => void) | undefined>)[
      DEV_CONTENT_ERRORS
    ];
    overlay?.(plain);
    throw plain;
  }
}

/** What the checks of an entry's file name it by: its path from the project root. */
function shownPath(context: LoaderContext, file: string): string {
  return relative(fileURLToPath(context.config.root), file) || file;
}

/**
 * The loader context's content types, with their file checks before the frontmatter is read: a file
 * that is not UTF-8, an empty file, frontmatter that is not YAML (with the line), and a file larger
 * than `content.sizeWarning` (a warning).
 */
function checkedEntryTypes(
  context: WithEntryTypes,
  fields: readonly string[],
  read?: FileContents,
): Map<string, EntryTypeLike> | undefined {
  if (!context.entryTypes) return undefined;
  return new Map(
    [...context.entryTypes].map(([extension, entryType]): [string, EntryTypeLike] => {
      const { getEntryInfo } = entryType;
      if (!getEntryInfo || !['.md', '.mdx'].includes(extension)) return [extension, entryType];
      return [
        extension,
        {
          ...entryType,
          getEntryInfo: (params) =>
            reported(context, fileURLToPath(params.fileUrl), async () => {
              const file = fileURLToPath(params.fileUrl);
              const shown = shownPath(context, file);
              const { contents } = params;
              read?.keep(file, contents);
              const encoding = encodingProblem(shown, contents, () => readFileSync(file));
              if (encoding) fail(encoding, file);
              const empty = emptyFileProblem(shown, contents, fields);
              if (empty) fail(empty, file);
              const large = sizeWarning(
                shown,
                Buffer.byteLength(contents, 'utf8'),
                config.content.sizeWarning,
              );
              if (large) context.logger.warn(large);
              try {
                return await getEntryInfo.call(entryType, params);
              } catch (error) {
                // Astro's YAML parser names neither the line nor the field: the `yaml` package does.
                const yaml = yamlProblem(shown, contents);
                if (yaml) fail(yaml, file);
                throw error;
              }
            }),
        },
      ];
    }),
  );
}

/**
 * The store of a loader, refusing a second entry with the id of one from another file that still
 * exists (two stories with the same `slug`): Astro would keep only the later one, with a warning.
 */
function oneFilePerId(context: LoaderContext): LoaderContext['store'] {
  const { store } = context;
  const set: typeof store.set = (entry) => {
    const existing = store.get(entry.id);
    if (existing?.filePath && entry.filePath && existing.filePath !== entry.filePath) {
      if (existsSync(new URL(existing.filePath, context.config.root))) {
        throw userError(duplicateIdProblem(existing.filePath, entry.filePath, entry.id, context.collection), {
          loc: { file: fileURLToPath(new URL(entry.filePath, context.config.root)) },
        });
      }
    }
    return store.set(entry);
  };
  return new Proxy(store, {
    get: (target, key) => {
      if (key === 'set') return set;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

/** The loader context's `parseData`, failing first on a picture file the frontmatter names and that is missing. */
function withPictureFiles(
  context: LoaderContext,
  parseData: ParseData,
  pictures: (data: Record<string, unknown>) => [field: string, src: unknown][],
): ParseData {
  const root = fileURLToPath(context.config.root);
  return (props) => {
    if (props.filePath) {
      for (const [field, src] of pictures(props.data)) {
        const problem = missingPicture(props.filePath, field, src, root);
        if (problem) fail({ message: problem }, props.filePath);
      }
    }
    return parseData(props);
  };
}

/**
 * `parseData`, recording the edition of the entry's file (`lib/file-editions.ts`) just before Astro
 * renders its Markdown, so the processor's steps word it in the story's language.
 */
function withFileEdition(parseData: ParseData, editionOfId: (id: string) => string | undefined): ParseData {
  return (props) => {
    recordFileEdition(props.filePath, editionOfId(props.id));
    return parseData(props);
  };
}

/** `parseData`, reported in `astro dev` (`reported`). */
function inDev(context: LoaderContext, parseData: ParseData): ParseData {
  return (props) => reported(context, props.filePath, () => parseData(props));
}

const storyPicture = (data: Record<string, unknown>): [string, unknown][] => {
  const image = data['image'];
  return image && typeof image === 'object' ? [['image.src', (image as Record<string, unknown>)['src']]] : [];
};

type RenderFunction = (params: { data: Record<string, unknown>; body?: string }) => Promise<unknown>;
/** How Astro hands `glob()` the content types (not in the public loader context's type). */
interface EntryTypeLike {
  getRenderFunction?: (config: unknown) => Promise<RenderFunction>;
  getEntryInfo?: (params: { fileUrl: URL; contents: string }) => unknown;
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
  // Without editions, Astro's own ids (which `storyId` computes the same way); with them, ids that keep
  // an edition's folder.
  const generateId = (options: { entry: string; data: Record<string, unknown> }) =>
    storyId(options, editions);
  const inner = glob({ base, pattern, ...(editions.length > 0 ? { generateId } : {}) });
  // A build reads the files itself (loaders/files.ts); `astro dev` keeps `glob()` and its watcher.
  const load: Loader['load'] = (context) =>
    context.watcher
      ? inner.load(context)
      : loadFiles(
          { base, pattern, generateId, idRules: JSON.stringify([editions, String(storyId)]) },
          context,
        );
  return {
    name: ARTICLES_LOADER_NAME,
    load: (context) => {
      const read = new FileContents();
      const entryTypes = checkedEntryTypes(context, STORY_FIELDS, read);
      const checked: WithEntryTypes = {
        ...context,
        store: oneFilePerId(context),
        ...(entryTypes && { entryTypes }),
      };
      return load({
        ...leanStore(checked),
        parseData: inDev(
          context,
          withFileEdition(
            withPictureFiles(
              context,
              withRawDates((props) => context.parseData(props), DATE_FIELDS, read),
              storyPicture,
            ),
            (id) => storyEdition(id, editions),
          ),
        ),
      });
    },
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
  const editions = Object.keys(config.editions);
  // An edition's pages are in its folder (`pages/en/about.md`), which their ids keep, as stories' do.
  const inner = glob({
    base,
    pattern,
    ...(editions.length > 0 ? { generateId: (options) => storyId(options, editions) } : {}),
  });
  return {
    name: 'khabar-pages',
    load: (context) => {
      const read = new FileContents();
      const entryTypes = checkedEntryTypes(context, ['title'], read);
      return inner.load({
        ...context,
        store: oneFilePerId(context),
        ...(entryTypes && { entryTypes }),
        parseData: inDev(
          context,
          withRawDates((props) => context.parseData(props), ['updated'], read),
        ),
      });
    },
  };
}

/** Loads author profiles (JSON, YAML or Markdown files named by author id). */
export function authorsLoader({
  base = './src/content/authors',
  pattern = '**/*.{json,yaml,yml,md}',
}: ArticlesLoaderOptions = {}): Loader {
  const inner = glob({ base, pattern });
  return {
    name: 'khabar-authors',
    load: (context) =>
      inner.load({
        ...context,
        parseData: withPictureFiles(
          context,
          (props) => context.parseData(props),
          (data) => ('avatar' in data ? [['avatar', data['avatar']]] : []),
        ),
      }),
  };
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

/**
 * Loads the updates of live stories: Markdown files in a folder per story,
 * `src/content/updates/<story id>/<any name>.md`, each with a `time` (and optionally a `title` and an
 * `author`). Optional: a site without an `updates` collection has no live updates. Markdown only, so
 * each update's HTML is in the content store for the live page's JSON file.
 */
export function updatesLoader({
  base = './src/content/updates',
  pattern = '**/*.md',
}: ArticlesLoaderOptions = {}): Loader {
  const inner = glob({ base, pattern });
  const editions = Object.keys(config.editions);
  return {
    name: 'khabar-updates',
    load: (context) =>
      inner.load({
        ...context,
        // An update is worded in its story's edition (`updates/en/<story>/…`).
        parseData: withFileEdition(
          withRawDates((props) => context.parseData(props), ['time']),
          (id) => storyEdition(updateStoryId(id), editions),
        ),
      }),
  };
}

/** The live update frontmatter schema, with the site's time zone. */
export const updateSchema = createUpdateSchema({ reference, timeZone: config.timeZone });
