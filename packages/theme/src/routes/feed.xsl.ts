import type { APIRoute } from 'astro';
import { feedStylesheet } from '../lib/seo/feed-xsl.ts';
import { config, lang, t } from '../runtime/site.ts';

/** `/feed.xsl`: makes a feed opened in a browser read as an Arabic page. */
export const GET: APIRoute = () =>
  new Response(
    feedStylesheet({
      lang: lang(),
      accent: config.seo.socialCards.background,
      strings: {
        about: t('feed.about'),
        subscribe: t('feed.subscribe'),
        visit: t('feed.visit'),
        latest: t('feed.latest'),
      },
    }),
    { headers: { 'Content-Type': 'text/xsl; charset=utf-8' } },
  );
