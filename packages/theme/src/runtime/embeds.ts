/**
 * The embeds' settings for the pages: the facade's strings in the site's language, and the poster
 * fetcher while the build prerenders (`virtual:khabar/embeds`; a page rendered on request shows cards,
 * or the posters an earlier build fetched).
 */
import config from 'virtual:khabar/config';
import embeds from 'virtual:khabar/embeds';
import strings from 'virtual:khabar/strings';
import { facadeStringsOf, type FacadeStrings } from '../lib/embeds/facade.ts';
import { embedsMdastPlugin, type EmbedsPluginOptions } from '../lib/embeds/markdown-plugin.ts';
import { posterFetcher } from '../lib/embeds/posters.ts';

export const embedOptions: EmbedsPluginOptions = {
  strings: facadeStringsOf(strings),
  posters: embeds.posters
    ? posterFetcher({
        dir: embeds.posters,
        warn: (message) => {
          console.warn(`[khabar] ${message}`);
        },
      })
    : undefined,
  posterBase: `${config.siteBase}${embeds.path}`,
};

/**
 * The bare-link plugin for stories rendered from their files, when the site keeps the rule on, its
 * facade in the words given (the story's edition's).
 */
export function embedsPluginsFor(strings: FacadeStrings) {
  return embeds.bareLinks ? [embedsMdastPlugin({ ...embedOptions, strings })] : [];
}
