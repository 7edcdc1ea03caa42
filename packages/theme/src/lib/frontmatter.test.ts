import { describe, expect, it } from 'vitest';
import { rawScalars } from './frontmatter.ts';

describe('rawScalars', () => {
  it('returns the text of date fields as typed, unquoted', () => {
    const source =
      '---\ntitle: "x"\npublished: 2016-02-30\nupdated: "2016-12-01T10:00:00+03:00" # edited\n---\nbody';
    expect(rawScalars(source, ['published', 'updated'])).toEqual({
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
});
