/**
 * Lighthouse (mobile settings) with Debian's Chromium on the home page, the seed article and a section
 * page: accessibility, best practices and SEO must score 100. Performance is reported, not asserted: on a
 * loaded two-core machine it moves by a few points from run to run (the target is 100).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  LIGHTHOUSE_PAGES,
  runLighthouse,
  type LighthouseResult,
} from '../../scripts/lighthouse.ts';
import { siteDist } from '../helpers/browser.ts';
import { serveDist, type StaticServer } from '../helpers/serve.ts';

let server: StaticServer;
const results = new Map<string, LighthouseResult>();

beforeAll(async () => {
  server = await serveDist(siteDist);
  const runs = await runLighthouse(
    Object.entries(LIGHTHOUSE_PAGES).map(([name, path]) => ({ name, url: server.url(path) })),
  );
  for (const run of runs) results.set(run.name, run);
  for (const [name, result] of results) {
    console.info(`lighthouse ${name}: ${CATEGORIES.map((c) => `${c} ${result.scores[c]}`).join(', ')}`);
  }
}, 300_000);

afterAll(async () => {
  // Setup may have failed half-way.
  await (server as StaticServer | undefined)?.close();
});

function resultFor(name: string): LighthouseResult {
  const result = results.get(name);
  if (!result) throw new Error(`Lighthouse did not run on the ${name} page`);
  return result;
}

describe.each(Object.keys(LIGHTHOUSE_PAGES))('Lighthouse, %s page', (name) => {
  it.each(['accessibility', 'best-practices', 'seo'] as const)('scores 100 for %s', (category) => {
    const result = resultFor(name);
    expect({ score: result.scores[category], failing: result.failing[category] }).toEqual({
      score: 100,
      failing: [],
    });
  });

  it('reports a performance score', () => {
    expect(resultFor(name).scores.performance).toBeGreaterThan(0);
  });
});
