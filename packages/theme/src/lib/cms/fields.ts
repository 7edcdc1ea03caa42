/**
 * The web editor's fields, generated from a Zod schema: what a frontmatter file accepts (the schema's
 * input, as Zod's own `z.toJSONSchema` describes it) becomes Sveltia CMS fields, so a field added to the
 * article schema appears in the editor with no change here. Names, required fields, defaults and allowed
 * values come from the schema; what a schema cannot say (that a string is a picture's file, or an id in
 * another collection) comes from the `widgets` the caller passes, by the field's path.
 */
import type { Field } from '@sveltia/cms';
import { z } from 'astro/zod';

/** A JSON Schema node as `z.toJSONSchema` writes it: only the keywords the editor reads. */
interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
}

/**
 * Options of a field as Sveltia CMS reads them (its `Field` type checks the whole field, once built):
 * a widget and what goes with it.
 */
export type FieldOverride = Readonly<Record<string, unknown>>;

export interface FieldOptions {
  /**
   * Fields the schema cannot describe, by path (`image.src`; an item of a list is `corrections.*.date`):
   * merged over the generated field, so they may change its widget.
   */
  widgets?: Readonly<Record<string, FieldOverride>>;
  /** The label of a field, by path; the field's name when it returns undefined. */
  label: (path: string) => string | undefined;
  /** The label of a value of an enum field, by the field's path; the value itself when undefined. */
  optionLabel?: (path: string, value: string) => string | undefined;
  /** The newsroom's IANA time zone: dates are entered and written in it, with its offset. */
  timeZone: string;
}

/**
 * The input side of a Zod schema as JSON Schema. A field that accepts a `Date` (YAML's own dates) is
 * marked `format: date-time`, so a `string | Date` union reads as the date it is; and every default is
 * kept (Zod leaves out, on the input side, the default of a field whose items transform, such as a list
 * of dated corrections).
 */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const def = ctx.zodSchema._zod.def;
      if (def.type === 'date') {
        ctx.jsonSchema.type = 'string';
        ctx.jsonSchema.format = 'date-time';
      }
      if (def.type === 'default' && ctx.jsonSchema.default === undefined) {
        const value: unknown = (def as { defaultValue?: unknown }).defaultValue;
        if (value !== undefined) ctx.jsonSchema.default = JSON.parse(JSON.stringify(value)) as never;
      }
    },
  }) as JsonSchema;
}

/** The alternatives of a node (`anyOf`/`oneOf`), or the node alone. */
function alternatives(node: JsonSchema): JsonSchema[] {
  return node.anyOf ?? node.oneOf ?? [node];
}

function isType(node: JsonSchema, type: string): boolean {
  return Array.isArray(node.type) ? node.type.includes(type) : node.type === type;
}

/** The allowed values of an enum node (`z.enum`, or a union of literals), when it is one. */
function enumValues(node: JsonSchema): unknown[] | undefined {
  if (node.enum) return node.enum;
  const options = alternatives(node);
  if (options.length > 1 && options.every((option) => 'const' in option)) {
    return options.map((option) => option.const);
  }
  return undefined;
}

/** Why a field cannot be shown: the error names the field, so a schema change says what to add. */
export class UnsupportedFieldError extends Error {
  constructor(path: string, node: JsonSchema) {
    super(
      `The web editor has no field for "${path}" (${JSON.stringify(node)}): give it a widget in lib/cms/ (the \`widgets\` of its collection), or describe it with a type the editor knows (string, number, boolean, enum, date, list, object).`,
    );
    this.name = 'UnsupportedFieldError';
  }
}

/** The field's type and its type-specific options, from its JSON Schema. */
function typedField(path: string, node: JsonSchema, options: FieldOptions): FieldOverride {
  const values = enumValues(node);
  if (values) {
    return {
      widget: 'select',
      options: values.map((value) => {
        const text = String(value);
        return { value: value as string, label: options.optionLabel?.(path, text) ?? text };
      }),
    };
  }
  const kinds = alternatives(node);
  if (kinds.some((kind) => kind.format === 'date-time')) {
    // Typed in the newsroom's zone and written with its offset (2016-12-01T14:20:00+02:00), as the
    // stories in the repository are: a date without an offset would be read in the build machine's zone.
    return { widget: 'datetime', input_timezone: options.timeZone, output_utc: false };
  }
  if (isType(node, 'boolean')) return { widget: 'boolean' };
  if (isType(node, 'integer')) return { widget: 'number', value_type: 'int' };
  if (isType(node, 'number')) return { widget: 'number', value_type: 'float' };
  if (isType(node, 'string')) {
    return {
      widget: 'string',
      ...(node.format === 'uri' && { type: 'url' }),
      ...(node.maxLength !== undefined && { maxlength: node.maxLength }),
    };
  }
  if (isType(node, 'array') && node.items) {
    const bounds = {
      ...(node.minItems !== undefined && { min: node.minItems }),
      ...(node.maxItems !== undefined && { max: node.maxItems }),
    };
    const item = node.items;
    const itemValues = enumValues(item);
    if (itemValues) return { ...typedField(path, item, options), multiple: true, ...bounds };
    if (isType(item, 'object') && item.properties) {
      return { widget: 'list', fields: objectFields(`${path}.*`, item, options), ...bounds };
    }
    if (isType(item, 'string') && !item.format) return { widget: 'list', ...bounds };
    return { widget: 'list', field: schemaField('*', `${path}.*`, item, true, options), ...bounds };
  }
  if (isType(node, 'object')) {
    if (node.properties) return { widget: 'object', fields: objectFields(path, node, options) };
    if (typeof node.additionalProperties === 'object' && isType(node.additionalProperties, 'string')) {
      return { widget: 'keyvalue' };
    }
  }
  throw new UnsupportedFieldError(path, node);
}

/** One field of the editor for a field of the schema. */
function schemaField(
  name: string,
  path: string,
  node: JsonSchema,
  required: boolean,
  options: FieldOptions,
): Field {
  const override = options.widgets?.[path];
  const generated: FieldOverride = {
    name,
    label: options.label(path) ?? name,
    ...typedField(path, node, options),
    required,
    ...(node.default !== undefined && { default: node.default }),
  };
  return { ...generated, ...override } as Field;
}

/** The fields of an object node, in the schema's order. */
export function objectFields(path: string, node: JsonSchema, options: FieldOptions): Field[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).map(([name, child]) =>
    schemaField(name, path ? `${path}.${name}` : name, child, required.has(name), options),
  );
}

/**
 * The editor's fields for a frontmatter schema, one per field of the schema, in its order.
 * @example schemaFields(z.object({ title: z.string(), draft: z.boolean().default(false) }), { label: () => undefined, timeZone: 'UTC' })
 * // [{ name: 'title', widget: 'string', required: true, … }, { name: 'draft', widget: 'boolean', required: false, default: false, … }]
 * @throws UnsupportedFieldError naming a field the editor has no widget for.
 */
export function schemaFields(schema: z.ZodType, options: FieldOptions): Field[] {
  const json = inputJsonSchema(schema);
  if (!json.properties) throw new UnsupportedFieldError('(the schema)', json);
  return objectFields('', json, options);
}
