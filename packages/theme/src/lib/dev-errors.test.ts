import { describe, expect, it } from 'vitest';
import { devContentError, plainMessage } from './dev-errors.ts';

describe('plainMessage', () => {
  it('drops the Markdown emphasis of Astro’s content errors', () => {
    expect(
      plainMessage(
        '**articles → first** data does not match collection schema.\n\n  **title**: is required: every article needs a headline\n  **published**: "2016-02-30" is not a real date',
      ),
    ).toBe(
      'articles → first data does not match collection schema.\n\n  title: is required: every article needs a headline\n  published: "2016-02-30" is not a real date',
    );
  });

  it('keeps what is not emphasis: an asterisk in a title, a glob', () => {
    expect(plainMessage('title: "5 * 3" in src/**/*.md')).toBe('title: "5 * 3" in src/**/*.md');
  });
});

describe('devContentError', () => {
  it('makes the message plain and locates an error Astro did not', () => {
    const error = devContentError(new Error('**title**: is required'), '/site/src/content/articles/a.md');
    expect(error.message).toBe('title: is required');
    expect(error.loc).toEqual({ file: '/site/src/content/articles/a.md' });
  });

  it('keeps the location an error has', () => {
    const given = Object.assign(new Error('x'), { loc: { file: '/a.md', line: 3 } });
    expect(devContentError(given, '/b.md').loc).toEqual({ file: '/a.md', line: 3 });
  });
});
