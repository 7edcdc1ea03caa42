import { describe, expect, it } from 'vitest';
import { EMBED_FRAME_SOURCES, parseEmbedUrl, PLATFORMS } from './platforms.ts';

describe('parseEmbedUrl', () => {
  it.each([
    ['https://www.youtube.com/watch?v=M7lc1UVf-VE', 'youtube', 'M7lc1UVf-VE'],
    ['https://youtu.be/M7lc1UVf-VE?t=42', 'youtube', 'M7lc1UVf-VE'],
    ['https://m.youtube.com/shorts/M7lc1UVf-VE', 'youtube', 'M7lc1UVf-VE'],
    ['https://vimeo.com/76979871', 'vimeo', '76979871'],
    ['https://player.vimeo.com/video/76979871', 'vimeo', '76979871'],
    ['https://twitter.com/khabar_example/status/1804315829405716480', 'x', '1804315829405716480'],
    ['https://x.com/khabar_example/status/1804315829405716480?s=20', 'x', '1804315829405716480'],
    ['https://www.instagram.com/p/C8xYz_12AbC/', 'instagram', 'C8xYz_12AbC'],
    ['https://www.tiktok.com/@khabar/video/7380000000000000000', 'tiktok', '7380000000000000000'],
    ['https://soundcloud.com/khabar/episode-12', 'soundcloud', 'khabar/episode-12'],
    [
      'https://www.facebook.com/khabar.example/posts/pfbid02abc',
      'facebook',
      '/khabar.example/posts/pfbid02abc',
    ],
  ])('reads %s as %s', (url, platform, id) => {
    const target = parseEmbedUrl(url);
    expect(target?.platform).toBe(platform);
    expect(target?.id).toBe(id);
    // The frame comes from the platform's one frame host, which a CSP's frame-src lists.
    expect(new URL(target?.frame ?? '').origin).toBe(EMBED_FRAME_SOURCES[target?.platform ?? 'youtube']);
  });

  it('loads YouTube from youtube-nocookie.com, keeping the start time, and links to youtube.com', () => {
    const target = parseEmbedUrl('https://youtu.be/M7lc1UVf-VE?t=42');
    expect(target?.frame).toBe('https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1&start=42');
    expect(target?.url).toBe('https://www.youtube.com/watch?v=M7lc1UVf-VE&t=42s');
    expect(target?.video).toBe(true);
    expect(target?.poster).toEqual({
      kind: 'image',
      url: 'https://i.ytimg.com/vi/M7lc1UVf-VE/hqdefault.jpg',
    });
  });

  it.each([
    'https://www.youtube.com/@khabar',
    'https://www.youtube.com/watch?v=short',
    'https://x.com/khabar_example',
    'https://www.facebook.com/khabar.example',
    'https://news.example/2016/story',
    'javascript:alert(1)',
    'not a url',
  ])('leaves %s alone: not a post or a video', (url) => {
    expect(parseEmbedUrl(url)).toBeUndefined();
  });

  it('has a frame host for every platform', () => {
    expect(Object.keys(EMBED_FRAME_SOURCES).sort()).toEqual([...PLATFORMS].sort());
  });
});
