/**
 * The theme's middleware, for sites that render pages on request (`rendering.prerender` other than
 * `'all'`): a page rendered on request reads the instant of its request as "now" (`runtime/clock.ts`),
 * so the breaking strip, the news sitemap's window and scheduled stories are right without a rebuild;
 * and an answer that set no cache headers of its own gets the short lifetime of a page that follows the
 * clock.
 */
import { defineMiddleware } from 'astro:middleware';
import { atRequestTime } from './clock.ts';
import { onDemandHeaders } from './on-demand.ts';

export const onRequest = defineMiddleware((context, next) => {
  if (context.isPrerendered) return next();
  return atRequestTime(async () => {
    const response = await next();
    if (!response.headers.has('Cache-Control') && response.status < 500) {
      for (const [name, value] of Object.entries(await onDemandHeaders('timely', []))) {
        response.headers.set(name, value);
      }
    }
    return response;
  });
});
