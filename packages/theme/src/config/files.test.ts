import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLogo, missingPicture } from './files.ts';

const root = mkdtempSync(join(tmpdir(), 'khabar-files-'));
mkdirSync(join(root, 'src/assets'), { recursive: true });
mkdirSync(join(root, 'src/content/articles'), { recursive: true });
writeFileSync(join(root, 'src/assets/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
writeFileSync(join(root, 'src/assets/notes.txt'), 'x');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('checkLogo', () => {
  it('names logo.src, the path written and where it was looked for', () => {
    expect(() => {
      checkLogo({ src: './src/assets/logo.png' }, root);
    }).toThrow(
      `Invalid khabar() options in astro.config: logo.src names "./src/assets/logo.png", and there is no such file (looked for ${join(root, 'src/assets/logo.png')}).`,
    );
    expect(() => {
      checkLogo({ src: './src/assets/notes.txt' }, root);
    }).toThrow(/not a picture Astro can read/);
  });

  it('passes a logo that is there, and no logo', () => {
    expect(() => {
      checkLogo({ src: './src/assets/logo.svg' }, root);
    }).not.toThrow();
    expect(() => {
      checkLogo(undefined, root);
    }).not.toThrow();
  });
});

describe('missingPicture', () => {
  const story = join(root, 'src/content/articles/story.md');

  it('names the story, the field and the path', () => {
    expect(missingPicture(story, 'image.src', './gone.jpg', root)).toBe(
      'src/content/articles/story.md: image.src names "./gone.jpg", and there is no such file (looked for src/content/articles/gone.jpg). The path is relative to the story\'s own file: fix it, or add the picture there.',
    );
  });

  it('passes a picture that is there, and leaves URLs and aliases to Astro', () => {
    expect(missingPicture(story, 'image.src', '../../assets/logo.svg', root)).toBeUndefined();
    expect(missingPicture(story, 'image.src', 'https://cdn.example/a.jpg', root)).toBeUndefined();
    expect(missingPicture(story, 'image.src', '~/assets/a.jpg', root)).toBeUndefined();
    expect(missingPicture(story, 'image.src', undefined, root)).toBeUndefined();
  });
});
