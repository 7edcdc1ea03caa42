/**
 * The sites the benchmark builds from the same generated Markdown: the Khabar theme fully static
 * (`theme`), the theme rendering archive stories on request through the Node adapter, searched on the server
 * (`theme-recent`), and a bare Astro site (no theme, a minimal layout, one `<Image>` per illustrated article) as the floor.
 */
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SECTIONS } from './generator/corpus.ts';

export type SiteKind = 'theme' | 'theme-recent' | 'bare';

/** The days of stories `theme-recent` prerenders (by the build clock); older ones render on request. */
export const RECENT_DAYS = 2;

export interface SiteOptions {
  /**
   * The theme's build clock (its `now` option), an ISO instant. The benchmark pins it just after the
   * newest generated story, so "recent" means the newsroom's last days whatever the machine's date.
   */
  now?: string;
}

const themePackage = fileURLToPath(new URL('../packages/theme/', import.meta.url));

async function write(root: string, path: string, text: string) {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), text);
}

const PACKAGE_JSON =
  JSON.stringify({ name: 'khabar-bench-site', private: true, type: 'module' }, null, 2) + '\n';

/**
 * The theme's astro.config; `theme-recent` adds the Node adapter, the on-demand rendering option and the
 * server's search (an archive's size is what it is for).
 */
function themeConfig(kind: 'theme' | 'theme-recent', { now }: SiteOptions): string {
  const recent = kind === 'theme-recent';
  return `import { defineConfig } from 'astro/config';
${recent ? "import node from '@astrojs/node';\n" : ''}import khabar from 'astro-theme-khabar';

export default defineConfig({
  site: 'https://bench.example',
${recent ? "  adapter: node({ mode: 'standalone' }),\n" : ''}  integrations: [
    khabar({
      title: 'خبر',
      tagline: 'أخبار المنطقة والعالم، بلا ضجيج',
      locale: 'ar-SY',
      digits: 'arab',
      calendar: 'gregorian',
      monthNames: 'both',
      timeZone: 'Asia/Damascus',
      sections: ${JSON.stringify(SECTIONS)},
${now ? `      now: ${JSON.stringify(now)},\n` : ''}${recent ? `      rendering: { prerender: 'recent', recentDays: ${RECENT_DAYS} },\n      search: 'server',\n` : ''}    }),
  ],
});
`;
}

const THEME_CONTENT = `import { defineCollection } from 'astro:content';
import { articlesLoader, articleSchema, authorsLoader, authorSchema } from 'astro-theme-khabar/content';

export const collections = {
  articles: defineCollection({ loader: articlesLoader(), schema: articleSchema }),
  authors: defineCollection({ loader: authorsLoader(), schema: authorSchema }),
};
`;

// Astro's default content store is one JSON string, and at 100,000 stories it no longer fits in one
// ("Invalid string length"): the floor stores its content in chunks, as the theme does.
const BARE_CONFIG = `import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://bench.example',
  experimental: { collectionStorage: 'chunked' },
});
`;

/** The same frontmatter, validated loosely: the floor does no more than a plain Astro blog. */
const BARE_CONTENT = `import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  articles: defineCollection({
    loader: glob({ base: './src/content/articles', pattern: '**/*.md' }),
    schema: ({ image }) =>
      z.object({
        title: z.string(),
        deck: z.string().optional(),
        description: z.string(),
        published: z.coerce.date(),
        section: z.string(),
        tags: z.array(z.string()).default([]),
        authors: z.array(reference('authors')).default([]),
        breaking: z.boolean().default(false),
        image: z.object({ src: image(), alt: z.string(), caption: z.string().optional() }).optional(),
        slug: z.string(),
      }),
  }),
  authors: defineCollection({
    loader: glob({ base: './src/content/authors', pattern: '**/*.json' }),
    schema: ({ image }) => z.object({ name: z.string(), role: z.string(), bio: z.string(), avatar: image() }),
  }),
};
`;

const BARE_LAYOUT = `---
const { title } = Astro.props;
---
<html lang="ar" dir="rtl">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title}</title>
  </head>
  <body>
    <main><slot /></main>
  </body>
</html>
`;

const BARE_ARTICLE = `---
import { getCollection, render } from 'astro:content';
import { Image } from 'astro:assets';
import Layout from '../layouts/Layout.astro';

export async function getStaticPaths() {
  const articles = await getCollection('articles');
  return articles.map((article) => ({ params: { slug: article.data.slug }, props: { article } }));
}
const { article } = Astro.props;
const { Content } = await render(article);
const { title, published, image } = article.data;
---
<Layout title={title}>
  <article>
    <h1>{title}</h1>
    <time datetime={published.toISOString()}>{published.toLocaleDateString('ar')}</time>
    {image && <Image src={image.src} alt={image.alt} width={960} />}
    <Content />
  </article>
</Layout>
`;

const BARE_INDEX = `---
import { getCollection } from 'astro:content';
import Layout from '../layouts/Layout.astro';

const articles = (await getCollection('articles')).sort((a, b) => b.data.published.valueOf() - a.data.published.valueOf());
---
<Layout title="خبر">
  <h1>خبر</h1>
  <ul>
    {articles.slice(0, 20).map((a) => <li><a href={\`/\${a.data.slug}/\`}>{a.data.title}</a></li>)}
  </ul>
</Layout>
`;

/** Writes the site's own files (config, content config, pages); the generator writes the content. */
export async function scaffoldSite(root: string, kind: SiteKind, options: SiteOptions = {}): Promise<void> {
  await rm(root, { recursive: true, force: true });
  await write(root, 'package.json', PACKAGE_JSON);
  if (kind !== 'bare') {
    // `@astrojs/node` resolves from the workspace root, where it is a devDependency.
    await write(root, 'astro.config.mjs', themeConfig(kind, options));
    await write(root, 'src/content.config.ts', THEME_CONTENT);
    // Resolve the theme the way the workspace does for the example: a link to the package.
    await mkdir(join(root, 'node_modules'), { recursive: true });
    await symlink(themePackage, join(root, 'node_modules', 'astro-theme-khabar'), 'dir');
  } else {
    await write(root, 'astro.config.mjs', BARE_CONFIG);
    await write(root, 'src/content.config.ts', BARE_CONTENT);
    await write(root, 'src/layouts/Layout.astro', BARE_LAYOUT);
    await write(root, 'src/pages/[slug].astro', BARE_ARTICLE);
    await write(root, 'src/pages/index.astro', BARE_INDEX);
  }
}
