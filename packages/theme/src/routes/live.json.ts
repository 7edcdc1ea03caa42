import type { APIRoute, GetStaticPaths } from 'astro';
import { editionOf, getEveryEditionArticles, authorUrl, type Article } from '../runtime/articles.ts';
import { inEdition } from '../runtime/edition.ts';
import { storyIsLive, storyUpdates } from '../runtime/live.ts';
import { prerenderedOnly, type PathOptions } from '../runtime/on-demand.ts';
import { t } from '../runtime/site.ts';

/**
 * `/live/<story id>.json`: a live story's updates as its page shows them, newest first, for the page's
 * small script (components/LiveUpdates.astro) to add the ones a reader has not seen without a reload.
 * Written from the same updates as the page, by the same build or request: a live story built ahead has
 * its file built ahead; one rendered on request (`rendering.prerender`) has its file rendered on request
 * too (`routes/on-demand/live.json.ts`), so the file is never older than the page.
 */
export const livePaths = (async (options?: Partial<PathOptions>) => {
  // The site's one route for the files of every edition's live stories (`live/en/<id>.json`).
  const live = (await getEveryEditionArticles()).filter((article) => article.data.kind === 'live');
  return prerenderedOnly(live, options).map((article) => ({
    params: { id: article.id },
    props: { article },
  }));
}) satisfies GetStaticPaths;

/** Astro's name for it: the files this route builds ahead (those of the live stories built ahead). */
export const getStaticPaths = livePaths;

export const GET: APIRoute = ({ props }) => {
  const article = (props as { article: Article }).article;
  return inEdition(editionOf(article), () => liveFile(article));
};

async function liveFile(article: Article): Promise<Response> {
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
}
