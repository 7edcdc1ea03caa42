import { describe, expect, it } from 'vitest';
import { rawScalars, stripFrontmatter } from './frontmatter.ts';

const KEYS = ['published', 'updated'];

describe('rawScalars', () => {
  it('returns the text of date fields as typed, unquoted', () => {
    const source =
      '---\ntitle: "x"\npublished: 2016-02-30\nupdated: "2016-12-01T10:00:00+03:00" # edited\n---\nbody';
    expect(rawScalars(source, KEYS)).toEqual({
      published: '2016-02-30',
      updated: '2016-12-01T10:00:00+03:00',
    });
  });

  it('ignores nested keys and files without frontmatter', () => {
    expect(rawScalars('---\nimage:\n  published: 2016-01-01\n---\n', ['published'])).toEqual({});
    expect(rawScalars('no frontmatter', ['published'])).toEqual({});
  });

  it('reads CRLF files', () => {
    expect(rawScalars('---\r\npublished: 2016-12-01 10:30\r\n---\r\n', ['published'])).toEqual({
      published: '2016-12-01 10:30',
    });
  });

  it('keeps a "#" inside quotes: only an unquoted " #" starts a comment', () => {
    const source = '---\nupdated: "2016-12-01 # draft"\npublished: \'2016-12-01\' # as filed\n---\n';
    expect(rawScalars(source, KEYS)).toEqual({ updated: '2016-12-01 # draft', published: '2016-12-01' });
  });

  it('reads a file that starts with a byte-order mark, CRLF throughout', () => {
    const source = '\uFEFF---\r\ntitle: خبر\r\npublished: 2016-12-01\r\n---\r\nنص\r\n';
    expect(rawScalars(source, KEYS)).toEqual({ published: '2016-12-01' });
  });

  it('gives a block scalar its value, not its indicator', () => {
    expect(rawScalars('---\npublished: >-\n  2016-12-01\n---\n', KEYS)).toEqual({ published: '2016-12-01' });
  });

  it('does not take a key from inside a nested map, a flow map or a multi-line string', () => {
    const source =
      '---\nimage:\n  src: ./a.jpg\n  published: 2016-01-01\n' +
      'meta: { updated: 2016-01-02,\n  published: 2016-01-03 }\n' +
      'note: "a\n  published: 2016-01-04"\n---\n';
    expect(rawScalars(source, KEYS)).toEqual({});
  });

  it('keeps a plain scalar YAML would make a number or a date as typed; skips empty values', () => {
    expect(rawScalars('---\npublished: 20161201\nupdated:\n---\n', KEYS)).toEqual({ published: '20161201' });
  });
});

describe('stripFrontmatter', () => {
  it('keeps the Markdown after the frontmatter block', () => {
    expect(stripFrontmatter('---\ntitle: x\n---\n\nنص الخبر\n')).toBe('\nنص الخبر\n');
    expect(stripFrontmatter('\uFEFF---\r\ntitle: x\r\n---\r\nنص')).toBe('نص');
  });

  it('keeps a file without frontmatter whole, without a byte-order mark', () => {
    expect(stripFrontmatter('\uFEFFنص فقط')).toBe('نص فقط');
  });
});
