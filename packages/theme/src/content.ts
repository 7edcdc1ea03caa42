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
import { rawScalars } from './lib/frontmatter.ts';
import { createArticleSchema, createAuthorSchema } from './config/article.ts';

export { createArticleSchema, createAuthorSchema } from './config/article.ts';

const DATE_FIELDS = ['published', 'updated'] as const;

export interface ArticlesLoaderOptions {
  /** The folder of article files, relative to the project root. */
  base?: string;
  /** Which files are articles. */
  pattern?: string | string[];
}

/**
 * Loads Markdown and MDX articles. Like Astro's `glob()`, but dates reach the schema as the author
 * wrote them, so `2016-02-30` fails instead of becoming 1 March.
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
        ...context,
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
