/**
 * Checks JSON-LD against the schema.org vocabulary as `schema-dts` has it (every type and the properties
 * it has, its parents' included, generated from schema.org's own definitions): each node's `@type` must
 * be a schema.org type and each of its properties one that type has, in nested nodes too. Values are
 * not type-checked: schema.org's ranges are looser in practice than schema-dts's (Google's own examples
 * give an `ImageObject` a number `width`, which schema-dts types as a `Distance` string).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { tmpRoot } from './paths.ts';

export interface LabelledNode {
  /** Where the node comes from (a page's path), for the report. */
  label: string;
  node: Record<string, unknown>;
}

type Json = Record<string, unknown>;

/** Every object with an `@type` in a node, itself first, with the path that leads to it. */
function typedObjects(value: unknown, path: string, out: { path: string; node: Json }[] = []) {
  if (Array.isArray(value)) value.forEach((item, i) => typedObjects(item, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const node = value as Json;
    if (typeof node['@type'] === 'string') out.push({ path, node });
    for (const [key, child] of Object.entries(node)) typedObjects(child, `${path}.${key}`, out);
  }
  return out;
}

/**
 * The properties of each schema.org type, read with the TypeScript compiler from schema-dts: the
 * `<Type>Leaf` interface holds the type's properties and all it inherits. `undefined` for a name that is
 * not a schema.org type.
 */
async function propertiesOf(types: readonly string[]): Promise<Map<string, Set<string> | undefined>> {
  const dir = join(tmpRoot, `schema-org-${process.pid}`);
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'types.ts');
  const safe = types.filter((type) => /^\w+$/.test(type));
  await writeFile(
    file,
    [
      `import type * as S from 'schema-dts';`,
      ...safe.map((type) => `export type ${type} = S.${type}Leaf;`),
    ].join('\n'),
  );
  try {
    const program = ts.createProgram([file], {
      noEmit: true,
      skipLibCheck: true,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      types: [],
    });
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(file);
    if (!program.getSourceFiles().some((f) => f.fileName.includes('schema-dts'))) {
      throw new Error('schema-dts was not found: it is a devDependency of the repository (pnpm install)');
    }
    const result = new Map<string, Set<string> | undefined>(types.map((type) => [type, undefined]));
    for (const statement of source?.statements ?? []) {
      if (!ts.isTypeAliasDeclaration(statement)) continue;
      const type = checker.getTypeFromTypeNode(statement.type);
      // An unknown name resolves to the error type, which has no properties.
      const names = checker.getPropertiesOfType(type).map((p) => p.name);
      if (names.includes('@type')) result.set(statement.name.text, new Set(names));
    }
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** JSON-LD's own keywords, which no schema.org type lists. */
const KEYWORDS = new Set(['@context', '@type', '@id']);

/**
 * Every problem schema.org's vocabulary finds in the nodes, as `label path (@type): problem`: a type that
 * does not exist, or a property its type does not have. An Action's `<property>-input` (schema.org's
 * Actions convention, as in a `SearchAction`'s `query-input`) is a property of the action.
 */
export async function schemaOrgProblems(nodes: readonly LabelledNode[]): Promise<string[]> {
  const objects = nodes.flatMap(({ label, node }) =>
    typedObjects(node, '').map((found) => ({ label, ...found })),
  );
  const properties = await propertiesOf([...new Set(objects.map(({ node }) => String(node['@type'])))]);
  const problems: string[] = [];
  for (const { label, path, node } of objects) {
    const type = String(node['@type']);
    const known = properties.get(type);
    const where = `${label}${path} (${type})`;
    if (!known) {
      problems.push(`${where}: "${type}" is not a schema.org type`);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (KEYWORDS.has(key) || known.has(key)) continue;
      if (/-(input|output)$/.test(key) && type.endsWith('Action')) continue;
      problems.push(`${where}: "${key}" is not a property of ${type}`);
    }
  }
  return problems;
}
