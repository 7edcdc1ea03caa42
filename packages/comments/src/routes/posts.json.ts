/**
 * `/_khabar-comments/posts.json`, injected (prerendered) when the integration has `posts`: the site's
 * posts module, run at build with the build's clock, as JSON. The integration reads the file in
 * `astro:build:done`, writes it into `site.json` for the receiver and removes it from the output.
 */
import type { APIRoute } from 'astro';
import config from 'virtual:khabar-comments/config';
import posts from 'virtual:khabar-comments/posts';

export const prerender = true;

export const GET: APIRoute = async () => {
  const list = await posts({ now: new Date(config.now), closeAfterDays: config.closeAfterDays });
  return new Response(JSON.stringify(list), { headers: { 'Content-Type': 'application/json' } });
};
