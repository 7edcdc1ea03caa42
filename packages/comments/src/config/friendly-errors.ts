import type { z } from 'astro/zod';

/** Names a field as it is written in the options: `limits.author.chars`, `origins[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

function received(input: unknown, path: readonly PropertyKey[]): string | undefined {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  if (value === undefined) return undefined;
  // JSON.stringify gives undefined, whatever its declared type, for a function, a symbol, or a toJSON() that does.
  const json = JSON.stringify(value) as string | undefined;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- only those reach String(): it names a function or a symbol, and an odd object is still shown as "[object Object]"
  const text = json ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** One line per problem: the option, what was wrong, and what was found. */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  prefix: string,
): string[] {
  return issues.map((issue) => {
    const field = formatPath([...issue.path]);
    const name = field.startsWith('[') ? `${prefix}${field}` : [prefix, field].filter(Boolean).join('.');
    const got = received(input, issue.path);
    let message = issue.message;
    if (issue.code === 'unrecognized_keys')
      message = `has unknown option(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}: check the spelling`;
    else if (issue.code === 'invalid_type' && got === undefined)
      message = `is required (expected ${issue.expected})`;
    else if (issue.code === 'invalid_value')
      message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    return `- ${name}: ${message}${got !== undefined && issue.code !== 'unrecognized_keys' ? ` (got ${got})` : ''}`;
  });
}

/** Thrown for bad options outside Astro (createHandler, the CLI); the integration wraps it in an AstroError. */
export class KhabarCommentsConfigError extends Error {
  override name = 'KhabarCommentsConfigError';
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(`${message}\n${hint}`);
    this.hint = hint;
  }
}

/** Parses `input` with `schema`, or throws an error listing every bad option. */
export function parseOptions<S extends z.ZodType>(
  schema: S,
  input: unknown,
  title: string,
  hint: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new KhabarCommentsConfigError(
    `${title}\n${describeIssues(result.error.issues, input, '').join('\n')}`,
    hint,
  );
}
