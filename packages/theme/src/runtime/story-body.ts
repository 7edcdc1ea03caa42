/**
 * A story's body as HTML, whichever way the story was loaded: the HTML the content layer rendered at
 * build time, or — for an archive story the loader kept without its body (`rendering.prerender` other than
 * `'all'`) — its Markdown file read and rendered now, with the site's Markdown processor options
 * (`virtual:khabar/markdown`). The on-demand article page and the search index both read bodies here.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import markdown from 'virtual:khabar/markdown';
import { facadeStringsOf } from '../lib/embeds/facade.ts';
import { storyEdition, type EditionKey } from '../lib/editions.ts';
import { stripFrontmatter } from '../lib/frontmatter.ts';
import { khabarHastPlugins, withFootnoteWords } from '../lib/markdown/plugins.ts';
import { footnoteWords } from '../lib/markdown/words.ts';
import { edition, EDITION_KEYS } from './edition.ts';
import { embedsPluginsFor } from './embeds.ts';
import type { Article } from './articles.ts';

type Renderer = {
  render(source: string, options: { frontmatter: Record<string, unknown> }): Promise<{ code: string }>;
};

/** A renderer per edition: its steps word what they add (footnotes, embeds) in the edition's language. */
const renderers = new Map<EditionKey, Promise<Renderer>>();

type Satteri = typeof import('@astrojs/markdown-satteri');
/** The processor's package, imported by name (not bundled) when the build's copy is not there. */
const PROCESSOR: string = '@astrojs/markdown-satteri';

/**
 * Astro's Markdown processor, from where the build found it (it loads a native binding beside its own
 * files, so it cannot be bundled), else as the server's dependencies resolve it.
 */
async function processor(): Promise<Satteri> {
  try {
    return (await import(/* @vite-ignore */ markdown.processorModule)) as Satteri;
  } catch {
    return import(/* @vite-ignore */ PROCESSOR) as Promise<Satteri>;
  }
}

/**
 * Astro's Markdown processor (satteri), with the options the site's astro.config gave it, for the stories
 * of an edition.
 */
function markdownRenderer(key: EditionKey): Promise<Renderer> {
  const cached = renderers.get(key);
  if (cached) return cached;
  const { config, strings } = edition(key);
  const words = footnoteWords(config, strings);
  // What Astro's content layer hands its processor (gfm and smartypants as the site set them, if at all).
  const shared: Record<string, unknown> = {
    image: markdown.image,
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: markdown.gfm,
    smartypants: markdown.smartypants,
  };
  const renderer = processor().then(
    ({ satteri }) =>
      // The theme's Markdown steps, as the integration added them to the build's processor, and its
      // bare-link rule: both are the theme's modules, not functions of the site's config.
      satteri({
        features: withFootnoteWords(markdown.features, words),
        hastPlugins: khabarHastPlugins(words),
        mdastPlugins: embedsPluginsFor(facadeStringsOf(strings)),
      }).createRenderer(
        shared as Parameters<ReturnType<typeof satteri>['createRenderer']>[0],
      ) as Promise<Renderer>,
  );
  renderers.set(key, renderer);
  return renderer;
}

/** Where a story's file is: `filePath` is relative to the project's root (overridable with KHABAR_ROOT). */
function sourceFile(filePath: string): string {
  if (isAbsolute(filePath)) return filePath;
  return join(process.env.KHABAR_ROOT ?? markdown.root, filePath);
}

/**
 * Whether the story's page renders its body from its Markdown file: a Markdown story stored without
 * its HTML (`content.ts`). Any other story renders with Astro's `render()`.
 */
export function renderedFromFile(article: Article): boolean {
  return !article.rendered && /\.md$/i.test(article.filePath ?? '');
}

/**
 * The Markdown file that alone holds a story's body (its entry keeps no body), as an absolute path:
 * what the server's search index reads in its worker instead of the build's main thread.
 */
export function storyFile(article: Article): string | undefined {
  if (article.body !== undefined || !article.filePath || !/\.md$/i.test(article.filePath)) return undefined;
  return sourceFile(article.filePath);
}

/** The story's Markdown as its file holds it, without the frontmatter (`undefined` for MDX and files it cannot read). */
export async function storySource(article: Article): Promise<string | undefined> {
  if (article.body !== undefined) return article.body;
  const file = storyFile(article);
  return file === undefined ? undefined : stripFrontmatter(await readFile(file, 'utf8'));
}

/** Whether `storyHtml` can give the story's body (not an MDX story, which renders with its page), without reading it. */
export function hasStoryHtml(article: Article): boolean {
  if (article.rendered?.html !== undefined) return true;
  if (article.filePath) return /\.md$/i.test(article.filePath);
  return article.body !== undefined;
}

/**
 * The story's body as HTML: rendered at build time when the entry carries it, else rendered from its
 * Markdown file now. `undefined` when neither can be had (an MDX story renders with its page). `source`,
 * when the caller has read it already (`storySource`), is not read again.
 */
export async function storyHtml(article: Article, source?: string): Promise<string | undefined> {
  if (article.rendered?.html !== undefined) return article.rendered.html;
  // An MDX story keeps its source in `body`, but it is not Markdown: it renders with its page.
  if (article.filePath && !/\.md$/i.test(article.filePath)) return undefined;
  const markdownSource = source ?? (await storySource(article));
  if (markdownSource === undefined) return undefined;
  const renderer = await markdownRenderer(storyEdition(article.id, EDITION_KEYS));
  const { code } = await renderer.render(markdownSource, { frontmatter: {} });
  return code;
}
