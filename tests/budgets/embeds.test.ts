/**
 * The click-to-load script of embeds stays small: under 1.5 kB gzipped, as the page carries it (inline
 * or as a file), on the example's story with a video and a post.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { siteDist } from '../helpers/browser.ts';
import { parseHTML } from 'linkedom';

const BUDGET = 1500;

describe('the embeds’ script', () => {
  it(`weighs at most ${BUDGET} bytes gzipped`, async () => {
    const files = (await readdir(siteDist, { recursive: true })).filter((f) => f.endsWith('index.html'));
    let page: Document | undefined;
    for (const file of files.sort()) {
      const html = await readFile(join(siteDist, file), 'utf8');
      if (html.includes('data-khabar-embed')) {
        page = parseHTML(html).document;
        break;
      }
    }
    if (!page) throw new Error('no page of the example has an embed');
    const sources = await Promise.all(
      [...page.querySelectorAll('script:not([type="application/ld+json"])')].map(async (script) => {
        const src = script.getAttribute('src');
        return src ? readFile(join(siteDist, src), 'utf8') : script.textContent;
      }),
    );
    const script = sources.find((code) => code.includes('data-khabar-embed'));
    expect(script, 'the page carries the click-to-load script').toBeDefined();
    const bytes = gzipSync(script ?? '').length;
    console.info(`embeds: click-to-load script, ${bytes} bytes gzipped`);
    expect(bytes).toBeLessThanOrEqual(BUDGET);
  });
});
