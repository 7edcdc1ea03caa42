/**
 * What `KhabarPage` shows, from its props or, as the layout of a Markdown or MDX page, from the page's
 * frontmatter: props win, so an `.astro` page may pass its own. A page without a title fails the build,
 * naming the page.
 */
import { userError } from './user-error.ts';

/** The frontmatter fields of a Markdown or MDX page that `KhabarPage` reads. */
export interface PageFrontmatter {
  title?: unknown;
  description?: unknown;
  updated?: unknown;
  noindex?: unknown;
}

export interface KhabarPageInput {
  title?: string | undefined;
  description?: string | undefined;
  updated?: Date | string | undefined;
  noindex?: boolean | undefined;
  frontmatter?: PageFrontmatter | undefined;
}

export interface KhabarPageProps {
  title: string;
  description: string | undefined;
  updated: Date | undefined;
  noindex: boolean;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim().replace(/\s+/g, ' ') : undefined;

/**
 * The page's title, description, update and indexing, for the page at `where` (its file or path).
 * @example pageProps({ frontmatter: { title: 'شروط الاستخدام' } }, 'src/pages/terms.md').title // 'شروط الاستخدام'
 */
export function pageProps(input: KhabarPageInput, where: string): KhabarPageProps {
  const { frontmatter = {} } = input;
  const title = text(input.title) ?? text(frontmatter.title);
  if (!title) {
    throw userError(
      `KhabarPage (${where}) has no title: write title="…" on <KhabarPage> in an .astro page, or title: "…" in the frontmatter of a Markdown or MDX page.`,
    );
  }
  const rawUpdated = input.updated ?? frontmatter.updated;
  let updated: Date | undefined;
  if (rawUpdated instanceof Date || typeof rawUpdated === 'string') {
    updated = rawUpdated instanceof Date ? rawUpdated : new Date(rawUpdated);
    if (Number.isNaN(updated.getTime())) {
      throw userError(
        `KhabarPage (${where}): updated is ${JSON.stringify(rawUpdated)}, which is not a date. Write it as "2016-12-01" or "2016-12-01T14:20:00+02:00".`,
      );
    }
  }
  return {
    title,
    description: text(input.description) ?? text(frontmatter.description),
    updated,
    noindex: input.noindex ?? frontmatter.noindex === true,
  };
}
