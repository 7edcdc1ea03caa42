import { z } from 'astro/zod';

/** Video and social embeds: the facades of `<Embed>` and of a bare link on its own line in Markdown. */
export const EmbedsSchema = () =>
  z
    .object({
      /**
       * Fetch each video's poster (YouTube, Vimeo) and title once at build time, into the build's cache,
       * so the facade shows them from the site itself. Off, or when the fetch fails (no network), the
       * embed shows as a card. Nothing is fetched from a platform by a reader's browser before the click.
       * @example embeds: { posters: false }
       */
      posters: z.boolean().default(true),
      /**
       * Turn a link alone on its line in a Markdown story into an embed, when it points at a post or video
       * of YouTube, Vimeo, X, Facebook, Instagram, TikTok or SoundCloud.
       * @example embeds: { bareLinks: false }
       */
      bareLinks: z.boolean().default(true),
    })
    .strict()
    .default({ posters: true, bareLinks: true });
