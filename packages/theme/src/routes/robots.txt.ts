import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/seo/sitemap.ts';
import { build } from '../runtime/seo.ts';

/**
 * `/robots.txt`: open to every crawler but the web editor, pointing at the sitemap index and the Google
 * News sitemap.
 */
export const GET: APIRoute = () =>
  new Response(robotsTxt([build.sitemapIndex, build.newsSitemap], build.robotsDisallow), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
