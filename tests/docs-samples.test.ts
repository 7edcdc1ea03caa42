import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { IntegrationOptionsSchema } from '../packages/comments/src/config/options.ts';
import { rawScalars } from '../packages/theme/src/lib/frontmatter.ts';
import { createArticleSchema, createAuthorSchema } from '../packages/theme/src/schemas/article.ts';
import { COMPONENT_NAMES } from '../packages/theme/src/schemas/components.ts';
import { KhabarConfigSchema } from '../packages/theme/src/utils/user-config.ts';
import { repoRoot, tmpRoot } from './helpers/paths.ts';

/**
 * Every code sample in docs/ is checked against the code, without building a site:
 *
 * - a sample that names a file (```js title="astro.config.mjs"```) is an excerpt of a file that the test
 *   suite builds: a fixture under tests/fixtures/, the example newsroom, the comments package's fixture
 *   site, or a README block that the tarball test builds. Lines reading only `// …` (or `…`, `# …`,
 *   `/* … *\/`, `<!-- … -->`) skip part of the file; the pieces must appear in order. Article and author
 *   files are checked against the theme's content schemas instead;
 * - an untitled `js` sample is a fragment of `khabar()` options and must pass `KhabarConfigSchema` (its
 *   `comments` object, the khabar-comments options schema too);
 * - every import from the theme or the comments package names an export that exists;
 * - `css` samples use only tokens that tokens.css defines;
 * - `sh` samples run scripts that exist, with flags the scripts read, and `khabar-comments` subcommands
 *   and flags its `--help` lists;
 * - `text` blocks are output (messages, trees), not code.
 */

const LANGUAGES = ['en', 'ar'] as const;
const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const readPackage = (path: string) => JSON.parse(read(path)) as PackageJson;

interface Sample {
  /** The doc, relative to the repository root. */
  doc: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  title: string | undefined;
  code: string;
}

/** The fenced code blocks of a Markdown document, with their info strings. */
function fencedSamples(markdown: string, doc: string): Sample[] {
  const samples: Sample[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})(.*)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const fence = open[1] ?? '```';
    const info = (open[2] ?? '').trim();
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !(lines[j] ?? '').startsWith(fence); j++) body.push(lines[j] ?? '');
    samples.push({
      doc,
      line: i + 1,
      lang: info.split(/\s+/)[0] ?? '',
      title: /\btitle="([^"]+)"/.exec(info)?.[1],
      code: body.join('\n'),
    });
    i = j;
  }
  return samples;
}

/** Every Markdown page of docs/ in both languages. */
function docPages(): string[] {
  return LANGUAGES.flatMap((lang) =>
    readdirSync(join(repoRoot, 'docs', lang))
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => `docs/${lang}/${name}`),
  );
}

const pages = docPages();
const allSamples = pages.flatMap((doc) => fencedSamples(read(doc), doc));
const where = (s: Sample) => `${s.doc}:${s.line}`;

// ---------------------------------------------------------------------------------------------------
// Excerpts of tested files

/** Folders whose files the test suite builds: a titled sample's path is looked up in each. */
const TESTED_ROOTS = [
  ...readdirSync(join(repoRoot, 'tests/fixtures'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `tests/fixtures/${e.name}`),
  'examples/news',
  'packages/comments/test/fixtures/site',
];

const ELISION = /^\s*(?:\/\/ …|…|# …|\/\* … \*\/|<!-- … -->|\{\/\* … \*\/\})\s*$/;

/** The sample's pieces between elision lines, as trimmed lines (indentation does not matter). */
function pieces(code: string): string[][] {
  const out: string[][] = [[]];
  for (const line of code.split('\n')) {
    if (ELISION.test(line)) out.push([]);
    else out.at(-1)?.push(line.trim());
  }
  return out
    .map((piece) => {
      while (piece[0] === '') piece.shift();
      while (piece.at(-1) === '') piece.pop();
      return piece;
    })
    .filter((piece) => piece.length > 0);
}

/** Whether every piece appears, as consecutive lines, in order, in the text. */
function containsInOrder(text: string, code: string): boolean {
  const lines = text.split('\n').map((l) => l.trim());
  let from = 0;
  for (const piece of pieces(code)) {
    let found = -1;
    for (let i = from; i + piece.length <= lines.length && found < 0; i++) {
      if (piece.every((line, k) => lines[i + k] === line)) found = i;
    }
    if (found < 0) return false;
    from = found + piece.length;
  }
  return true;
}

/** The tested files a titled sample may come from: same path in a tested root, or a README block. */
function sourcesFor(title: string): { path: string; text: string }[] {
  const files = TESTED_ROOTS.map((root) => `${root}/${title}`)
    .filter((path) => existsSync(join(repoRoot, path)))
    .map((path) => ({ path, text: read(path) }));
  // The root README's titled blocks are written out and built by tests/tarball.test.ts.
  const readme = fencedSamples(read('README.md'), 'README.md')
    .filter((s) => s.title === title)
    .map((s) => ({ path: 'README.md', text: s.code }));
  return [...files, ...readme];
}

// ---------------------------------------------------------------------------------------------------
// Content files

const yaml = createRequire(import.meta.resolve('astro/package.json'))('js-yaml') as {
  load: (text: string) => unknown;
};
const exampleSections = ['politics', 'economy', 'sports', 'culture', 'technology'];
const articleSchema = createArticleSchema({
  image: () => z.string(),
  reference: () => z.string(),
  sections: exampleSections,
  timeZone: 'Asia/Damascus',
});
const authorSchema = createAuthorSchema({ image: () => z.string() });

/** Parses an article sample the way the theme's loader does: YAML, with dates as typed. */
function articleFrontmatter(code: string): unknown {
  const match = /^---\n([\s\S]*?)\n---/.exec(code);
  if (!match?.[1]) throw new Error('no frontmatter');
  const data = yaml.load(match[1]) as Record<string, unknown>;
  return { ...data, ...rawScalars(code, ['published', 'updated']) };
}

// ---------------------------------------------------------------------------------------------------
// Options fragments

const BASE_OPTIONS = {
  title: 'خبر',
  sections: exampleSections.map((slug) => ({ slug, name: slug })),
};

/** Evaluates an options fragment (`key: value,` lines) to an object. */
function evaluateFragment(code: string): Record<string, unknown> {
  const body = code.replace(/;\s*$/gm, ',');
  // The docs are this repository's own text; evaluating their samples is the point of the test.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const evaluate = new Function(`return ({\n${body}\n});`) as () => Record<string, unknown>;
  return evaluate();
}

function isOptionsFragment(code: string): boolean {
  const first = code.split('\n').find((line) => line.trim() !== '' && !line.trim().startsWith('//'));
  return first !== undefined && /^[A-Za-z]\w*\s*:/.test(first.trim());
}

function checkOptions(options: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const result = KhabarConfigSchema.safeParse({ ...BASE_OPTIONS, ...options });
  if (!result.success) problems.push(...result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  if (options['comments'] && typeof options['comments'] === 'object') {
    const comments = IntegrationOptionsSchema.safeParse(options['comments']);
    if (!comments.success) {
      problems.push(...comments.error.issues.map((i) => `comments.${i.path.join('.')}: ${i.message}`));
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// Imports

interface PackageJson {
  name: string;
  scripts?: Record<string, string>;
  bin?: Record<string, string>;
  exports?: Record<string, string | { types?: string; default?: string }>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const PACKAGES: Record<string, string> = {
  'astro-theme-khabar': 'packages/theme',
  'khabar-comments': 'packages/comments',
};

/** The source file behind a package specifier, through the package's `exports` map. */
function sourceOf(specifier: string): string | undefined {
  const name = Object.keys(PACKAGES).find((pkg) => specifier === pkg || specifier.startsWith(`${pkg}/`));
  if (!name) return undefined;
  const dir = PACKAGES[name] ?? '';
  const { exports = {} } = readPackage(`${dir}/package.json`);
  const subpath = `.${specifier.slice(name.length)}`;
  for (const [key, target] of Object.entries(exports)) {
    const file = typeof target === 'string' ? target : (target.default ?? target.types);
    if (!file) continue;
    const star = key.indexOf('*');
    let resolved: string | undefined;
    if (star < 0 && key === subpath) resolved = file;
    else if (star >= 0 && subpath.startsWith(key.slice(0, star)) && subpath.endsWith(key.slice(star + 1))) {
      resolved = file.replace('*', subpath.slice(star, subpath.length - (key.length - star - 1)));
    }
    if (resolved) {
      // Compiled entry points are checked through their source.
      return `${dir}/${resolved.replace(/^\.\//, '').replace(/^dist\/(.*)\.(?:js|d\.ts)$/, 'src/$1.ts')}`;
    }
  }
  return `${dir}/(not exported: ${subpath})`;
}

interface Import {
  names: string[];
  specifier: string;
  hasDefault: boolean;
}

function importsOf(code: string): Import[] {
  const out: Import[] = [];
  const re = /^\s*import\s+(?:type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm;
  for (const m of code.matchAll(re)) {
    const clause = m[1] ?? '';
    const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
    out.push({
      specifier: m[2] ?? '',
      hasDefault: /^[A-Za-z_$][\w$]*/.test(clause.trim()),
      names: named
        .split(',')
        .map((n) => n.trim().replace(/^type\s+/, ''))
        .map((n) => n.split(/\s+as\s+/)[0]?.trim() ?? '')
        .filter(Boolean),
    });
  }
  // Side-effect imports of packages (`import 'astro-theme-khabar/styles/x.css'`).
  for (const m of code.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) {
    out.push({ specifier: m[1] ?? '', hasDefault: false, names: [] });
  }
  return out;
}

const virtualDeclarations = [read('packages/theme/virtual.d.ts'), read('packages/comments/virtual.d.ts')]
  .join('\n')
  .matchAll(/declare module '([^']+)'/g);
const VIRTUAL_MODULES = [...virtualDeclarations].map((m) => m[1] ?? '');

/**
 * The names a TypeScript module exports, read from its text (the modules import `astro:content` and
 * virtual modules, so they cannot be loaded here); `export * from` and `export { … } from` are followed.
 */
function exportsOf(path: string, seen = new Set<string>()): Set<string> {
  const names = new Set<string>();
  if (seen.has(path) || !existsSync(join(repoRoot, path))) return names;
  seen.add(path);
  const text = read(path);
  if (/^export default\b/m.test(text)) names.add('default');
  for (const m of text.matchAll(
    /^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm,
  ))
    names.add(m[1] ?? '');
  for (const m of text.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}/gm)) {
    for (const part of (m[1] ?? '').split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .at(-1)
        ?.trim();
      if (name) names.add(name);
    }
  }
  for (const m of text.matchAll(/^export\s+\*\s+from\s+['"](\.[^'"]+)['"]/gm)) {
    const target = join(dirname(path), m[1] ?? '');
    for (const name of exportsOf(target, seen)) if (name !== 'default') names.add(name);
  }
  return names;
}

function checkImports(code: string): string[] {
  const problems: string[] = [];
  for (const imp of importsOf(code)) {
    const { specifier } = imp;
    if (specifier.startsWith('virtual:')) {
      const component = /^virtual:khabar\/components\/(\w+)$/.exec(specifier)?.[1];
      if (component !== undefined) {
        if (!(COMPONENT_NAMES as readonly string[]).includes(component))
          problems.push(`${specifier}: no such page part`);
      } else if (!VIRTUAL_MODULES.includes(specifier)) problems.push(`${specifier}: no such virtual module`);
      continue;
    }
    const source = sourceOf(specifier);
    if (source === undefined) continue; // astro, astro:content, the site's own files…
    if (!existsSync(join(repoRoot, source))) {
      problems.push(`${specifier}: resolves to ${source}, which does not exist`);
      continue;
    }
    if (source.endsWith('.astro')) {
      const text = read(source);
      for (const name of imp.names) {
        if (!new RegExp(`export\\s+(?:interface|type)\\s+${name}\\b`).test(text))
          problems.push(`${specifier} exports no type ${name}`);
      }
      continue;
    }
    if (!/\.(?:ts|js|mjs)$/.test(source)) continue;
    const exported = exportsOf(source);
    if (imp.hasDefault && !exported.has('default')) problems.push(`${specifier} has no default export`);
    for (const name of imp.names) {
      if (!exported.has(name)) problems.push(`${specifier} exports no ${name}`);
    }
  }
  return problems;
}

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
/** Commands that are not the project's (their flags are not checked). */
const EXTERNAL = new Set(['openssl', 'git', 'cd', 'apt-get', 'curl', 'systemctl', 'sudo', 'cp', 'mkdir']);
/** Where the scripts that take flags read them. */
const SCRIPT_SOURCES: Record<string, string> = {
  bench: 'bench/run.ts',
  lighthouse: 'scripts/lighthouse.ts',
  start: 'scripts/start.mjs',
};

const cliHelp = execFileSync(process.execPath, [join(repoRoot, 'packages/comments/dist/cli.js'), '--help'], {
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

function checkCli(args: string[]): string[] {
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
function checkCommand(line: string): string[] {
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
  const [first = '', ...rest] = words;
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

function commandLines(code: string): string[] {
  return code
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'))
    .flatMap((line) => line.split(/\s&&\s/));
}

// ---------------------------------------------------------------------------------------------------
// CSS

const tokensCss = read('packages/theme/src/styles/tokens.css');
const TOKENS = new Set([
  ...[...tokensCss.matchAll(/(--khabar-[\w-]+)\s*:/g)].map((m) => m[1] ?? ''),
  // Filled by Astro's Fonts API from the `fonts` option.
  '--khabar-font-body',
  '--khabar-font-headings',
]);
const LAYERS = new Set(['khabar.reset', 'khabar.base', 'khabar.layout', 'khabar.components', 'khabar.utils']);

function checkCss(code: string): string[] {
  const problems: string[] = [];
  for (const m of code.matchAll(/--khabar-[\w-]+/g)) {
    if (!TOKENS.has(m[0])) problems.push(`${m[0]} is not a token of tokens.css`);
  }
  for (const m of code.matchAll(/@layer\s+([^{;]+)[{;]/g)) {
    for (const layer of (m[1] ?? '').split(',').map((l) => l.trim())) {
      if (layer.startsWith('khabar') && !LAYERS.has(layer))
        problems.push(`${layer} is not a layer of the theme`);
    }
  }
  const open = code.split('{').length;
  if (open !== code.split('}').length) problems.push('unbalanced braces');
  return problems;
}

// ---------------------------------------------------------------------------------------------------

const LANGS = new Set(['js', 'ts', 'astro', 'css', 'md', 'json', 'sh', 'text', 'nginx', 'ini']);

describe('code samples in docs/', () => {
  it('are found in both languages', () => {
    for (const lang of LANGUAGES)
      expect(allSamples.filter((s) => s.doc.startsWith(`docs/${lang}/`)).length).toBeGreaterThan(40);
  });

  it('each say their language', () => {
    expect(allSamples.filter((s) => !LANGS.has(s.lang)).map(where)).toEqual([]);
  });

  it('that name a file are excerpts of files the tests build, or valid content files', () => {
    const problems: string[] = [];
    for (const sample of allSamples.filter((s) => s.title !== undefined)) {
      const title = sample.title ?? '';
      if (sample.lang === 'md' && title.includes('content/articles/')) {
        const result = articleSchema.safeParse(articleFrontmatter(sample.code));
        if (!result.success) problems.push(`${where(sample)}: ${JSON.stringify(result.error.issues)}`);
        continue;
      }
      if (sample.lang === 'json' && title.includes('content/authors/')) {
        const result = authorSchema.safeParse(JSON.parse(sample.code));
        if (!result.success) problems.push(`${where(sample)}: ${JSON.stringify(result.error.issues)}`);
        continue;
      }
      const sources = sourcesFor(title);
      if (!sources.some((source) => containsInOrder(source.text, sample.code))) {
        problems.push(
          `${where(sample)} (${title}) is not in ${sources.map((s) => s.path).join(', ') || 'any tested file of that name'}`,
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it('without a file name are khabar() options that pass the schema (js), or CSS, shell or output', () => {
    const problems: string[] = [];
    for (const sample of allSamples.filter((s) => s.title === undefined)) {
      if (['css', 'sh', 'text', 'nginx', 'ini'].includes(sample.lang)) continue;
      if (sample.lang === 'js' && isOptionsFragment(sample.code)) {
        try {
          problems.push(...checkOptions(evaluateFragment(sample.code)).map((p) => `${where(sample)}: ${p}`));
        } catch (error) {
          problems.push(`${where(sample)}: ${(error as Error).message}`);
        }
        continue;
      }
      problems.push(
        `${where(sample)}: a ${sample.lang} sample needs a title="file" taken from a tested file`,
      );
    }
    expect(problems).toEqual([]);
  });

  it('import only what the theme and the comments package export', () => {
    const problems: string[] = [];
    for (const sample of allSamples.filter((s) => ['js', 'ts', 'astro'].includes(s.lang))) {
      problems.push(...checkImports(sample.code).map((p) => `${where(sample)}: ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it('in CSS use the theme’s tokens and layers', () => {
    const problems = allSamples
      .filter((s) => s.lang === 'css')
      .flatMap((s) => checkCss(s.code).map((p) => `${where(s)}: ${p}`));
    expect(problems).toEqual([]);
  });

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
      const prose = read(doc).replace(/^```[\s\S]*?^```/gm, '');
      for (const m of prose.matchAll(/`((?:npx |pnpm )?khabar-comments [^`]+)`/g)) {
        const words = (m[1] ?? '')
          .replace(/^(npx|pnpm) /, '')
          .split(/\s+/)
          .slice(1);
        problems.push(...checkCli(words).map((p) => `${doc}: ${m[1]}: ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the serverless receiver of docs/*/comments.md (tests/fixtures/docs-serverless)', () => {
  it('answers a token request and refuses a post from an unknown origin', async () => {
    // The fixture is written for a site that installed khabar-comments; here its imports point at the
    // package's source, and the endpoint runs as an SSR adapter would run it.
    const dir = join(tmpRoot, 'docs-serverless');
    mkdirSync(dir, { recursive: true });
    const source = read('tests/fixtures/docs-serverless/src/pages/api/comments/[...path].ts')
      .replace(
        "'khabar-comments/handler'",
        JSON.stringify(join(repoRoot, 'packages/comments/src/receiver/index.ts')),
      )
      .replace(
        "'khabar-comments/store'",
        JSON.stringify(join(repoRoot, 'packages/comments/src/store/index.ts')),
      )
      .replace(
        "'../../../../comments/site.json'",
        JSON.stringify(join(repoRoot, 'tests/fixtures/docs-serverless/comments/site.json')),
      );
    const file = join(dir, 'endpoint.ts');
    writeFileSync(file, source);
    process.env['KHABAR_COMMENTS_SECRET'] ??= 'a-test-secret-of-32-characters!!';
    const { ALL } = (await import(file)) as {
      ALL: (context: { request: Request; clientAddress: string }) => Promise<Response>;
    };
    const token = await ALL({
      request: new Request('https://news.example/api/comments/token?post=first-story', {
        headers: { Origin: 'https://news.example' },
      }),
      clientAddress: '203.0.113.7',
    });
    expect(token.status).toBe(200);
    expect(await token.json()).toHaveProperty('token');
    const post = await ALL({
      request: new Request('https://news.example/api/comments/', {
        method: 'POST',
        headers: { Origin: 'https://elsewhere.example', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'comment_post_ID=first-story&comment=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7',
      }),
      clientAddress: '203.0.113.7',
    });
    expect(post.status).toBe(403);
  });
});

describe('the sample checks', () => {
  it('find an excerpt with elisions, in order, and reject one out of order', () => {
    const file = 'a\n  b\nc\nd\n';
    expect(containsInOrder(file, 'a\nb\n// …\nd')).toBe(true);
    expect(containsInOrder(file, 'd\n// …\na')).toBe(false);
    expect(containsInOrder(file, 'a\nc')).toBe(false);
  });

  it('reject options the schema does not know, and a bad comments option', () => {
    expect(checkOptions(evaluateFragment('perPage: 20,\nsearch: false,'))).toEqual([]);
    expect(checkOptions(evaluateFragment('perPages: 20,'))).not.toEqual([]);
    expect(checkOptions(evaluateFragment("comments: { endpoint: 'comments' },"))).not.toEqual([]);
  });

  it('reject an unknown script, CLI command or flag, and an export that does not exist', () => {
    expect(checkCommand('pnpm benchmark')).not.toEqual([]);
    expect(checkCommand('pnpm comments approve <id> --publish')).not.toEqual([]);
    expect(checkCommand('npx khabar-comments moderate')).not.toEqual([]);
    expect(checkCommand('pnpm bench -- --sizes 100,1000')).toEqual([]);
    expect(checkCommand('pnpm bench -- --size 100')).not.toEqual([]);
    expect(checkImports("import { createHandlers } from 'khabar-comments/handler';")).not.toEqual([]);
    expect(checkImports("import { createHandler } from 'khabar-comments/handler';")).toEqual([]);
  });

  it('reject a token the theme does not define', () => {
    expect(checkCss(':root { --khabar-colour-accent: red; }')).not.toEqual([]);
  });
});
