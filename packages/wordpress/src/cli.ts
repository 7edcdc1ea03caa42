#!/usr/bin/env node
/**
 * `khabar-wordpress import export.xml --out DIR` (a new site) or `--into DIR` (an existing one): the
 * command line around `importWordPress`.
 */
import { realpathSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ImportError, importWordPress } from './import.ts';
import { formatMerge } from './lib/merge-report.ts';
import { progressReporter } from './lib/progress.ts';
import { formatReport } from './lib/report.ts';
import { WxrError } from './wxr/reader.ts';

export const USAGE = `Usage:
  khabar-wordpress import <export.xml> --out <folder> [options]
  khabar-wordpress import <export.xml> --into <site> [--sections <category>=<section>,…] [options]

Reads a WordPress export (Tools → Export, or \`wp export\`) and writes a new Khabar site into <folder>,
or merges it into an existing Khabar site: stories, sections, authors, comments and redirects from
every old address. Nothing is fetched from the network unless --fetch-media is given.

Options:
  --out <folder>        the new site (must not exist, or be empty)
  --into <site>         an existing Khabar site: stories, authors, pictures, comments and redirects are
                        merged into it, its astro.config is never rewritten; run it again with the same
                        or a newer export to update what changed (khabar-wordpress.json records it)
  --sections <pairs>    with --into: categories onto the site's sections, <category>=<section>, each by
                        slug or name, comma-separated or repeated (--sections sport=رياضة); by default a
                        category goes to the section of the same slug or name, a nested one to its parent's
  --overwrite-edits     with --into: take the export's version of stories and files edited or deleted
                        in the site since the last import (by default the site's version is kept)
  --uploads <folder>    a local copy of wp-content/uploads, for pictures
  --fetch-media         download the pictures stories use that --uploads lacks (all of them without
                        --uploads) from the WordPress site: http(s) only, 25 MB and 30 s per file, 4 at
                        a time; a private or local address only on the export's own host; failures are
                        listed per story in the report and the story is imported without the picture
  --media-cache <dir>   where --fetch-media keeps what it downloaded, so a re-run downloads nothing
                        again; default: .khabar-wordpress-media beside the export
  --time-zone <zone>    the newsroom's zone (Asia/Damascus); default: derived from the export
  --locale <locale>     the theme's locale (ar-SY); default: the export's language
  --site-url <url>      the new site's address; default: the WordPress site's
  --dry-run             read and map everything, print the report (with --into: what would change),
                        write nothing
  --help                this text
`;

export async function main(
  argv: readonly string[],
  print: (line: string) => void = console.log,
  printError: (line: string) => void = console.error,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        into: { type: 'string' },
        sections: { type: 'string', multiple: true },
        'overwrite-edits': { type: 'boolean' },
        uploads: { type: 'string' },
        'fetch-media': { type: 'boolean' },
        'media-cache': { type: 'string' },
        'time-zone': { type: 'string' },
        locale: { type: 'string' },
        'site-url': { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    printError(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    print(USAGE);
    return 0;
  }
  const [command, input] = positionals;
  if (command !== 'import' || !input) {
    printError(USAGE);
    return 2;
  }
  const usageError = (message: string) => {
    printError(`khabar-wordpress: ${message}\n\n${USAGE}`);
    return 2;
  };
  if (values.out !== undefined && values.into !== undefined)
    return usageError(
      '--out and --into exclude each other: --out writes a new site, --into merges into an existing one.',
    );
  if (values.out === undefined && values.into === undefined && !values['dry-run'])
    return usageError(
      'say where the site goes: --out <folder> for a new site, or --into <site> for an existing one.',
    );
  if (values.into === undefined && (values.sections !== undefined || values['overwrite-edits']))
    return usageError('--sections and --overwrite-edits go with --into.');
  if (values.into !== undefined && (values.locale !== undefined || values['site-url'] !== undefined))
    return usageError(
      '--locale and --site-url shape a new site: the site --into merges into keeps its own astro.config.',
    );
  if (values['media-cache'] !== undefined && !values['fetch-media'])
    return usageError('--media-cache goes with --fetch-media.');
  try {
    const report = await importWordPress({
      input,
      out: values.into === undefined ? (values.out ?? '.') : undefined,
      into: values.into,
      sections: values.sections,
      overwriteEdits: values['overwrite-edits'],
      uploads: values.uploads,
      fetchMedia: values['fetch-media']
        ? values['media-cache'] === undefined
          ? true
          : { cacheDir: values['media-cache'] }
        : undefined,
      timeZone: values['time-zone'],
      locale: values.locale,
      siteUrl: values['site-url'],
      dryRun: values['dry-run'],
      progress: progressReporter(process.stderr),
    });
    if (report.merge) {
      // Nothing of the report is written into a site merged into (a re-run must change no file): all of it here.
      print(formatReport(report, Number.POSITIVE_INFINITY));
      print(`\n${formatMerge(report.merge)}`);
      return 0;
    }
    print(formatReport(report));
    if (values['dry-run']) print('\nDry run: nothing was written.');
    else
      print(
        `\nWrote the site to ${report.out} (report in import-report.json). Next: cd there, npm install, npm run build.`,
      );
    return 0;
  } catch (error) {
    if (error instanceof WxrError || error instanceof ImportError) {
      printError(`khabar-wordpress: ${error.message}`);
      if (error instanceof WxrError && values.out && !values['dry-run']) {
        // The site was not written; say how far the reader got where the user will look for the report.
        const where = {
          error: error.code,
          message: error.message,
          itemsRead: error.itemsRead,
          line: error.line,
          lastItem: error.lastItem,
        };
        await writeFile(
          `${values.out.replace(/\/+$/, '')}.import-error.json`,
          `${JSON.stringify(where, null, 2)}\n`,
        ).catch(() => undefined);
      }
      return 1;
    }
    throw error;
  }
}

/** True when Node runs this file (directly or through the bin link), not when it is imported. */
function isMain(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isMain()) {
  process.exitCode = await main(process.argv.slice(2));
}
