/**
 * axe-core in real Chromium on every kind of page, light and dark, with the WCAG 2.2 A/AA rule tags
 * (colour contrast included): zero violations.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, PAGE_KINDS, PHONE, useSiteBrowser } from '../helpers/browser.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const site = useSiteBrowser();
let axeSource: string;

beforeAll(async () => {
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
});

/** One line per failing node: rule, element, and axe's summary of what to fix. */
function describeViolations(results: Pick<AxeResults, 'violations'>): string[] {
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary ?? ''}`,
    ),
  );
}

describe.each(['light', 'dark'] as const)('axe, WCAG 2.2 A/AA, %s mode', (colorScheme) => {
  it.each(Object.entries(PAGE_KINDS))('%s page has no violations', async (_kind, path) => {
    const context = await site.browser.newContext({ ...PHONE, colorScheme });
    try {
      const page = await context.newPage();
      await openPage(page, site.server.url(path));
      await page.addScriptTag({ content: axeSource });
      const results = await page.evaluate(
        (tags) =>
          (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, {
            runOnly: { type: 'tag', values: tags },
            resultTypes: ['violations'],
          }),
        WCAG_TAGS,
      );
      expect(describeViolations(results)).toEqual([]);
      // The contrast rule really ran on this page's text.
      expect(results.passes.map((rule) => rule.id)).toContain('color-contrast');
    } finally {
      await context.close();
    }
  });
});
