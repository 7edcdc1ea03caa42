import type { APIRoute } from 'astro';
import { cacheTag } from '../../lib/cache.ts';
import { notFound, onDemandHeaders, propsFor } from '../../runtime/on-demand.ts';
import { GET as staticGet, cardPaths } from '../social-card.png.ts';

/** A story's social card rendered on request (`rendering.prerender`): the prerendered route's props for these params. */
export const GET: APIRoute = async (context) => {
  const props = await propsFor(cardPaths, context.routePattern, context.params);
  if (!props) return notFound();
  const response = await staticGet({ ...context, props });
  for (const [name, value] of Object.entries(
    await onDemandHeaders('stories', [cacheTag('story', context.params['id'] ?? '')]),
  )) {
    response.headers.set(name, value);
  }
  return response;
};
