import { describe, expect, it } from 'vitest';
import { checkLogo, missingPicture } from '../packages/theme/src/config/files.ts';
import {
  ARTICLES_LOADER_NAME,
  duplicateIdProblem,
  emptyFileProblem,
  encodingProblem,
  missingAuthorProblem,
  sizeWarning,
  STORY_FIELDS,
  yamlProblem,
} from '../packages/theme/src/lib/content-file.ts';
import ar from '../packages/theme/src/translations/ar.json' with { type: 'json' };
import {
  codeBlocks,
  markdownFile,
  readMarkdown,
  sectionUnder,
  type MarkdownFile,
} from './helpers/markdown.ts';

/**
 * The build-errors section of the content docs, in both languages, shows every message the content
 * checks print, exactly as the terminal prints its first line. The messages are made here by the
 * theme's own message functions, from the inputs the docs describe (a one-section site whose stories
 * are in src/content/articles/), so a reworded message fails this test until the docs show it.
 */

/** Where a site of the docs' examples lives (the logo message prints the absolute path it looked at). */
const SITE = '/home/me/news-site';
const ARTICLES = 'src/content/articles';

/** A story saved by an old Windows editor: its headline in Windows-1256 bytes, on line 2. */
const windowsBytes = Buffer.concat([
  Buffer.from('---\ntitle: "'),
  // «افتتاح» in Windows-1256.
  Buffer.from([0xc7, 0xdd, 0xca, 0xca, 0xc7, 0xcd]),
  Buffer.from('"\n---\n'),
]);

function thrown(run: () => void): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the check to fail');
}

const error = (message: string | undefined) => `[AstroUserError] ${message ?? '(no message)'}`;

/** Each message, as the first line the terminal prints. */
const printed: Record<string, string> = {
  'duplicate slug': error(
    duplicateIdProblem(`${ARTICLES}/first.md`, `${ARTICLES}/second.md`, 'first', 'articles'),
  ),
  'not UTF-8': error(
    encodingProblem(`${ARTICLES}/old-editor.md`, windowsBytes.toString('utf8'), () => windowsBytes)?.message,
  ),
  'empty file': error(emptyFileProblem(`${ARTICLES}/blank.md`, '  \n\n', STORY_FIELDS)?.message),
  'not YAML': error(
    yamlProblem(`${ARTICLES}/colon.md`, '---\ntitle: "خبر"\ndescription: قال الوزير: نعم\n---\n\nنص.\n')
      ?.message,
  ),
  'missing picture': error(missingPicture(`${SITE}/${ARTICLES}/second.md`, 'image.src', './gone.jpg', SITE)),
  'missing logo': error(
    thrown(() => {
      checkLogo({ src: './src/assets/logo.png' }, SITE);
    }),
  ),
  'missing author': error(missingAuthorProblem(`${ARTICLES}/second.md`, 'nobody', 'authors')),
  'size warning': `[WARN] [${ARTICLES_LOADER_NAME}] ${sizeWarning(`${ARTICLES}/long.md`, 2_300_000, 1_000_000) ?? ''}`,
};

const SECTIONS = { en: 'Build errors', ar: 'أخطاء البناء' } as const;

function buildErrors(language: keyof typeof SECTIONS): {
  file: MarkdownFile;
  lines: Set<string>;
  text: string;
} {
  const file = readMarkdown(`docs/${language}/content.md`);
  const section = markdownFile(file.path, '');
  section.tree = sectionUnder(file, SECTIONS[language], 2);
  const blocks = codeBlocks(section).filter((block) => block.lang === 'text');
  const lines = new Set(blocks.flatMap((block) => block.code.split('\n')));
  return { file, lines, text: JSON.stringify(section.tree) };
}

describe.each(['en', 'ar'] as const)('docs/%s/content.md, build errors', (language) => {
  const { lines, text } = buildErrors(language);

  it.each(Object.entries(printed))('shows the %s message as printed', (_name, line) => {
    expect(line).not.toContain('(no message)');
    expect(
      [...lines].filter((shown) => shown === line),
      `not in a text block:\n${line}`,
    ).toHaveLength(1);
  });

  it('shows the line a feed ends a capped story with', () => {
    const readOn = ar['feed.readOn'].replace('{site}', 'خبر');
    expect(text).toContain(readOn);
    expect(text).toContain('fullContentLimit');
  });
});
