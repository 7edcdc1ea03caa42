/**
 * Adds the theme's Markdown steps (`lib/markdown/plugins.ts`) and code colours (`lib/markdown/code-themes.ts`)
 * to the site's Markdown processor in `astro:config:setup`. Sätteri's options are read when Astro creates
 * its renderer, after every integration's setup, so the theme writes them in place, as Sätteri invites
 * integrations to.
 */
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { codeThemes } from '../lib/markdown/code-themes.ts';
import {
  khabarHastPlugins,
  withFootnoteWords,
  type Features,
  type FootnoteWords,
  type FootnoteWordsOf,
  type HastPlugin,
} from '../lib/markdown/plugins.ts';

/** Updates the site's Markdown config; returns the Shiki config stories rendered on request use. */
export function setupMarkdown(
  markdown: AstroConfig['markdown'],
  words: FootnoteWords,
  updateConfig: (config: { markdown: Record<string, unknown> }) => unknown,
  logger: AstroIntegrationLogger,
  /** An edition's story's footnote words (`lib/file-editions.ts` knows each file's edition). */
  wordsOf?: FootnoteWordsOf,
): AstroConfig['markdown']['shikiConfig'] {
  const themes = codeThemes(markdown.shikiConfig);
  if (themes) updateConfig({ markdown: { shikiConfig: themes } });
  const processor = markdown.processor as { name: string; options: Record<string, unknown> } | undefined;
  if (processor?.name === 'satteri') {
    const options = processor.options as { hastPlugins?: HastPlugin[]; features?: Features };
    options.hastPlugins = [...(options.hastPlugins ?? []), ...khabarHastPlugins(words, wordsOf)];
    options.features = withFootnoteWords(options.features ?? {}, words);
  } else if (processor) {
    logger.warn(
      `The "${processor.name}" Markdown processor is not Sätteri, Astro's own: code blocks, signed numbers and footnotes in stories will not get the theme's right-to-left fixes (docs/en/content.md).`,
    );
  }
  return { ...markdown.shikiConfig, ...themes };
}
