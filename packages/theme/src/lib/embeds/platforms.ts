/**
 * Which platform a link points at, and what the theme needs to show it without loading anything from
 * that platform: its id, the canonical address (the facade's link, which works without JavaScript), the
 * frame the reader's click loads, and — where the platform offers one without an API key — a poster
 * picture to fetch at build time. Addresses are read with the WHATWG URL parser; the hosts and paths each
 * platform uses are the table below, written here because no maintained library covers these seven
 * platforms' URL shapes without also loading their scripts (oEmbed providers want a request per link).
 */

export const PLATFORMS = ['youtube', 'vimeo', 'x', 'facebook', 'instagram', 'tiktok', 'soundcloud'] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface EmbedTarget {
  platform: Platform;
  /** The platform's own id of the video or post (for SoundCloud and Facebook, its path). */
  id: string;
  /** The address readers follow without JavaScript, or before they agree to load the platform. */
  url: string;
  /** The frame the click loads (for YouTube on youtube-nocookie.com), playing at once where it can. */
  frame: string;
  /** The player's address without autoplay: the `embedUrl` of a video's structured data. */
  player: string;
  /** A video (YouTube, Vimeo, TikTok, a Facebook video): described to search engines as a `VideoObject`. */
  video: boolean;
  /** Where a poster picture can be had without an API key, fetched at build time (`embeds.posters`). */
  poster?: { kind: 'image'; url: string } | { kind: 'oembed'; url: string } | undefined;
}

/**
 * The hosts each platform's frames come from, for a site's Content-Security-Policy `frame-src` (the theme
 * sends none; a site that does lists these so the frame loads after the reader's click).
 */
export const EMBED_FRAME_SOURCES: Readonly<Record<Platform, string>> = {
  youtube: 'https://www.youtube-nocookie.com',
  vimeo: 'https://player.vimeo.com',
  x: 'https://platform.twitter.com',
  facebook: 'https://www.facebook.com',
  instagram: 'https://www.instagram.com',
  tiktok: 'https://www.tiktok.com',
  soundcloud: 'https://w.soundcloud.com',
};

const YOUTUBE_ID = /^[\w-]{11}$/;
const DIGITS = /^\d+$/;

function host(url: URL): string {
  return url.hostname.toLowerCase().replace(/^(?:www|m|mobile)\./, '');
}

function youtube(url: URL): EmbedTarget | undefined {
  const h = host(url);
  const segments = url.pathname.split('/').filter(Boolean);
  let id: string | undefined;
  if (h === 'youtu.be') id = segments[0];
  else if (h === 'youtube.com' || h === 'youtube-nocookie.com' || h === 'music.youtube.com') {
    if (url.pathname === '/watch') id = url.searchParams.get('v') ?? undefined;
    else if (['embed', 'shorts', 'live', 'v'].includes(segments[0] ?? '')) id = segments[1];
  } else return undefined;
  if (!id || !YOUTUBE_ID.test(id)) return undefined;
  const start = /^(\d+)s?$/.exec(url.searchParams.get('t') ?? url.searchParams.get('start') ?? '')?.[1];
  return {
    platform: 'youtube',
    id,
    url: `https://www.youtube.com/watch?v=${id}${start ? `&t=${start}s` : ''}`,
    frame: `https://www.youtube-nocookie.com/embed/${id}?autoplay=1${start ? `&start=${start}` : ''}`,
    player: `https://www.youtube-nocookie.com/embed/${id}${start ? `?start=${start}` : ''}`,
    video: true,
    poster: { kind: 'image', url: `https://i.ytimg.com/vi/${id}/hqdefault.jpg` },
  };
}

function vimeo(url: URL): EmbedTarget | undefined {
  const h = host(url);
  const segments = url.pathname.split('/').filter(Boolean);
  const id =
    h === 'vimeo.com'
      ? segments.find((segment) => DIGITS.test(segment))
      : h === 'player.vimeo.com' && segments[0] === 'video'
        ? segments[1]
        : undefined;
  if (!id || !DIGITS.test(id)) return undefined;
  const canonical = `https://vimeo.com/${id}`;
  return {
    platform: 'vimeo',
    id,
    url: canonical,
    frame: `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1`,
    player: `https://player.vimeo.com/video/${id}?dnt=1`,
    video: true,
    poster: { kind: 'oembed', url: `https://vimeo.com/api/oembed.json?url=${encodeURIComponent(canonical)}` },
  };
}

function x(url: URL): EmbedTarget | undefined {
  if (!['x.com', 'twitter.com'].includes(host(url))) return undefined;
  const [user, status, id] = url.pathname.split('/').filter(Boolean);
  if (!user || status !== 'status' || !id || !DIGITS.test(id)) return undefined;
  return {
    platform: 'x',
    id,
    url: `https://x.com/${user}/status/${id}`,
    frame: `https://platform.twitter.com/embed/Tweet.html?id=${id}&dnt=true`,
    player: `https://platform.twitter.com/embed/Tweet.html?id=${id}&dnt=true`,
    video: false,
  };
}

function facebook(url: URL): EmbedTarget | undefined {
  const h = host(url);
  if (h !== 'facebook.com' && h !== 'fb.watch') return undefined;
  const path = url.pathname.replace(/\/+$/, '');
  const video = h === 'fb.watch' || /\/videos\/|^\/watch$|^\/reel\//.test(path);
  const post = /\/posts\/|\/photos\/|^\/permalink\.php$|^\/story\.php$/.test(path);
  if (!video && !post) return undefined;
  const keep = ['v', 'story_fbid', 'id'].filter((key) => url.searchParams.has(key));
  const query = keep.map((key) => `${key}=${encodeURIComponent(url.searchParams.get(key) ?? '')}`).join('&');
  const canonical = `https://${h === 'fb.watch' ? 'fb.watch' : 'www.facebook.com'}${path}${query ? `?${query}` : ''}`;
  const frame = `https://www.facebook.com/plugins/${video ? 'video' : 'post'}.php?href=${encodeURIComponent(canonical)}`;
  return {
    platform: 'facebook',
    id: `${path}${query ? `?${query}` : ''}`,
    url: canonical,
    frame,
    player: frame,
    video,
  };
}

function instagram(url: URL): EmbedTarget | undefined {
  if (host(url) !== 'instagram.com') return undefined;
  const [type, id] = url.pathname.split('/').filter(Boolean);
  if (!type || !['p', 'reel', 'tv'].includes(type) || !id || !/^[\w-]+$/.test(id)) return undefined;
  return {
    platform: 'instagram',
    id,
    url: `https://www.instagram.com/${type}/${id}/`,
    frame: `https://www.instagram.com/${type}/${id}/embed/`,
    player: `https://www.instagram.com/${type}/${id}/embed/`,
    video: false,
  };
}

function tiktok(url: URL): EmbedTarget | undefined {
  if (host(url) !== 'tiktok.com') return undefined;
  const [user, type, id] = url.pathname.split('/').filter(Boolean);
  if (!user?.startsWith('@') || type !== 'video' || !id || !DIGITS.test(id)) return undefined;
  return {
    platform: 'tiktok',
    id,
    url: `https://www.tiktok.com/${user}/video/${id}`,
    frame: `https://www.tiktok.com/embed/v2/${id}`,
    player: `https://www.tiktok.com/embed/v2/${id}`,
    video: true,
  };
}

function soundcloud(url: URL): EmbedTarget | undefined {
  if (host(url) !== 'soundcloud.com') return undefined;
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments.length < 2 || segments.some((s) => !/^[\w.-]+$/.test(s))) return undefined;
  const canonical = `https://soundcloud.com/${segments.join('/')}`;
  return {
    platform: 'soundcloud',
    id: segments.join('/'),
    url: canonical,
    frame: `https://w.soundcloud.com/player/?url=${encodeURIComponent(canonical)}&auto_play=true`,
    player: `https://w.soundcloud.com/player/?url=${encodeURIComponent(canonical)}`,
    video: false,
  };
}

const READERS = [youtube, vimeo, x, facebook, instagram, tiktok, soundcloud];

/**
 * The embed a link stands for, or `undefined` for an address that is not a post or video of a known
 * platform (a profile, a search, another site).
 * @example parseEmbedUrl('https://youtu.be/dQw4w9WgXcQ')?.frame // 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1'
 */
export function parseEmbedUrl(address: string): EmbedTarget | undefined {
  if (!URL.canParse(address.trim())) return undefined;
  const url = new URL(address.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  for (const read of READERS) {
    const target = read(url);
    if (target) return target;
  }
  return undefined;
}
