/**
 * What the importer needs to know of an existing Khabar site (`--into`): its sections and where its
 * comments live, read from the khabar() options in its astro.config. The config is imported by Node in
 * a child process (see `site-config-child.ts`), as Astro would load it, never read as text: a config
 * that builds its sections in code, spreads them from a module or reads the environment is read right.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportError } from './errors.ts';
import type { ChildResult } from './site-config-child.ts';
import type { Section } from './taxonomy.ts';

/** The names Astro looks for, in its order. */
export const CONFIG_FILES = [
  'astro.config.mjs',
  'astro.config.js',
  'astro.config.ts',
  'astro.config.mts',
  'astro.config.cjs',
  'astro.config.cts',
] as const;

export interface SiteConfig {
  /** The config file, relative to the site. */
  file: string;
  sections: Section[];
  /** The comments folder (khabar-comments' `dir`, relative to the site), or false when comments are off. */
  comments: string | false;
  /** The comments' store as the config names it (`comments.store`, relative to the site), if it does. */
  commentStore?: string;
  /** Whether the config passes `src/redirects.mjs` to Astro's `redirects` (see `ChildResult`). */
  redirectsModule: ChildResult['redirectsModule'];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The child script beside this module: `.ts` when run from source, `.js` when built. */
const childScript = () => {
  const here = fileURLToPath(import.meta.url);
  return join(here, '..', `site-config-child${extname(here)}`);
};

function runChild(
  root: string,
  file: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [childScript(), join(root, file), root], {
      cwd: root,
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    // Decoded as streams: a chunk may end inside an Arabic letter (two bytes), which decoding each
    // chunk alone would turn into two replacement characters in a section's name.
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => {
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** The sections of the khabar() options, checked as far as the importer relies on them. */
function sectionsOf(options: Record<string, unknown>, file: string): Section[] {
  const sections = options['sections'];
  const bad = () =>
    new ImportError(
      `${file}: khabar()'s \`sections\` is not a list of { slug, name }: the importer maps categories onto them. Fix the config (astro build says what is wrong) and run the import again.`,
    );
  if (!Array.isArray(sections) || sections.length === 0) throw bad();
  return sections.map((entry: unknown) => {
    if (!isRecord(entry) || typeof entry['slug'] !== 'string' || typeof entry['name'] !== 'string')
      throw bad();
    const description = entry['description'];
    return {
      slug: entry['slug'],
      name: entry['name'],
      ...(typeof description === 'string' && description ? { description } : {}),
    };
  });
}

/** Reads a site's khabar() options. Throws an ImportError when the folder is not a Khabar site. */
export async function readSiteConfig(root: string): Promise<SiteConfig> {
  const file = CONFIG_FILES.find((name) => existsSync(join(root, name)));
  if (!file) {
    throw new ImportError(
      `${root} is not a Khabar site: it has no astro.config (${CONFIG_FILES.slice(0, 3).join(', ')}…). Give --into the folder of an existing Khabar site, or --out a new folder.`,
    );
  }
  const { code, stdout, stderr } = await runChild(root, file);
  const last = stdout.trimEnd().split('\n').at(-1) ?? '';
  if (code !== 0 || !last.startsWith('{')) {
    const why = stderr.trim().split('\n').slice(0, 12).join('\n') || `exit code ${code}`;
    throw new ImportError(
      `Could not load ${join(root, file)} to read its khabar() options:\n${why}\nThe site must load as \`astro build\` loads it: run \`npm install\` there first.`,
    );
  }
  const result = JSON.parse(last) as ChildResult;
  const calls = result.calls.filter(isRecord);
  if (calls.length === 0) {
    throw new ImportError(
      `${root} is not a Khabar site: ${file} does not call khabar() from astro-theme-khabar in its integrations.`,
    );
  }
  if (calls.length > 1) {
    throw new ImportError(
      `${file} calls khabar() ${calls.length} times: the importer cannot tell which site it is.`,
    );
  }
  const options = calls[0] ?? {};
  const comments = options['comments'];
  const dir = isRecord(comments) && typeof comments['dir'] === 'string' ? comments['dir'] : 'comments';
  const store = isRecord(comments) && typeof comments['store'] === 'string' ? comments['store'] : undefined;
  return {
    file,
    sections: sectionsOf(options, file),
    comments: isRecord(comments) ? dir : false,
    ...(store !== undefined ? { commentStore: store } : {}),
    redirectsModule: result.redirectsModule,
  };
}
