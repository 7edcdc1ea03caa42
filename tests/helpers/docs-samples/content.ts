import { createRequire } from 'node:module';
import { z } from 'astro/zod';
import { createArticleSchema, createAuthorSchema } from '../../../packages/theme/src/config/article.ts';
import { createPageSchema } from '../../../packages/theme/src/config/page.ts';
import { rawScalars } from '../../../packages/theme/src/lib/frontmatter.ts';

/** Content files: article and author samples, checked against the theme's content schemas. */

const yaml = createRequire(import.meta.resolve('astro/package.json'))('js-yaml') as {
  load: (text: string) => unknown;
};
/** The example newsroom's sections, which an article sample may name. */
export const EXAMPLE_SECTIONS = ['politics', 'economy', 'sports', 'culture', 'technology'];
export const articleSchema = createArticleSchema({
  image: () => z.string(),
  reference: () => z.string(),
  sections: EXAMPLE_SECTIONS,
  timeZone: 'Asia/Damascus',
});
export const authorSchema = createAuthorSchema({ image: () => z.string() });
export const pageSchema = createPageSchema({ timeZone: 'Asia/Damascus' });

/** Parses an article sample the way the theme's loader does: YAML, with dates as typed. */
export function articleFrontmatter(code: string): unknown {
  const match = /^---\n([\s\S]*?)\n---/.exec(code);
  if (!match?.[1]) throw new Error('no frontmatter');
  const data = yaml.load(match[1]) as Record<string, unknown>;
  return { ...data, ...rawScalars(code, ['published', 'updated']) };
}
