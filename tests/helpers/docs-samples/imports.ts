import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { init as initLexer, parse as lexModule, type StaticImport } from 'es-module-lexer';
import { COMPONENT_NAMES } from '../../../packages/theme/src/config/components.ts';
import { repoRoot } from '../paths.ts';
import { read, readPackage } from './repo.ts';

/**
 * Imports: every import of a sample from the theme or the comments package names an export that exists.
 * Samples and the packages' modules are lexed with es-module-lexer (which lexes TypeScript); nothing is
 * loaded.
 */

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

await initLexer();

/**
 * The module code of a sample: all of it for JS and TS; for a component, its frontmatter (the code
 * between the opening `---` fences, as Astro reads it) and the bodies of its `<script>` tags.
 */
function moduleCode(code: string, lang: string): string[] {
  if (lang !== 'astro') return [code];
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(code)?.[1];
  const scripts = [...code.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  return [...(frontmatter === undefined ? [] : [frontmatter]), ...scripts];
}

/**
 * What an import statement binds, from the clause es-module-lexer located between `import` and the
 * specifier: `D, { a, b as c, type E }` → default D, names a, b, E (the exported names); `* as ns` and a
 * bare `import 'x.css'` name nothing.
 */
function bindings(statement: string, typeOnly: boolean): { hasDefault: boolean; names: string[] } {
  let clause = statement.replace(/^import\s*/, '').replace(/\s*from\s*$/, '');
  if (typeOnly) clause = clause.replace(/^type\s+/, '');
  const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
  return {
    hasDefault: /^[A-Za-z_$][\w$]*/.test(clause.trim()),
    names: named
      .split(',')
      .map((n) => n.trim().replace(/^type\s+/, ''))
      .map((n) => n.split(/\s+as\s+/)[0]?.trim() ?? '')
      .filter(Boolean),
  };
}

/**
 * The module records of the longest leading run of lines of `source` that lexes. A sample is often not a
 * whole module: an excerpt elides part of its file (`// …`), an options fragment is an object's inside.
 * Its imports come first, so the run that lexes holds them; an import after it is an error.
 */
function lexLeading(source: string): ReturnType<typeof lexModule>[0] {
  const lines = source.split('\n');
  for (let n = lines.length; n > 0; n--) {
    let imports: ReturnType<typeof lexModule>[0];
    try {
      imports = lexModule(lines.slice(0, n).join('\n'))[0];
    } catch {
      continue;
    }
    const after = lines.slice(n).findIndex((line) => /^\s*import\b/.test(line));
    if (after >= 0) throw new Error(`line ${n + after + 1} imports after code that does not lex`);
    return imports;
  }
  if (lines.some((line) => /^\s*import\b/.test(line))) throw new Error('no line of it lexes');
  return [];
}

/** The static imports of a sample (`import … from`, `import '…'`), lexed. */
function importsOf(code: string, lang = 'js'): Import[] {
  return moduleCode(code, lang).flatMap((source) =>
    lexLeading(source)
      .filter((imp): imp is StaticImport => imp.type === 'static')
      .filter((imp) => source.startsWith('import', imp.importStart))
      .map((imp) => ({
        specifier: imp.specifier,
        ...bindings(source.slice(imp.importStart, imp.start - 1), imp.typeOnly),
      })),
  );
}

const virtualDeclarations = [read('packages/theme/virtual.d.ts'), read('packages/comments/virtual.d.ts')]
  .join('\n')
  .matchAll(/declare module '([^']+)'/g);
const VIRTUAL_MODULES = [...virtualDeclarations].map((m) => m[1] ?? '');

/**
 * The names a TypeScript module exports, lexed by es-module-lexer (the modules import `astro:content`
 * and virtual modules, so they cannot be loaded here); `export * from './…'` is followed.
 */
function exportsOf(path: string, seen = new Set<string>()): Set<string> {
  const names = new Set<string>();
  if (seen.has(path) || !existsSync(join(repoRoot, path))) return names;
  seen.add(path);
  for (const exp of lexModule(read(path))[1]) {
    if (exp.type !== 'reexport-all') names.add(exp.name);
    else if (exp.from.startsWith('.')) {
      for (const name of exportsOf(join(dirname(path), exp.from), seen))
        if (name !== 'default') names.add(name);
    }
  }
  return names;
}

/** The types a component exports from its frontmatter (`export interface Props`). */
function typeExportsOfComponent(path: string): Set<string> {
  return new Set(
    moduleCode(read(path), 'astro')
      .flatMap((source) => lexModule(source)[1])
      .flatMap((exp) => (exp.type === 'direct' && exp.typeOnly ? [exp.name] : [])),
  );
}

/** What is wrong with the imports of a sample, one line a problem. */
export function checkImports(code: string, lang = 'js'): string[] {
  const problems: string[] = [];
  let imports: Import[];
  try {
    imports = importsOf(code, lang);
  } catch (error) {
    return [`its imports do not lex: ${(error as Error).message}`];
  }
  for (const imp of imports) {
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
      const types = typeExportsOfComponent(source);
      for (const name of imp.names) {
        if (!types.has(name)) problems.push(`${specifier} exports no type ${name}`);
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
