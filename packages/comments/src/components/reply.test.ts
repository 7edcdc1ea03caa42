import { describe, expect, it } from 'vitest';
import { replyForm } from './reply.ts';

describe('replyForm', () => {
  it('posts to the receiver’s reply page with the post’s id as a field', () => {
    expect(replyForm('https://comments.news.example/reply', 'روسيا-سوريا')).toEqual({
      action: 'https://comments.news.example/reply',
      fields: [['post', 'روسيا-سوريا']],
    });
  });

  it('keeps a site path a path, and moves the action’s own query into fields (a GET form drops it)', () => {
    expect(replyForm('/api/comments/reply?site=ar', 'x')).toEqual({
      action: '/api/comments/reply',
      fields: [
        ['site', 'ar'],
        ['post', 'x'],
      ],
    });
  });
});
