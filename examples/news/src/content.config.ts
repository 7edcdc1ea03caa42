import { defineCollection } from 'astro:content';
import { articlesLoader, articleSchema, authorsLoader, authorSchema } from 'astro-theme-khabar/content';
import { pagesLoader, pageSchema } from 'astro-theme-khabar/content';
import { updatesLoader, updateSchema } from 'astro-theme-khabar/content';
import { commentsLoader } from 'khabar-comments/loader';

export const collections = {
  articles: defineCollection({ loader: articlesLoader(), schema: articleSchema }),
  authors: defineCollection({ loader: authorsLoader(), schema: authorSchema }),
  // The site's own pages («من نحن»), at /{slug}/ and linked from the footer.
  pages: defineCollection({ loader: pagesLoader(), schema: pageSchema }),
  // The updates of live stories (`kind: live`): src/content/updates/<story>/<hhmm>.md.
  updates: defineCollection({ loader: updatesLoader(), schema: updateSchema }),
  // Approved comments only, from the store the comments options name (comments/comments.db).
  comments: defineCollection({ loader: commentsLoader({ dir: 'comments' }) }),
};
