/**
 * The stories that take comments, for khabar-comments' receiver: computed from the articles collection
 * during the build (the theme passes this module as khabar-comments' `posts` option), never read back
 * out of built pages. `commentPost` is the function `CommentSection` uses too, so the form on a page and
 * the receiver agree on whether a story is closed.
 */
import type { PostsContext } from 'khabar-comments';
import { commentPost } from 'khabar-comments/lib';
import { articleUrl, getEveryEditionArticles } from './articles.ts';

export default async function commentPosts({ now, closeAfterDays }: PostsContext) {
  // Every edition's stories: an English edition's take comments too (ids keep the edition's folder).
  return (await getEveryEditionArticles()).map((article) =>
    commentPost(
      {
        id: article.id,
        url: articleUrl(article),
        title: article.data.title,
        published: article.data.published,
      },
      { now, closeAfterDays },
    ),
  );
}
