import { defineCollection } from 'astro:content';
import { articlesLoader, articleSchema, authorsLoader, authorSchema } from 'astro-theme-khabar/content';

export const collections = {
  articles: defineCollection({ loader: articlesLoader(), schema: articleSchema }),
  authors: defineCollection({ loader: authorsLoader(), schema: authorSchema }),
};
