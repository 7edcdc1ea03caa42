import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles } from '../runtime/articles.ts';
import { prerenderedOnly, type PathOptions } from '../runtime/on-demand.ts';
import { prefetchSocialCards, socialCardPng, usesCard } from '../runtime/seo.ts';

/**
 * `/og/{article id}.png`: a 1200×630 social card for each story that uses one (by default, the stories
 * without a photo), drawn once and then read from the cache.
 */
export const cardPaths = (async (options?: PathOptions) => {
  const articles = prerenderedOnly((await getArticles()).filter(usesCard), options);
  // In a build every card built ahead is needed: draw them in parallel ahead of their pages (not in dev,
  // nor when a card is looked up on request).
  if (import.meta.env.PROD && !options?.everyPath) prefetchSocialCards(articles);
  return articles.map((article) => ({ params: { id: article.id }, props: { article } }));
}) satisfies GetStaticPaths;

/** Astro's name for it: the pages this route builds ahead. */
export const getStaticPaths = cardPaths;

type Props = Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];

export const GET: APIRoute<Props> = async ({ props: { article } }) => {
  const { png } = await socialCardPng(article);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
