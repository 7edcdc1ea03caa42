import { describe, expect, it } from 'vitest';
import { commentPost, commentsClosed, postClosed } from './post.ts';

const DAY = 86_400_000;
const published = new Date('2016-12-01T07:00:00+03:00');
const facts = { id: 'روسيا-سوريا', url: '/%D8%B1/', title: 'روسيا', published };

describe('commentPost', () => {
  it('gives the receiver the post, published in UTC ISO, open within closeAfterDays', () => {
    expect(commentPost(facts, { now: published.getTime() + 13 * DAY, closeAfterDays: 14 })).toEqual({
      id: 'روسيا-سوريا',
      url: '/%D8%B1/',
      title: 'روسيا',
      published: '2016-12-01T04:00:00.000Z',
      closed: false,
    });
  });
  it('closes by age, by the site, or never', () => {
    const now = new Date(published.getTime() + 15 * DAY);
    expect(commentPost(facts, { now, closeAfterDays: 14 }).closed).toBe(true);
    expect(commentPost(facts, { now, closeAfterDays: false }).closed).toBe(false);
    expect(commentPost(facts, { now: published, closeAfterDays: false, closed: true }).closed).toBe(true);
    expect(commentPost({ id: 'x', url: '/x/' }, { now, closeAfterDays: 1 })).toEqual({
      id: 'x',
      url: '/x/',
      title: '',
      closed: false,
    });
  });
  it('names the post whose date is not a date', () => {
    expect(() => commentPost({ ...facts, published: 'soon' }, { now: 0, closeAfterDays: 1 })).toThrow(
      /روسيا-سوريا.*invalid published date/,
    );
  });
  it('agrees with the receiver’s rule for a stored post', () => {
    const now = published.getTime() + 15 * DAY;
    const post = commentPost(facts, { now: published, closeAfterDays: 14 });
    expect(post.closed).toBe(false);
    expect(postClosed(post, 14, now)).toBe(true);
    expect(commentsClosed(post.published, 14, now)).toBe(true);
  });
});
