import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles } from '../runtime/articles.ts';
import { EDITIONS, inEdition } from '../runtime/edition.ts';
import { prerenderedOnly, type PathOptions } from '../runtime/on-demand.ts';
import { usesCard } from '../runtime/seo.ts';
import { drawAhead, socialCardForPage, socialCardKey } from '../runtime/social-card.ts';

/**
 * `/og/{article id}.png`: a 1200×630 social card for each story of every edition that uses one (by
 * default, the stories without a photo); an edition's story's id keeps its folder (`/og/en/…png`). Its `cacheKey` is what the card shows, so an incremental build draws only the cards
 * that changed.
 */
export const cardPaths = (async (options?: PathOptions) => {
  const every = await Promise.all(EDITIONS.map((of) => inEdition(of.key, getArticles)));
  const articles = prerenderedOnly(every.flat().filter(usesCard), options);
  // In a build, each card's page draws the next ones while it renders (not in dev, nor when a card is
  // looked up on request).
  if (import.meta.env.PROD && !options?.everyPath) drawAhead(articles);
  return articles.map((article) => ({
    params: { id: article.id },
    props: { article },
    // A lookup on request needs no key.
    ...(!options?.everyPath && { cacheKey: socialCardKey(article) }),
  }));
}) satisfies GetStaticPaths;

/** Astro's name for it: the pages this route builds ahead. */
export const getStaticPaths = cardPaths;

type Props = Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];

export const GET: APIRoute<Props> = async ({ props: { article } }) => {
  const png = await socialCardForPage(article);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
