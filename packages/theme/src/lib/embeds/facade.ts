/**
 * The static facade of an embed: a link to the post or video on its platform, with its title and, when
 * one was fetched at build time, a poster served from the site itself. Nothing in it comes from the
 * platform: the frame's address waits in `data-frame` until the reader clicks (scripts/embed-consent.ts).
 * One function writes it for the `<Embed>` component and for a bare link in Markdown
 * (`markdown-plugin.ts`), so both are the same markup; a video carries its `VideoObject` beside it.
 */
import { escapeAttribute, escapeText } from '../escape.ts';
import { serializeJsonLd } from '../seo/json-ld.ts';
import type { EmbedTarget, Platform } from './platforms.ts';

/** The UI strings a facade shows (translations/*.json). */
export interface FacadeStrings {
  /** «اعرض المحتوى من {platform}». */
  load: string;
  /** «لا يُحمَّل شيء من {platform} قبل أن تنقر…». */
  consent: string;
  /** «افتحه على {platform}». */
  open: string;
  /** Each platform's name as readers know it. */
  platforms: Readonly<Record<Platform, string>>;
}

export interface FacadeOptions {
  /** The title the author gave, or the platform's (fetched with the poster); else the address is shown. */
  title?: string | undefined;
  /** The poster's address on this site (fetched at build time), with its size. */
  poster?: { src: string; width: number; height: number } | undefined;
  /** The platform's own poster address, for the `VideoObject` (data, never loaded by the page). */
  thumbnailUrl?: string | undefined;
  strings: FacadeStrings;
}

const fill = (template: string, platform: string) => template.replaceAll('{platform}', platform);

/**
 * The facade's HTML for one embed.
 * @example embedFacadeHtml(parseEmbedUrl('https://youtu.be/dQw4w9WgXcQ')!, { strings }) // '<figure class="khabar-embed" …'
 */
export function embedFacadeHtml(target: EmbedTarget, options: FacadeOptions): string {
  const { strings, title, poster } = options;
  const name = strings.platforms[target.platform];
  const heading = title
    ? `<span class="khabar-embed__title" dir="auto">${escapeText(title)}</span>`
    : `<span class="khabar-embed__title" dir="ltr">${escapeText(target.url)}</span>`;
  const image = poster
    ? `<img class="khabar-embed__poster" src="${escapeAttribute(poster.src)}" alt="" width="${poster.width}" height="${poster.height}" loading="lazy" decoding="async">`
    : '';
  const jsonLd = target.video
    ? `<script type="application/ld+json">${serializeJsonLd(videoObject(target, options))}</script>`
    : '';
  // The click-to-load wording waits in data attributes for the script: a feed keeps the markup without
  // attributes or script, and shows the link alone.
  return (
    `<figure class="khabar-embed" data-khabar-embed data-platform="${target.platform}"` +
    ` data-frame="${escapeAttribute(target.frame)}" data-title="${escapeAttribute(title ?? name)}"` +
    ` data-load="${escapeAttribute(fill(strings.load, name))}" data-consent="${escapeAttribute(fill(strings.consent, name))}">` +
    `<a class="khabar-embed__facade" href="${escapeAttribute(target.url)}" rel="noopener">` +
    image +
    `<span class="khabar-embed__body"><span class="khabar-embed__platform">${escapeText(name)}</span>` +
    heading +
    `<span class="khabar-embed__action">${escapeText(fill(strings.open, name))}</span></span></a>` +
    jsonLd +
    `</figure>`
  );
}

/** A video's structured data: what it is and where it plays (schema.org `VideoObject`). */
export function videoObject(target: EmbedTarget, options: Pick<FacadeOptions, 'title' | 'thumbnailUrl'>) {
  const thumbnail = options.thumbnailUrl ?? (target.poster?.kind === 'image' ? target.poster.url : undefined);
  return {
    '@context': 'https://schema.org',
    '@type': 'VideoObject',
    name: options.title ?? target.url,
    url: target.url,
    embedUrl: target.player,
    ...(thumbnail ? { thumbnailUrl: thumbnail } : {}),
  };
}

/** The facade's strings from the site's UI strings. */
export function facadeStringsOf(strings: Readonly<Record<string, string>>): FacadeStrings {
  const of = (id: string) => strings[id] ?? id;
  return {
    load: of('embed.load'),
    consent: of('embed.consent'),
    open: of('embed.open'),
    platforms: {
      youtube: of('embed.youtube'),
      vimeo: of('embed.vimeo'),
      x: of('embed.x'),
      facebook: of('embed.facebook'),
      instagram: of('embed.instagram'),
      tiktok: of('embed.tiktok'),
      soundcloud: of('embed.soundcloud'),
    },
  };
}
