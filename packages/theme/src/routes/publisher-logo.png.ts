import type { APIRoute } from 'astro';
import { renderLogo } from '../lib/seo/social-card.ts';
import { config } from '../runtime/site.ts';
import { build, PUBLISHER_LOGO_SIZE } from '../runtime/seo.ts';

/** `/publisher-logo.png`: the site's name drawn as a square logo, for sites without a logo file. */
export const GET: APIRoute = async () => {
  const input = {
    site: config.title,
    background: config.seo.socialCards.background,
    foreground: config.seo.socialCards.foreground,
  };
  const { default: sharp } = await import('sharp');
  const png = await renderLogo(sharp, input, build.cardFonts, PUBLISHER_LOGO_SIZE);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
