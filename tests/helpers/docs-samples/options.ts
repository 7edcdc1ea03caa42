// The docs-sample checks import the comments package's options schema here only: if it moves, change this line.
import { IntegrationOptionsSchema } from '../../../packages/comments/src/config/options.ts';
import { KhabarConfigSchema } from '../../../packages/theme/src/config/user-config.ts';
import { EXAMPLE_SECTIONS } from './content.ts';

/**
 * Options fragments: an untitled `js` sample is the inside of a `khabar()` options object, and must pass
 * `KhabarConfigSchema` (its `comments` object, the khabar-comments options schema too).
 */

const BASE_OPTIONS = {
  title: 'خبر',
  sections: EXAMPLE_SECTIONS.map((slug) => ({ slug, name: slug })),
};

/** Evaluates an options fragment (`key: value,` lines) to an object. */
export function evaluateFragment(code: string): Record<string, unknown> {
  const body = code.replace(/;\s*$/gm, ',');
  // The docs are this repository's own text; evaluating their samples is the point of the test.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const evaluate = new Function(`return ({\n${body}\n});`) as () => Record<string, unknown>;
  return evaluate();
}

/** Whether a sample reads as `key: value` lines (comments aside), the shape of an options fragment. */
export function isOptionsFragment(code: string): boolean {
  const first = code.split('\n').find((line) => line.trim() !== '' && !line.trim().startsWith('//'));
  return first !== undefined && /^[A-Za-z]\w*\s*:/.test(first.trim());
}

/** What the schemas say of a fragment's options (with the required ones added), one line an issue. */
export function checkOptions(options: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const result = KhabarConfigSchema.safeParse({ ...BASE_OPTIONS, ...options });
  if (!result.success) problems.push(...result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  if (options['comments'] && typeof options['comments'] === 'object') {
    const comments = IntegrationOptionsSchema.safeParse(options['comments']);
    if (!comments.success) {
      problems.push(...comments.error.issues.map((i) => `comments.${i.path.join('.')}: ${i.message}`));
    }
  }
  return problems;
}
