import type { APIRoute } from 'astro';
import { cacheTag } from '../../lib/cache.ts';
import { twinFileParam } from '../../lib/routes.ts';
import { notFound, onDemandHeaders, propsFor } from '../../runtime/on-demand.ts';
import { GET as staticGet, livePaths } from '../live.json.ts';

/**
 * A live story's file of updates rendered on request (`rendering.prerender`), as its story's page is:
 * the prerendered route's props for the story, and the file written as the build writes it, kept by a
 * CDN as briefly as the pages that follow the clock (`rendering.cache.timely`) and tagged with the story,
 * so the page's script sees a new update within a minute.
 */
export const GET: APIRoute = async (context) => {
  const id = twinFileParam(context.routePattern, context.params['id'], '.json');
  const props = id === undefined ? undefined : await propsFor(livePaths, context.routePattern, { id });
  if (!props) return notFound();
  const response = await staticGet({ ...context, props });
  for (const [name, value] of Object.entries(
    await onDemandHeaders('timely', [cacheTag('story', id ?? '')]),
  )) {
    response.headers.set(name, value);
  }
  return response;
};
