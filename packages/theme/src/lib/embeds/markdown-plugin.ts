/**
 * The bare-link rule for Markdown stories, as a plugin of Astro's Markdown processor (Sätteri, whose mdast
 * plugins are remark's counterpart): a paragraph holding nothing but a link whose text is its own address
 * (`https://youtu.be/…` on its own line) becomes the embed's facade, when the address is a post or video of
 * a platform the theme knows (`platforms.ts`). Any other link stays a link. MDX stories use `<Embed>`.
 */
import { embedFacadeHtml, type FacadeStrings } from './facade.ts';
import { parseEmbedUrl, type EmbedTarget } from './platforms.ts';
import type { PosterFetcher } from './posters.ts';

/** The part of an mdast paragraph the rule reads (Sätteri hands the plugin mdast nodes). */
interface Paragraph {
  type: 'paragraph';
  children: readonly { type: string; url?: string }[];
}
interface PluginContext {
  readonly sourceFormat: string;
  /** The file being rendered (Sätteri's `fileURL`, which Astro gives it), when there is one. */
  readonly fileURL?: URL | undefined;
  textContent(node: unknown): string;
}

/** The plugin's shape, as Sätteri's `MdastPluginDefinition` declares it (the theme does not import Sätteri's types). */
export interface EmbedsMdastPlugin {
  name: 'khabar-embeds';
  paragraph(node: Paragraph, ctx: PluginContext): Promise<{ raw: string; mdxExpressions: false } | undefined>;
}

export interface EmbedsPluginOptions {
  /** The facade's words: the site's language's. */
  strings: FacadeStrings;
  /**
   * The words for the file being rendered, when its story is in another language (an English edition's
   * story reads «Open it on YouTube»); `undefined` keeps `strings`.
   */
  stringsOf?: ((fileURL: URL | undefined) => FacadeStrings | undefined) | undefined;
  /** Posters fetched at build time; none when absent (the embed shows as a card). */
  posters?: PosterFetcher | undefined;
  /** Where the site serves the posters from (`{base}_khabar/embeds/`). */
  posterBase: string;
}

/** The name the plugin goes by in the processor's list, so the theme can tell it from a site's own. */
export const EMBEDS_PLUGIN = 'khabar-embeds';

/**
 * Whether a link's text is its address, as a bare URL (autolink or GFM literal) reads.
 * @example isBareLink('youtu.be/x', 'http://youtu.be/x') // true
 */
export function isBareLink(text: string, url: string): boolean {
  const plain = text.trim();
  return plain === url || `http://${plain}` === url || `https://${plain}` === url;
}

/** The embed a paragraph stands for, if it is a bare link to a known platform. */
export function bareEmbed(paragraph: Paragraph, textOf: (node: unknown) => string): EmbedTarget | undefined {
  if (paragraph.children.length !== 1) return undefined;
  const [link] = paragraph.children;
  if (link?.type !== 'link' || !link.url || !isBareLink(textOf(link), link.url)) return undefined;
  return parseEmbedUrl(link.url);
}

/** The facade's HTML for an embed, with its poster and title when the fetcher has them. */
export async function facadeFor(
  target: EmbedTarget,
  options: EmbedsPluginOptions,
  title?: string,
): Promise<string> {
  const info = options.posters ? await options.posters.get(target) : {};
  return embedFacadeHtml(target, {
    strings: options.strings,
    title: title ?? info.title,
    thumbnailUrl: info.thumbnailUrl,
    poster:
      info.file && info.width && info.height
        ? { src: `${options.posterBase}${info.file}`, width: info.width, height: info.height }
        : undefined,
  });
}

/** The plugin: Markdown only (in MDX, the facade's HTML would be read as JSX). */
export function embedsMdastPlugin(options: EmbedsPluginOptions): EmbedsMdastPlugin {
  return {
    name: EMBEDS_PLUGIN,
    async paragraph(node, ctx) {
      if (ctx.sourceFormat !== 'markdown') return undefined;
      const target = bareEmbed(node, (child) => ctx.textContent(child));
      if (!target) return undefined;
      const strings = options.stringsOf?.(ctx.fileURL) ?? options.strings;
      return { raw: await facadeFor(target, { ...options, strings }), mdxExpressions: false };
    },
  };
}

/**
 * Whether a Markdown story has a bare link the plugin turns into an embed, read line by line from its
 * source (a line holding only a known platform's address): the page then carries the click-to-load
 * script. A line inside a code block may count too; the script then finds no embed and does nothing.
 */
export function hasBareEmbeds(markdown: string): boolean {
  return markdown.split('\n').some((line) => {
    const text = line.trim().replace(/^<(.+)>$/, '$1');
    return (
      /^(?:https?:\/\/|www\.)\S+$/.test(text) &&
      parseEmbedUrl(text.startsWith('www.') ? `https://${text}` : text) !== undefined
    );
  });
}
