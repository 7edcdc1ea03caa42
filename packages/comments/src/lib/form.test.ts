import { decodeHTML } from 'entities';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { defaultStrings } from '../config/strings.ts';
import { renderCommentForm, type CommentFormOptions } from './form.ts';

const base: CommentFormOptions = {
  strings: defaultStrings,
  action: 'https://comments.news.example/',
  postId: 'روسيا-سوريا',
  requireNameEmail: true,
  maxLength: { author: 245, email: 100, url: 200, comment: 65_525 },
};

function form(options: Partial<CommentFormOptions> = {}) {
  const { document } = parseHTML(
    `<!doctype html><html><body>${renderCommentForm({ ...base, ...options })}</body></html>`,
  );
  const element = document.querySelector('form');
  if (!element) throw new Error('no form');
  return element;
}

const value = (el: Element | null) => el?.getAttribute('value') ?? null;

describe('renderCommentForm', () => {
  it('renders the fields WordPress readers know, in order, with the limits', () => {
    const el = form();
    expect([...el.querySelectorAll('[name]')].map((c) => c.getAttribute('name'))).toEqual([
      'comment',
      'author',
      'email',
      'url',
      'wp-comment-cookies-consent',
      'subject',
      'comment_post_ID',
      'comment_parent',
      'khabar_token',
    ]);
    expect(el.getAttribute('action')).toBe('https://comments.news.example/');
    expect(el.querySelector('#author')?.getAttribute('maxlength')).toBe('245');
    expect(el.querySelector('#comment')?.getAttribute('maxlength')).toBe('65525');
    expect(el.querySelector('#email')?.getAttribute('aria-describedby')).toBe('email-notes');
    expect(el.querySelector('#email-notes')?.textContent).toBe('لن يتم نشر عنوان بريدك الإلكتروني.');
    expect(value(el.querySelector('[name=comment_parent]'))).toBe('0');
    expect(el.querySelector('.comment-form-cookies-consent')?.hasAttribute('hidden')).toBe(true);
  });

  it('requires name and e-mail only when the site does', () => {
    expect(form().querySelectorAll('[required]').length).toBe(3);
    const optional = form({ requireNameEmail: false });
    expect([...optional.querySelectorAll('[required]')].map((c) => c.id)).toEqual(['comment']);
    expect(optional.querySelector('label[for=author] .required')?.textContent).toBe('');
  });

  it('gives the enhancement script its hooks only when asked', () => {
    expect(form().hasAttribute('data-khabar-form')).toBe(false);
    expect(form().getAttribute('data-token-url')).toBeNull();
    const enhanced = form({ enhance: { tokenUrl: 'https://comments.news.example/token' } });
    expect(enhanced.hasAttribute('data-khabar-form')).toBe(true);
    expect(enhanced.getAttribute('data-token-url')).toBe('https://comments.news.example/token');
    expect(enhanced.getAttribute('data-msg-title-reply')).toBe('اترك رداً على {name}');
    // Written once already, in the form (the post's id) and its heading: the script reads them there.
    expect(enhanced.getAttribute('data-post-id')).toBeNull();
    expect(enhanced.getAttribute('data-msg-title')).toBeNull();
    expect(enhanced.querySelector('[name=comment_post_ID]')?.getAttribute('value')).toBe('روسيا-سوريا');
  });

  it('offers back what the reader typed, escaped', () => {
    const hostile = '"><script>alert(1)</script>';
    const el = form({
      parentId: 'mbx4q2k1-3fa19c0e',
      token: 'l.1.x',
      values: {
        author: hostile,
        email: 'a@b.example',
        url: 'https://e.example/?a=1&b=2',
        comment: `</textarea>${hostile}`,
      },
    });
    expect(el.querySelectorAll('script').length).toBe(0);
    expect(value(el.querySelector('#author'))).toBe(hostile);
    expect(value(el.querySelector('#url'))).toBe('https://e.example/?a=1&b=2');
    // linkedom leaves character references in a textarea as they are; a browser decodes them.
    expect(decodeHTML(el.querySelector('textarea')?.textContent ?? '')).toBe(`</textarea>${hostile}`);
    expect(value(el.querySelector('[name=comment_parent]'))).toBe('mbx4q2k1-3fa19c0e');
    expect(value(el.querySelector('[name=khabar_token]'))).toBe('l.1.x');
  });
});
