import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles, authorUrl, type Article } from '../runtime/articles.ts';
import { storyIsLive, storyUpdates } from '../runtime/live.ts';
import { t } from '../runtime/site.ts';

/**
 * `/live/<story id>.json`: a live story's updates as its page shows them, newest first, for the page's
 * small script (components/LiveUpdates.astro) to add the ones a reader has not seen without a reload.
 * Written from the same updates as the page, by the same build or request.
 */
export const getStaticPaths = (async () => {
  const articles = await getArticles();
  return articles
    .filter((article) => article.data.kind === 'live')
    .map((article) => ({ params: { id: article.id }, props: { article } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const article = (props as { article: Article }).article;
  const updates = await storyUpdates(article);
  const live = storyIsLive(article);
  const body = {
    live,
    status: live ? t('live.live') : t('live.ended'),
    updates: updates.map((shown) => ({
      id: shown.anchor,
      time: shown.datetime,
      timeText: shown.timeText,
      ...(shown.update.data.title && { title: shown.update.data.title }),
      ...(shown.author && {
        author: { name: shown.author.data.name, url: authorUrl(shown.author.id) },
      }),
      html: shown.html,
    })),
  };
  return new Response(JSON.stringify(body), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
