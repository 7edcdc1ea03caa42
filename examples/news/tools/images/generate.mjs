// Renders the example site's article illustrations and author avatars.
//
// Every picture is a flat-design scene composed as SVG in code (one module a scene in scenes/, the
// shared primitives in lib/) and rasterised with sharp, so the output is reproducible: no network, no
// stock photos, no text inside the images, no real people. Randomness comes from a seeded PRNG, so
// running the script twice writes the same files.
//
//   pnpm exec node tools/images/generate.mjs               (from examples/news)
//   pnpm exec node tools/images/generate.mjs --out <dir>   (writes <dir>/articles and <dir>/authors)

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { AV, avatar, avatars } from './lib/avatars.mjs';
import { H, W } from './lib/svg.mjs';
import { scenes } from './scenes/index.mjs';

const JPEG = { quality: 78, mozjpeg: true, progressive: true };
const MAX_BYTES = 150 * 1024;

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const assets = values.out
  ? path.resolve(values.out)
  : fileURLToPath(new URL('../../src/assets', import.meta.url));
const ARTICLES_DIR = path.join(assets, 'articles');
const AUTHORS_DIR = path.join(assets, 'authors');

async function render(svg, file, width, height) {
  const buffer = await sharp(Buffer.from(svg))
    .resize(width, height)
    .flatten({ background: '#ffffff' })
    .jpeg(JPEG)
    .toBuffer();
  if (buffer.length > MAX_BYTES)
    throw new Error(`${path.basename(file)} is ${buffer.length} bytes (limit ${MAX_BYTES})`);
  await writeFile(file, buffer);
  return buffer.length;
}

await mkdir(ARTICLES_DIR, { recursive: true });
await mkdir(AUTHORS_DIR, { recursive: true });

for (const [name, scene] of Object.entries(scenes)) {
  const file = path.join(ARTICLES_DIR, `${name}.jpg`);
  const bytes = await render(scene(), file, W, H);
  console.log(`articles/${name}.jpg  ${W}×${H}  ${bytes} B`);
}
for (const [name, spec] of Object.entries(avatars)) {
  const file = path.join(AUTHORS_DIR, `${name}.jpg`);
  const bytes = await render(avatar(spec), file, AV, AV);
  console.log(`authors/${name}.jpg  ${AV}×${AV}  ${bytes} B`);
}
