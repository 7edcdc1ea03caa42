import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileEdition, recordFileEdition } from './file-editions.ts';

describe('the editions of story files', () => {
  it('gives back the edition recorded for a file, by the URL the Markdown processor names it by', () => {
    const file = '/site/src/content/articles/en/summit.md';
    recordFileEdition(file, 'en');
    expect(fileEdition(pathToFileURL(file))).toBe('en');
    // A file moved to the main edition's folder, or never recorded: the main edition.
    recordFileEdition(file, undefined);
    expect(fileEdition(pathToFileURL(file))).toBeUndefined();
    expect(fileEdition(pathToFileURL('/site/src/content/articles/other.md'))).toBeUndefined();
    expect(fileEdition(undefined)).toBeUndefined();
  });
});
