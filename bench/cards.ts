/**
 * `node bench/cards.ts [--cards 200] [--seed 1] [--parallel 2]`
 *
 * Social cards alone: draws the cards of a generated newsroom's newest stories without a photo (those
 * that get a card by default) with the theme's `renderSocialCard`, as the card route does, and prints
 * the median and 90th-percentile time a card takes drawn one at a time (and the CPU time it takes), the
 * time a card takes when
 * `--parallel` are drawn at once (the card route draws ahead on spare cores), their mean size and the
 * largest. Ten cards are drawn first and not counted: the parts every card of a section shares are drawn
 * then, once per build as in a build. Not a test: numbers vary with the machine's load.
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import {
  renderSocialCard,
  type CardInput,
  type SharpFactory,
} from '../packages/theme/src/lib/seo/social-card.ts';
import { generateNewsroom } from './generator/index.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    cards: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    parallel: { type: 'string', default: '2' },
  },
});
const count = Number(values.cards);
const parallel = Math.max(1, Number(values.parallel));
const WARM_UP = 10;

// `sharp` and the card fonts as the theme resolves them.
const theme = createRequire(new URL('../packages/theme/package.json', import.meta.url));
const sharp = theme('sharp') as SharpFactory;
const fonts = {
  family: 'Cairo',
  bold: theme.resolve('@expo-google-fonts/cairo/700Bold/Cairo_700Bold.ttf'),
  regular: theme.resolve('@expo-google-fonts/cairo/600SemiBold/Cairo_600SemiBold.ttf'),
};

const newsroom = generateNewsroom({ articles: Math.ceil((count + WARM_UP) * 2), seed: Number(values.seed) });
const sectionName = new Map(newsroom.sections.map((section) => [section.slug, section.name]));
const inputs: CardInput[] = newsroom.articles
  .filter((article) => !article.image)
  .slice(0, count + WARM_UP)
  .map((article) => ({
    headline: article.title,
    section: sectionName.get(article.section) ?? article.section,
    site: 'خبر',
    host: 'bench.example',
    background: '#a3131b',
    foreground: '#ffffff',
  }));
if (inputs.length < count + WARM_UP) throw new Error(`only ${inputs.length} stories without a photo`);

for (const input of inputs.slice(0, WARM_UP)) await renderSocialCard(sharp, input, fonts);
const measured = inputs.slice(WARM_UP);

const times: number[] = [];
let bytes = 0;
let largest = 0;
// CPU time of every thread of the process (libvips works on libuv's): less sensitive to other load.
const cpuBefore = process.cpuUsage();
for (const input of measured) {
  const start = performance.now();
  const png = await renderSocialCard(sharp, input, fonts);
  times.push(performance.now() - start);
  bytes += png.length;
  largest = Math.max(largest, png.length);
}
const { user, system } = process.cpuUsage(cpuBefore);
const cpu = (user + system) / 1000 / measured.length;
times.sort((a, b) => a - b);
const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))] ?? NaN;

const queue = [...measured];
const start = performance.now();
await Promise.all(
  Array.from({ length: parallel }, async () => {
    for (let input = queue.shift(); input; input = queue.shift()) await renderSocialCard(sharp, input, fonts);
  }),
);
const wall = (performance.now() - start) / measured.length;

console.log(
  [
    `${measured.length} cards (seed ${values.seed}), one at a time:`,
    `  median ${at(0.5).toFixed(2)} ms, p90 ${at(0.9).toFixed(2)} ms a card (CPU ${cpu.toFixed(2)} ms a card)`,
    `  ${parallel} at a time: ${wall.toFixed(2)} ms a card`,
    `  mean size ${Math.round(bytes / measured.length)} bytes (${(bytes / measured.length / 1024).toFixed(1)} KB), largest ${largest} bytes`,
  ].join('\n'),
);
