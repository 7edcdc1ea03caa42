import { describe, expect, it } from 'vitest';
import { checkCli, checkCommand, commandLines } from './helpers/docs-samples/commands.ts';
import { checkImports } from './helpers/docs-samples/imports.ts';
import { docPages, samplesIn, where } from './helpers/docs-samples/samples.ts';
import { inlineCode, readMarkdown } from './helpers/markdown.ts';

/**
 * The commands in docs/, without running one: `sh` samples run scripts that exist, with flags the
 * scripts read, tools the workspace installs, and `khabar-comments` subcommands and flags its `--help`
 * lists; so does every `khabar-comments …` command named in the prose. The other kinds of sample are
 * checked by tests/docs-samples.test.ts.
 */

const pages = docPages();
const allSamples = samplesIn(pages);

describe('code samples in docs/', () => {
  it('in the shell run scripts, commands and flags that exist', () => {
    const problems = allSamples
      .filter((s) => s.lang === 'sh')
      .flatMap((s) =>
        commandLines(s.code).flatMap((line) => checkCommand(line).map((p) => `${where(s)}: ${line}: ${p}`)),
      );
    expect(problems).toEqual([]);
  });

  it('in prose name khabar-comments commands and flags that exist', () => {
    const problems: string[] = [];
    for (const doc of pages) {
      const file = readMarkdown(doc);
      for (const { value, line } of inlineCode(file.tree)) {
        const command = /^(?:npx |pnpm )?(khabar-comments .+)$/.exec(value)?.[1];
        if (command === undefined) continue;
        const words = command.split(/\s+/).slice(1);
        problems.push(...checkCli(words).map((p) => `${file.at(line)}: ${value}: ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the sample checks', () => {
  it('reject an unknown script, CLI command or flag, and an export that does not exist', () => {
    expect(checkCommand('pnpm benchmark')).not.toEqual([]);
    expect(checkCommand('pnpm comments approve <id> --publish')).not.toEqual([]);
    expect(checkCommand('npx khabar-comments moderate')).not.toEqual([]);
    expect(checkCommand('pnpm bench -- --sizes 100,1000')).toEqual([]);
    expect(checkCommand('pnpm bench -- --size 100')).not.toEqual([]);
    expect(checkImports("import { createHandlers } from 'khabar-comments/handler';")).not.toEqual([]);
    expect(checkImports("import { createHandler } from 'khabar-comments/handler';")).toEqual([]);
  });
});
