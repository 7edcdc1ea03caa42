/**
 * Strict request-body parsing. `URLSearchParams` and `TextDecoder` without `fatal` silently replace bad
 * bytes with U+FFFD; a comment receiver must refuse them instead, so this decodes by hand.
 */

/** The fields a comment form may send, with WordPress's names where WordPress has one. */
export const FIELDS = [
  'author',
  'email',
  'url',
  'comment',
  'comment_post_ID',
  'comment_parent',
  'wp-comment-cookies-consent',
  'khabar_token',
  'subject',
] as const;

export type FieldName = (typeof FIELDS)[number];
export type Fields = Partial<Record<FieldName, string>>;

const FIELD_SET: ReadonlySet<string> = new Set(FIELDS);

export type BodyProblem =
  | { kind: 'encoding'; field?: string }
  | { kind: 'syntax' }
  | { kind: 'unknown-field'; field: string }
  | { kind: 'duplicate-field'; field: string }
  | { kind: 'type'; field: string };

export type BodyResult = { ok: true; fields: Fields } | { ok: false; problem: BodyProblem };

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes bytes as UTF-8, or returns undefined on any invalid sequence. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** Percent-decodes one `application/x-www-form-urlencoded` component into bytes, strictly. */
function percentDecode(raw: Uint8Array, start: number, end: number): Uint8Array | undefined {
  const out = new Uint8Array(end - start);
  let n = 0;
  for (let i = start; i < end; i++) {
    const byte = raw[i] ?? 0;
    if (byte === 0x2b) {
      out[n++] = 0x20;
    } else if (byte === 0x25) {
      const hi = hexValue(raw[i + 1] ?? 0);
      const lo = hexValue(raw[i + 2] ?? 0);
      if (i + 2 >= end || hi < 0 || lo < 0) return undefined;
      out[n++] = hi * 16 + lo;
      i += 2;
    } else {
      out[n++] = byte;
    }
  }
  return out.subarray(0, n);
}

function accept(entries: [string, string][]): BodyResult {
  const fields: Fields = Object.create(null) as Fields;
  for (const [name, value] of entries) {
    if (!FIELD_SET.has(name)) return { ok: false, problem: { kind: 'unknown-field', field: name } };
    const key = name as FieldName;
    if (Object.hasOwn(fields, key)) return { ok: false, problem: { kind: 'duplicate-field', field: name } };
    fields[key] = value;
  }
  return { ok: true, fields };
}

/** Parses a form-encoded body: every name and value must be valid UTF-8 after percent-decoding. */
export function parseFormBody(raw: Uint8Array): BodyResult {
  const entries: [string, string][] = [];
  let start = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i < raw.length && raw[i] !== 0x26) continue;
    if (i > start) {
      let eq = start;
      while (eq < i && raw[eq] !== 0x3d) eq++;
      const nameBytes = percentDecode(raw, start, eq);
      const valueBytes = eq < i ? percentDecode(raw, eq + 1, i) : new Uint8Array(0);
      if (!nameBytes) return { ok: false, problem: { kind: 'syntax' } };
      const name = decodeUtf8(nameBytes);
      if (name === undefined) return { ok: false, problem: { kind: 'encoding' } };
      if (!valueBytes) return { ok: false, problem: { kind: 'encoding', field: name } };
      const value = decodeUtf8(valueBytes);
      if (value === undefined) return { ok: false, problem: { kind: 'encoding', field: name } };
      entries.push([name, value]);
    }
    start = i + 1;
  }
  return accept(entries);
}

/**
 * Parses a JSON body: one flat object whose values are strings (or booleans and numbers, which become
 * strings). Keys are checked against the known fields before anything is assigned, so `__proto__` and
 * `constructor` are simply unknown fields.
 */
export function parseJsonBody(raw: Uint8Array): BodyResult {
  const text = decodeUtf8(raw);
  if (text === undefined) return { ok: false, problem: { kind: 'encoding' } };
  let parsed: unknown;
  try {
    // Duplicate keys collapse to the last one inside JSON.parse; only flat string values are kept.
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: { kind: 'syntax' } };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, problem: { kind: 'syntax' } };
  }
  const entries: [string, string][] = [];
  for (const name of Object.keys(parsed)) {
    const value: unknown = (parsed as Record<string, unknown>)[name];
    if (!FIELD_SET.has(name)) return { ok: false, problem: { kind: 'unknown-field', field: name } };
    if (typeof value === 'string') entries.push([name, value]);
    else if (typeof value === 'boolean') entries.push([name, value ? 'yes' : '']);
    else if (typeof value === 'number' && Number.isFinite(value)) entries.push([name, String(value)]);
    else if (value === null) continue;
    else return { ok: false, problem: { kind: 'type', field: name } };
  }
  // JSON.parse keeps `__proto__` as an own key; Object.keys lists it, so it was refused above.
  return accept(entries);
}
