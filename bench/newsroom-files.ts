/**
 * One generated newsroom per size, written once and shared by every site the benchmark builds from it.
 *
 * The files are written to `bench/.tmp/newsroom-<articles>-seed<seed>-pool<pool>/` (kept between runs:
 * a stamp of the options and of the generator's source says the folder is complete and current) and hard-linked into each site's
 * `src/`. Hard links, not symlinks: each site sees real files at their own paths, as a site owner's
 * content is, so Astro's loaders, Vite's file handling and the on-demand server's reads of story files
 * all see a plain project; linking 100,000 files takes seconds where writing them takes half a minute.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeNewsroom, type Newsroom } from './generator/index.ts';

const STAMP = 'newsroom.json';
const generatorDir = fileURLToPath(new URL('./generator/', import.meta.url));

/** A digest of the generator's source: a changed generator writes a newsroom anew. */
async function generatorDigest(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(generatorDir)).sort()) {
    if (name.endsWith('.ts')) hash.update(name).update(await readFile(join(generatorDir, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Writes the newsroom's files to `dir` unless a complete copy of the same options is already there. */
export async function writeSharedNewsroom(dir: string, newsroom: Newsroom): Promise<'written' | 'reused'> {
  const stamp = JSON.stringify({
    options: newsroom.options,
    articles: newsroom.articles.length,
    generator: await generatorDigest(),
  });
  const existing = await readFile(join(dir, STAMP), 'utf8').catch(() => undefined);
  if (existing === stamp) return 'reused';
  await rm(dir, { recursive: true, force: true });
  await writeNewsroom(dir, newsroom);
  await writeFile(join(dir, STAMP), stamp);
  return 'written';
}

/** Hard-links every file under `<from>/src` into `<to>/src` (copies when linking is not possible). */
export async function linkNewsroom(from: string, to: string): Promise<number> {
  const source = join(from, 'src');
  const entries = await readdir(source, { recursive: true, withFileTypes: true });
  const dirs = new Set<string>();
  for (const entry of entries) {
    if (entry.isDirectory()) dirs.add(join(to, 'src', relative(source, join(entry.parentPath, entry.name))));
  }
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  const files = entries.filter((entry) => entry.isFile());
  const batch = 500;
  for (let i = 0; i < files.length; i += batch) {
    await Promise.all(
      files.slice(i, i + batch).map(async (entry) => {
        const file = join(entry.parentPath, entry.name);
        const target = join(to, 'src', relative(source, file));
        await link(file, target).catch(() => copyFile(file, target));
      }),
    );
  }
  return files.length;
}
