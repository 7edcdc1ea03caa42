import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesQuery, paginate } from './moderation-search.ts';

const comment = {
  author: 'سارة',
  body: 'مقالٌ مُفيدٌ جداً عن الطاقة',
  email: 'sara@example.com',
  postId: 'russia-syria',
  storyTitle: 'روسيا وسوريا',
  storyUrl: '/politics/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/',
};

describe('the moderation search', () => {
  it('folds Arabic as readers type it', () => {
    expect(foldForSearch('أَحْمَد')).toBe('احمد');
    expect(foldForSearch('مـــدرسة')).toBe('مدرسه');
    expect(foldForSearch('مستشفى')).toBe('مستشفي');
    expect(foldForSearch('  Sara   X ')).toBe('sara x');
  });
  it('finds a comment by its text, its name, its e-mail or its story, every word', () => {
    expect(matchesQuery(comment, 'مفيد')).toBe(true);
    expect(matchesQuery(comment, 'ساره')).toBe(true);
    expect(matchesQuery(comment, 'SARA@example')).toBe(true);
    expect(matchesQuery(comment, 'سوريا')).toBe(true);
    expect(matchesQuery(comment, 'politics')).toBe(true);
    expect(matchesQuery(comment, 'روسيا مفيد')).toBe(true);
    expect(matchesQuery(comment, 'روسيا رياضة')).toBe(false);
    expect(matchesQuery(comment, '   ')).toBe(true);
  });
  it('pages, clamped to the pages there are', () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    expect(paginate(items, 2, 3)).toEqual({ items: [3, 4, 5], page: 2, pages: 3 });
    expect(paginate(items, 99, 3).page).toBe(3);
    expect(paginate(items, Number.NaN, 3).page).toBe(1);
    expect(paginate([], 1, 3)).toEqual({ items: [], page: 1, pages: 1 });
  });
});
