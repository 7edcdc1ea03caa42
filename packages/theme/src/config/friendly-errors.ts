import type { z } from 'astro/zod';
import { userError } from '../lib/user-error.ts';

type Issue = z.core.$ZodIssue;

function describeReceived(input: unknown, path: PropertyKey[]): string {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return 'nothing';
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  if (value === undefined) return 'nothing';
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  } catch {
    return typeof value;
  }
}

/** Names a field as a site owner writes it: `sections[1].slug`. */
export function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

/** One line per issue: the field, what was wrong, and what was found. */
export function formatIssue(issue: Issue, input: unknown, prefix = ''): string {
  const path = [...issue.path];
  const field = formatPath(path);
  const name = prefix && field ? `${prefix}.${field}` : prefix || field;
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    message = `has unknown option${issue.keys.length > 1 ? 's' : ''} ${keys}: check the spelling`;
  } else if (issue.code === 'invalid_type' && describeReceived(input, path) === 'nothing') {
    message = `is required (expected ${issue.expected})`;
  } else if (issue.code === 'invalid_value' && 'values' in issue) {
    message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (issue.code === 'invalid_key') {
    message = `has an unknown key: ${issue.issues.map((i) => i.message).join('; ')}`;
  }
  const received = describeReceived(input, path);
  const shown = issue.code === 'unrecognized_keys' || received === 'nothing' ? '' : ` (got ${received})`;
  return `**${name || 'options'}** ${message}${shown}`;
}

/**
 * Validates `input` against `schema` and returns the parsed value, or throws an `AstroError` that
 * lists every bad field with what was expected and what was found.
 * @example parseWithFriendlyErrors(KhabarConfigSchema, options, 'Invalid khabar() options')
 */
export function parseWithFriendlyErrors<S extends z.ZodType>(
  schema: S,
  input: unknown,
  title: string,
  hint?: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `- ${formatIssue(issue, input)}`);
  throw userError(`${title}\n${lines.join('\n')}`, { hint });
}
