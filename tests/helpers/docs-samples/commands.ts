import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../paths.ts';
import { read, readPackage } from './repo.ts';

/**
 * Shell samples: they run scripts of the workspace's packages that exist, with flags the scripts read,
 * tools the workspace installs, and `khabar-comments` subcommands and flags its `--help` lists.
 */

// ---------------------------------------------------------------------------------------------------
// Shell

const rootPackage = readPackage('package.json');
const workspacePackages = ['packages/theme', 'packages/comments', 'examples/news', 'tests'].map((dir) =>
  readPackage(`${dir}/package.json`),
);
const KNOWN_PACKAGES = new Set([
  ...workspacePackages.map((p) => p.name),
  ...workspacePackages.flatMap((p) => Object.keys({ ...p.dependencies, ...p.devDependencies })),
  ...Object.keys(rootPackage.devDependencies ?? {}),
]);
const PNPM_BUILTINS = new Set(['install', 'add', 'exec', 'run', 'pack', 'dlx']);
const ASTRO_COMMANDS = new Set(['dev', 'build', 'preview', 'check', 'add', 'sync']);
/** The scripts of a site made with `npm create astro`. */
const SITE_SCRIPTS = new Set(['dev', 'build', 'preview', 'astro']);
/** Commands that are not the project's (their flags are not checked). */
const EXTERNAL = new Set(['openssl', 'git', 'cd', 'apt-get', 'curl', 'systemctl', 'sudo', 'cp', 'mkdir']);
/** Where the scripts that take flags read them. */
const SCRIPT_SOURCES: Record<string, string> = {
  bench: 'bench/run.ts',
  'bench:import': 'bench/import.ts',
  lighthouse: 'scripts/lighthouse.ts',
  start: 'scripts/start.mjs',
};

// The CLI's source, run by Node 22 as `khabar-comments serve` is in the receiver tests: no build needed.
const cliHelp = execFileSync(process.execPath, [join(repoRoot, 'packages/comments/src/cli.ts'), '--help'], {
  encoding: 'utf8',
});
const CLI_COMMANDS = new Set([...cliHelp.matchAll(/^\s+khabar-comments (\w+)/gm)].map((m) => m[1] ?? ''));
const CLI_FLAGS = new Set([...cliHelp.matchAll(/--[a-z][\w-]*/g)].map((m) => m[0]));

/** Environment variables the project reads (source of the packages, scripts, bench and tests). */
const projectSource = [
  'packages/theme/src',
  'packages/comments/src',
  'scripts',
  'bench',
  'tests/helpers',
  'examples/news',
]
  .flatMap((dir) =>
    readdirSync(join(repoRoot, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(?:ts|mjs|js)$/.test(e.name) && !e.parentPath.includes('node_modules'))
      .map((e) => relative(repoRoot, join(e.parentPath, e.name))),
  )
  .filter((path) => !path.includes('/dist/') && !path.includes('/.tmp/'))
  .concat(['tests/global-setup.ts', 'vitest.config.ts'])
  .map(read)
  .join('\n');

/** What is wrong with the arguments of `khabar-comments`, one line a problem. */
export function checkCli(args: string[]): string[] {
  const problems: string[] = [];
  const [command, ...rest] = args;
  if (!command || !CLI_COMMANDS.has(command)) problems.push(`khabar-comments has no command "${command}"`);
  for (const arg of rest) {
    const flag = /^--[a-z][\w-]*/.exec(arg)?.[0];
    if (flag && !CLI_FLAGS.has(flag)) problems.push(`khabar-comments has no flag ${flag}`);
  }
  return problems;
}

function checkScriptFlags(script: string, args: string[]): string[] {
  const dash = args.indexOf('--');
  if (dash < 0) return [];
  const source = SCRIPT_SOURCES[script];
  const flags = args.slice(dash + 1).filter((a) => a.startsWith('--'));
  if (!source) return flags.length ? [`pnpm ${script} takes no flags the docs can check`] : [];
  const text = read(source);
  return (
    flags
      .map((f) => f.replace(/=.*$/, ''))
      // An option of the script's `parseArgs`: `sizes: { type: 'string' … }` or `'image-pool': { type: … }`.
      .filter((f) => !new RegExp(`['"]?${f.slice(2)}['"]?\\s*:\\s*\\{\\s*type\\s*:`).test(text))
      .map((f) => `pnpm ${script} does not read ${f}`)
  );
}

/** Checks one command line of a shell sample. */
export function checkCommand(line: string): string[] {
  const problems: string[] = [];
  let words = line
    .replace(/\s#\s.*$/, '')
    // A command substitution is a value, not the command: `export SECRET=$(openssl rand -hex 32)`.
    .replace(/\$\([^)]*\)/g, 'value')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words[0] === '$') words = words.slice(1);
  // VAR=value before a command, and `export VAR=value`.
  if (words[0] === 'export') words = words.slice(1);
  while (words[0] && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const name = words[0].split('=')[0] ?? '';
    if (!projectSource.includes(name)) problems.push(`nothing reads the environment variable ${name}`);
    words = words.slice(1);
  }
  if (words.length === 0) return problems;
  const [first = '', ...given] = words;
  // npx's own flags come before the package it runs: `npx --yes pnpm@12 install`.
  const rest = first === 'npx' && /^(?:--yes|-y)$/.test(given[0] ?? '') ? given.slice(1) : given;
  if (first === 'npx' && rest[0] && /^pnpm(@|$)/.test(rest[0]))
    return [...problems, ...checkPnpm(rest.slice(1))];
  if (first === 'pnpm') return [...problems, ...checkPnpm(rest)];
  if (first === 'khabar-comments') return [...problems, ...checkCli(rest)];
  if (first === 'npx' && rest[0] === 'khabar-comments') return [...problems, ...checkCli(rest.slice(1))];
  if (first === 'npx' && rest[0] === 'astro') {
    if (!ASTRO_COMMANDS.has(rest[1] ?? '')) problems.push(`astro has no command ${rest[1]}`);
    return problems;
  }
  if (first === 'npm' && (rest[0] === 'install' || rest[0] === 'i')) {
    return [
      ...problems,
      ...rest
        .slice(1)
        .filter((p) => !p.startsWith('-') && !KNOWN_PACKAGES.has(p.replace(/@[^@/]*$/, '')))
        .map((p) => `unknown package ${p}`),
    ];
  }
  // A site owner's own scripts, as `npm create astro` writes them into the site's package.json.
  if (first === 'npm' && rest[0] === 'run')
    return SITE_SCRIPTS.has(rest[1] ?? '')
      ? problems
      : [...problems, `a new Astro site has no script "${rest[1]}"`];
  if (first === 'node' || EXTERNAL.has(first)) return problems;
  return [...problems, `unknown command "${first}"`];
}

function checkPnpm(args: string[]): string[] {
  const [command = '', ...rest] = args;
  if (command === '--filter') {
    const name = rest[0] ?? '';
    const pkg = workspacePackages.find((p) => p.name === name);
    if (!pkg) return [`no workspace package ${name}`];
    const script = rest[1] ?? '';
    if (script === 'exec' || PNPM_BUILTINS.has(script)) return [];
    return pkg.scripts?.[script] ? [] : [`${name} has no script "${script}"`];
  }
  if (command === 'exec') {
    const tool = rest[0] ?? '';
    if (tool === 'khabar-comments') return checkCli(rest.slice(1));
    if (tool === 'astro') return ASTRO_COMMANDS.has(rest[1] ?? '') ? [] : [`astro has no command ${rest[1]}`];
    if (tool === 'vitest') {
      return rest
        .slice(2)
        .filter((a) => !a.startsWith('-') && /[/.]/.test(a))
        .filter((path) => !existsSync(join(repoRoot, path)))
        .map((path) => `vitest: ${path} does not exist`);
    }
    if (tool === 'node') {
      const file = rest[1] ?? '';
      return existsSync(join(repoRoot, file)) ? [] : [`node: ${file} does not exist`];
    }
    return KNOWN_PACKAGES.has(tool) ? [] : [`pnpm exec: unknown tool ${tool}`];
  }
  if (command === 'add')
    return rest
      .filter((p) => !p.startsWith('-') && !KNOWN_PACKAGES.has(p))
      .map((p) => `unknown package ${p}`);
  if (PNPM_BUILTINS.has(command)) return [];
  if (!rootPackage.scripts?.[command]) return [`the root package.json has no script "${command}"`];
  if (command === 'comments') return checkCli(rest);
  return checkScriptFlags(command, rest);
}

/** The command lines of a shell sample: comments dropped, continuations joined, `&&` chains split. */
export function commandLines(code: string): string[] {
  return code
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'))
    .flatMap((line) => line.split(/\s&&\s/));
}
