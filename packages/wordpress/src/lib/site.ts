/** The files of a new Khabar site around the imported content: pure functions of the import's facts. */
import type { Section } from './taxonomy.ts';

export interface SiteFacts {
  title: string;
  siteUrl: string;
  locale: string;
  /** An IANA zone for the theme's `timeZone`. */
  timeZone: string;
  sections: readonly Section[];
  /** Version ranges of the packages the site depends on. */
  versions: { astro: string; theme: string; comments: string; sharp: string };
}

/** The theme wants an IANA zone: a whole-hour offset becomes `Etc/GMT∓N` (whose sign is reversed). */
export function ianaZone(zone: string): string {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(zone);
  if (!match) return zone;
  const hours = Number(match[2]);
  if (match[3] !== '00' || hours === 0) return 'UTC';
  return `Etc/GMT${match[1] === '+' ? '-' : '+'}${hours}`;
}

/** The name of the site's package, from its title when that is Latin, else `khabar-newsroom`. */
function packageName(title: string): string {
  const name = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name || 'khabar-newsroom';
}

export function sitePackageJson(facts: SiteFacts): string {
  return `${JSON.stringify(
    {
      name: packageName(facts.title),
      private: true,
      type: 'module',
      engines: { node: '>=22.12.0' },
      scripts: { dev: 'astro dev', build: 'astro build', preview: 'astro preview' },
      dependencies: {
        astro: facts.versions.astro,
        'astro-theme-khabar': facts.versions.theme,
        'khabar-comments': facts.versions.comments,
        sharp: facts.versions.sharp,
      },
    },
    null,
    2,
  )}\n`;
}

export function astroConfig(facts: SiteFacts): string {
  const sections = facts.sections.map((section) => `        ${JSON.stringify(section)},`).join('\n');
  return `// @ts-check
import { defineConfig } from 'astro/config';
import khabar from 'astro-theme-khabar';
// Every old WordPress address and its new page (written by khabar-wordpress; public/_redirects and
// khabar-redirects.map hold the same for Netlify, Cloudflare Pages and nginx).
import redirects from './src/redirects.mjs';

export default defineConfig({
  site: ${JSON.stringify(facts.siteUrl)},
  redirects,
  // The stories' text as WordPress kept it: straight quotes stay straight (Astro would curl them).
  markdown: { smartypants: false },
  integrations: [
    khabar({
      title: ${JSON.stringify(facts.title)},
      locale: ${JSON.stringify(facts.locale)},
      timeZone: ${JSON.stringify(facts.timeZone)},
      sections: [
${sections}
      ],
      comments: {
        // Where the comment form posts: run \`khabar-comments serve\` there (see its README).
        endpoint: process.env.KHABAR_COMMENTS_ENDPOINT ?? '/api/comments/',
        dir: 'comments',
      },
    }),
  ],
});
`;
}

export const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import {
  articlesLoader,
  articleSchema,
  authorsLoader,
  authorSchema,
  pagesLoader,
  pageSchema,
} from 'astro-theme-khabar/content';
import { commentsLoader } from 'khabar-comments/loader';

export const collections = {
  articles: defineCollection({ loader: articlesLoader(), schema: articleSchema }),
  authors: defineCollection({ loader: authorsLoader(), schema: authorSchema }),
  // The site's pages (WordPress pages), at /{slug}/ and linked from the footer.
  pages: defineCollection({ loader: pagesLoader(), schema: pageSchema }),
  // Approved comments only, from the store the comments options name (comments/comments.db).
  comments: defineCollection({ loader: commentsLoader({ dir: 'comments' }) }),
};
`;

export const GITIGNORE = `node_modules/
dist/
.astro/
.env
# Comments, with their private half (e-mail and addresses), are for the moderator, not the repository:
# the receiver and the build read comments/comments.db; back it up (see khabar-comments' docs).
comments/comments.db
comments/comments.db-*
comments/private/
`;
