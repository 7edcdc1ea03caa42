import { z } from 'astro/zod';

/** The parts of a JSON Schema (draft 2020-12, as `z.toJSONSchema()` writes it) that name options. */
interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema | JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

/**
 * The JSON Schema of what a site owner writes: the input side of transforms and defaults. A refinement
 * or a transform has no JSON Schema; it stands as "anything" for the value it checks, which is enough to
 * name the options.
 */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/**
 * Every key path of a schema, as a site owner writes it: `logo`, `logo.src`, `sections`,
 * `sections[].slug`. Read from the schema's JSON Schema, so it sees what Zod says the schema accepts
 * rather than Zod's internals. Records (`components`, `strings`, an author's `social`) are leaves: their
 * keys are data (`propertyNames`), not options. The options of a union (`false | { … }`) are merged.
 */
export function keyPaths(schema: z.ZodType): string[] {
  const root = inputJsonSchema(schema);
  const resolve = (node: JsonSchema): JsonSchema => {
    if (!node.$ref) return node;
    const name = /^#\/\$defs\/(.+)$/.exec(node.$ref)?.[1];
    const target = name === undefined ? undefined : root.$defs?.[decodeURIComponent(name)];
    if (!target) throw new Error(`keyPaths: cannot follow $ref ${node.$ref}`);
    return target;
  };
  const walk = (node: JsonSchema, prefix: string, seen: Set<JsonSchema>): string[] => {
    const schema = resolve(node);
    if (seen.has(schema)) return [];
    const inner = new Set(seen).add(schema);
    const paths: string[] = [];
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      paths.push(path, ...walk(child, path, inner));
    }
    if (schema.items && !Array.isArray(schema.items)) paths.push(...walk(schema.items, `${prefix}[]`, inner));
    for (const option of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
      paths.push(...walk(option, prefix, inner));
    return [...new Set(paths)];
  };
  return walk(root, '', new Set());
}
