import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles } from '../runtime/articles.ts';
import { socialCardPng } from '../runtime/seo.ts';

/** `/og/{article id}.png`: a 1200×630 social card per story, drawn once and then read from the cache. */
export const getStaticPaths = (async () => {
  const articles = await getArticles();
  return articles.map((article) => ({ params: { id: article.id }, props: { article } }));
}) satisfies GetStaticPaths;

type Props = Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];

export const GET: APIRoute<Props> = async ({ props: { article } }) => {
  const { png } = await socialCardPng(article);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
