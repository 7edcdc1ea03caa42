/**
 * axe-core in a Playwright page, with the WCAG 2.2 A/AA rule tags (colour contrast included): the one
 * way the browser tests run it and report what fails.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

/** The rule tags every page must pass: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let axeSource: Promise<string> | undefined;

/** One line per failing node: rule, impact, element, and axe's summary of what to fix. */
export function describeViolations(results: Pick<AxeResults, 'violations'>): string[] {
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary ?? ''}`,
    ),
  );
}

export interface AxeOutcome {
  /** The violations, one line each (`describeViolations`). */
  violations: string[];
  /** The rules that ran and passed, by id (e.g. `color-contrast`: proof the contrast was checked). */
  passes: string[];
}

/** Runs axe on the page as it is now. */
export async function runAxe(page: Page): Promise<AxeOutcome> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: await axeSource });
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    WCAG_TAGS,
  );
  return { violations: describeViolations(results), passes: results.passes.map((rule) => rule.id) };
}
