/**
 * The part of a site's `markdown` config that a story rendered from its file needs (`runtime/story-body.ts`):
 * what Astro hands its Markdown processor, as plain data. Plugins are functions and cannot travel into a
 * module; `markdownOptions` says which were left behind, so the integration can warn.
 */
import { EMBEDS_PLUGIN } from './embeds/markdown-plugin.ts';
import { remoteImagesAllowed } from './markdown-images.ts';
import { isKhabarPlugin } from './markdown/plugins.ts';

export interface MarkdownOptions {
  /** The project's root folder: story `filePath`s are relative to it. */
  root: string;
  /**
   * Where Astro's Markdown processor (`@astrojs/markdown-satteri`) is, as a file URL: it loads a native
   * binding next to its files, so the server imports it from there rather than from a bundled copy.
   */
  processorModule: string;
  syntaxHighlight: unknown;
  shikiConfig: unknown;
  gfm: boolean | undefined;
  smartypants: unknown;
  image: unknown;
  /** satteri's features (`markdown.processor.options.features`). */
  features: Record<string, unknown>;
  /**
   * Whether a story rendered from its file comes out as the content layer would render it: true unless
   * the site has Markdown plugins, which are functions and cannot travel.
   */
  portable: boolean;
  /** Whether the site lets Astro process remote pictures (`image.domains`, `image.remotePatterns`). */
  remoteImages: boolean;
}

interface AstroMarkdownConfig {
  syntaxHighlight?: unknown;
  shikiConfig?: unknown;
  gfm?: boolean | undefined;
  smartypants?: unknown;
  remarkPlugins?: readonly unknown[];
  rehypePlugins?: readonly unknown[];
  processor?: { name: string; options?: object };
}

/** Whether a processor plugin is the theme's own (`khabar-embeds`), which the theme re-creates where it renders. */
function isThemePlugin(plugin: unknown): boolean {
  return (
    typeof plugin === 'object' && plugin !== null && (plugin as { name?: unknown }).name === EMBEDS_PLUGIN
  );
}

/** A value as JSON keeps it: functions and undefined dropped. */
function plain(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/**
 * The options to render stories with, and what of the site's config they cannot carry.
 * @example markdownOptions('/site', { processor: { name: 'satteri', options: { features: {} } } }, {}).dropped // []
 */
export function markdownOptions(
  root: string,
  markdown: AstroMarkdownConfig,
  image: unknown,
  processorModule = '',
): { options: MarkdownOptions; dropped: string[] } {
  const dropped: string[] = [];
  const processor = markdown.processor;
  if (processor && processor.name !== 'satteri') dropped.push(`the "${processor.name}" Markdown processor`);
  const processorOptions = (processor?.options ?? {}) as Record<string, unknown>;
  for (const key of ['mdastPlugins', 'hastPlugins'] as const) {
    // The theme's own plugins (lib/markdown/plugins.ts) are added again where a story renders on request.
    const plugins = processorOptions[key];
    // The theme's own steps (lib/markdown/plugins.ts, and the bare-link rule of lib/embeds/markdown-plugin.ts)
    // travel: runtime/story-body.ts adds them again where a story renders on request.
    const theirs = Array.isArray(plugins)
      ? plugins.filter((plugin) => !isThemePlugin(plugin) && !isKhabarPlugin(plugin))
      : [];
    if (theirs.length > 0) dropped.push(`markdown.processor ${key}`);
  }
  if (markdown.remarkPlugins?.length) dropped.push('markdown.remarkPlugins');
  if (markdown.rehypePlugins?.length) dropped.push('markdown.rehypePlugins');
  return {
    options: {
      root,
      processorModule,
      syntaxHighlight: plain(markdown.syntaxHighlight),
      shikiConfig: plain(markdown.shikiConfig),
      gfm: markdown.gfm,
      smartypants: plain(markdown.smartypants),
      image: plain(image),
      features: (plain(processorOptions.features) as Record<string, unknown> | undefined) ?? {},
      portable: dropped.length === 0,
      remoteImages: remoteImagesAllowed(image),
    },
    dropped,
  };
}
