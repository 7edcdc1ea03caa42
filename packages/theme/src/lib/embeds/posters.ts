/**
 * Posters for embeds, fetched once at build time and kept in the build's cache folder, so a page shows
 * the picture from the site itself and never asks the platform for anything before the reader clicks.
 * Optional (`embeds.posters`) and never fatal: on a machine without the network, or when the platform
 * refuses, the embed falls back to its card and the build says so in one line.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { imageMetadata } from 'astro/assets/utils';
import type { EmbedTarget } from './platforms.ts';

/** What is known of an embed after the fetch: its poster file (in the cache folder) and its title. */
export interface PosterInfo {
  /** The poster's file name in the cache folder (and under `/_khabar/embeds/` on the site). */
  file?: string | undefined;
  width?: number | undefined;
  height?: number | undefined;
  /** The platform's address of the poster, for structured data. */
  thumbnailUrl?: string | undefined;
  /** The title the platform gives (oEmbed), when the author gave none. */
  title?: string | undefined;
}

export interface PosterFetcher {
  /** The embed's poster and title, from the cache or fetched now; `{}` when neither can be had. */
  get(target: EmbedTarget): Promise<PosterInfo>;
}

export interface PosterFetcherOptions {
  /** Where posters and what was learnt about each embed are kept between builds. */
  dir: string;
  /** How long one request may take. */
  timeoutMs?: number;
  /** Told once per embed that could not be fetched. */
  warn: (message: string) => void;
  fetch?: typeof globalThis.fetch;
}

/** The platforms' keyless oEmbed endpoints, for a title (and Vimeo's poster). */
const OEMBED: Partial<Record<EmbedTarget['platform'], (url: string) => string>> = {
  youtube: (url) => `https://www.youtube.com/oembed?format=json&url=${encodeURIComponent(url)}`,
  vimeo: (url) => `https://vimeo.com/api/oembed.json?url=${encodeURIComponent(url)}`,
};

/** The cache's name for one embed: the same post or video is fetched once. */
export function embedKey(target: EmbedTarget): string {
  return createHash('sha256').update(`${target.platform}:${target.id}`).digest('hex').slice(0, 16);
}

/**
 * A fetcher writing into `dir`: `<key>.json` records what was learnt, `<key>.<format>` the poster.
 * Failures are not recorded, so the next build tries again.
 */
export function posterFetcher(options: PosterFetcherOptions): PosterFetcher {
  const { dir, timeoutMs = 4000, warn } = options;
  const fetch = options.fetch ?? globalThis.fetch;
  const pending = new Map<string, Promise<PosterInfo>>();

  const request = async (url: string): Promise<Response> => {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${new URL(url).host}`);
    return response;
  };

  const learn = async (target: EmbedTarget, key: string): Promise<PosterInfo> => {
    const record = join(dir, `${key}.json`);
    try {
      return JSON.parse(await readFile(record, 'utf8')) as PosterInfo;
    } catch {
      // Not fetched yet.
    }
    if (!target.poster) return {};
    try {
      let title: string | undefined;
      let imageUrl = target.poster.kind === 'image' ? target.poster.url : undefined;
      const oembed = OEMBED[target.platform];
      if (oembed) {
        const data = (await (await request(oembed(target.url))).json()) as Record<string, unknown>;
        if (typeof data['title'] === 'string') title = data['title'];
        if (!imageUrl && typeof data['thumbnail_url'] === 'string') imageUrl = data['thumbnail_url'];
      }
      if (!imageUrl) return title ? { title } : {};
      const bytes = new Uint8Array(await (await request(imageUrl)).arrayBuffer());
      const meta = await imageMetadata(bytes, imageUrl);
      const file = `${key}.${meta.format === 'jpeg' ? 'jpg' : meta.format}`;
      const info: PosterInfo = {
        file,
        width: meta.width,
        height: meta.height,
        thumbnailUrl: imageUrl,
        title,
      };
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, file), bytes);
      await writeFile(record, JSON.stringify(info));
      return info;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      warn(
        `No poster for ${target.url} (${reason}): it shows as a card. Set embeds.posters to false to skip the fetch.`,
      );
      return {};
    }
  };

  return {
    get(target) {
      const key = embedKey(target);
      let info = pending.get(key);
      if (!info) {
        info = learn(target, key);
        pending.set(key, info);
      }
      return info;
    },
  };
}
