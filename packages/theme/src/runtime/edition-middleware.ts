/**
 * The middleware of a site with editions (the `editions` option): every page — built ahead or rendered
 * on request — renders in the edition its URL is under, so the components read that edition's config,
 * strings and stories (`runtime/edition.ts`).
 */
import { defineMiddleware } from 'astro:middleware';
import { inEditionOfPath } from './edition.ts';

export const onRequest = defineMiddleware((context, next) =>
  inEditionOfPath(context.url.pathname, () => next()),
);
