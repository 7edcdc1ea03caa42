import { read } from './repo.ts';

/** CSS samples: they use only the tokens tokens.css defines and the theme's cascade layers. */

const tokensCss = read('packages/theme/src/styles/tokens.css');
const TOKENS = new Set([
  ...[...tokensCss.matchAll(/(--khabar-[\w-]+)\s*:/g)].map((m) => m[1] ?? ''),
  // Set by the fonts' stylesheet from the `fonts` option (lib/fonts/stylesheet.ts).
  '--khabar-font-body',
  '--khabar-font-headings',
]);
const LAYERS = new Set(['khabar.reset', 'khabar.base', 'khabar.layout', 'khabar.components', 'khabar.utils']);

/** What is wrong with a CSS sample, one line a problem. */
export function checkCss(code: string): string[] {
  const problems: string[] = [];
  for (const m of code.matchAll(/--khabar-[\w-]+/g)) {
    if (!TOKENS.has(m[0])) problems.push(`${m[0]} is not a token of tokens.css`);
  }
  for (const m of code.matchAll(/@layer\s+([^{;]+)[{;]/g)) {
    for (const layer of (m[1] ?? '').split(',').map((l) => l.trim())) {
      if (layer.startsWith('khabar') && !LAYERS.has(layer))
        problems.push(`${layer} is not a layer of the theme`);
    }
  }
  const open = code.split('{').length;
  if (open !== code.split('}').length) problems.push('unbalanced braces');
  return problems;
}
