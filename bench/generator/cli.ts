/**
 * Writes a synthetic Arabic newsroom into an Astro site folder.
 *
 *   node bench/generator/cli.ts --articles 1000 --out path/to/site [--seed 1] [--image-share 0.3]
 *        [--image-pool 24] [--authors 12] [--tags 120] [--picture-width 960]
 *
 * Files land in <out>/src/content/articles/<section>/, <out>/src/content/authors/ and
 * <out>/src/assets/newsroom/; the same options always write the same bytes.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { generateNewsroom, writeNewsroom } from './index.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    articles: { type: 'string', default: '100' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'image-share': { type: 'string', default: '0.3' },
    'image-pool': { type: 'string', default: '24' },
    authors: { type: 'string', default: '12' },
    tags: { type: 'string', default: '120' },
    'picture-width': { type: 'string', default: '960' },
  },
});
if (!values.out) {
  console.error('usage: node bench/generator/cli.ts --articles N --out DIR [options]');
  process.exit(2);
}
const newsroom = generateNewsroom({
  articles: Number(values.articles),
  seed: Number(values.seed),
  imageShare: Number(values['image-share']),
  imagePool: Number(values['image-pool']),
  authors: Number(values.authors),
  tags: Number(values.tags),
});
const files = await writeNewsroom(resolve(values.out), newsroom, {
  pictureWidth: Number(values['picture-width']),
});
const illustrated = newsroom.articles.filter((a) => a.image).length;
console.log(
  `wrote ${files} files: ${newsroom.articles.length} articles (${illustrated} with a picture), ` +
    `${newsroom.authors.length} authors, ${new Set(newsroom.articles.flatMap((a) => a.tags)).size} tags in use`,
);
