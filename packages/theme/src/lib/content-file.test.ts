import { describe, expect, it } from 'vitest';
import { emptyFileProblem, encodingProblem, sizeWarning, yamlProblem } from './content-file.ts';

const FILE = 'src/content/articles/story.md';

describe('encodingProblem', () => {
  const story = '---\ntitle: "الحرب"\n---\n\nنص الخبر.\n';

  it('names the file and the line of a Windows-1256 story, and the fix', () => {
    // «الحرب» and «نص» in Windows-1256, as an old Windows editor saves them.
    const bytes = Buffer.concat([
      Buffer.from('---\ntitle: "'),
      Buffer.from([0xc7, 0xe1, 0xcd, 0xd1, 0xc8]),
      Buffer.from('"\n---\n\n'),
      Buffer.from([0xe4, 0xd5]),
      Buffer.from('\n'),
    ]);
    const problem = encodingProblem(FILE, bytes.toString('utf8'), () => bytes);
    expect(problem?.message).toContain(`${FILE} is not saved as UTF-8: line 2 has bytes that are not UTF-8`);
    expect(problem?.message).toContain('It looks like Windows-1256 (Arabic Windows)');
    expect(problem?.message).toContain('save it again with the encoding "UTF-8"');
    expect(problem?.line).toBe(2);
  });

  it('passes UTF-8, even with a U+FFFD the author typed, and reads no bytes when there is none', () => {
    expect(encodingProblem(FILE, story, () => Buffer.from(story))).toBeUndefined();
    const typed = `${story}�\n`;
    expect(encodingProblem(FILE, typed, () => Buffer.from(typed))).toBeUndefined();
    expect(
      encodingProblem(FILE, story, () => {
        throw new Error('read the bytes of a file without a replacement character');
      }),
    ).toBeUndefined();
  });
});

describe('emptyFileProblem', () => {
  it('names an empty or whitespace-only file once, with the fields a story needs', () => {
    for (const text of ['', '   \n\n\t\n', '\uFEFF\n']) {
      expect(emptyFileProblem(FILE, text, ['title', 'published'])?.message).toBe(
        `${FILE} is empty: a story starts with its frontmatter between two "---" lines (title, published), then its text. Write them, or delete the file.`,
      );
    }
    expect(emptyFileProblem(FILE, 'نص', ['title'])).toBeUndefined();
  });
});

describe('yamlProblem', () => {
  it('names the file, the line and the field of bad YAML', () => {
    const problem = yamlProblem(FILE, '---\ntitle: "عنوان\ndescription: وصف\n---\n\nنص\n');
    expect(problem?.message).toMatch(new RegExp(`^${FILE}:\\d+: the frontmatter is not valid YAML`));
    expect(problem?.message).toContain('goes between quotes');
    expect(problem?.line).toBeGreaterThanOrEqual(2);
  });

  it('names a colon in an unquoted value at its line and field', () => {
    const problem = yamlProblem(FILE, '---\ntitle: عنوان\ndescription: قال: نعم\n---\n');
    expect(problem?.line).toBe(3);
    expect(problem?.message).toContain(
      `${FILE}:3: the frontmatter is not valid YAML (in the field "description")`,
    );
  });

  it('passes valid frontmatter and a file without any', () => {
    expect(yamlProblem(FILE, '---\ntitle: "عنوان"\n---\n')).toBeUndefined();
    expect(yamlProblem(FILE, 'نص بلا واجهة')).toBeUndefined();
  });
});

describe('sizeWarning', () => {
  it('warns over the limit with the size and the option', () => {
    expect(sizeWarning(FILE, 5_200_000, 1_000_000)).toBe(
      `${FILE} is 5.2 MB, more than content.sizeWarning (1.0 MB): its page will be as large, and every reader downloads it. Check that nothing was pasted twice or embedded as text (a picture as base64, a whole PDF); split a long document, or raise content.sizeWarning in the khabar() options.`,
    );
    expect(sizeWarning(FILE, 999_999, 1_000_000)).toBeUndefined();
    expect(sizeWarning(FILE, 5_200_000, false)).toBeUndefined();
  });
});
