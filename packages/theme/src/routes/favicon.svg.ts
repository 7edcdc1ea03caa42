import type { APIRoute } from 'astro';
import { faviconSvg } from '../lib/seo/favicon.ts';
import { config } from '../runtime/site.ts';

/** `/favicon.svg`: the site's initial on the accent colour, linked from every page's head. */
export const GET: APIRoute = () =>
  new Response(faviconSvg(config.title), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
