import { z } from 'astro/zod';
import { instantSchema, knownKeysOnly } from './article.ts';

/**
 * The frontmatter of one update of a live story (`src/content/updates/<story>/<file>.md`): the folder
 * names the story (its id: its path under `articles/`, without the extension), the file's body is the
 * update's text. The story's own text stays above the updates as the coverage's pinned summary. Built by a factory so times written without an offset are read in the newsroom's zone.
 */
export function createUpdateSchema<TReference extends z.ZodType>({
  reference,
  timeZone,
}: {
  /** Astro's `reference()` from `astro:content`. */
  reference: (collection: 'authors') => TReference;
  timeZone: string;
}) {
  const update = z
    .object({
      /**
       * When the update was posted; an update timed after the clock is not shown until then.
       * @example time: 2016-12-01T14:20:00+02:00
       */
      time: instantSchema(timeZone),
      /** A short headline for the update, when it has one. */
      title: z.string().trim().min(1, 'is empty: give the update a headline or leave "title" out').optional(),
      /** The id of the reporter who posted it, in the `authors` collection. */
      author: reference('authors').optional(),
    })
    .strict();
  return knownKeysOnly(update, 'a live update');
}

/** A live update's data as routes and components read it. */
export type UpdateData = z.output<
  ReturnType<typeof createUpdateSchema<z.ZodType<{ collection: 'authors'; id: string }>>>
>;
