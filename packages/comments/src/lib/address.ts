/**
 * Client addresses: which one to believe (only what a trusted proxy says), how to key flood control, and
 * how to keep a truncated copy (/24 for IPv4, /48 for IPv6) for the moderator. Pure and portable.
 */

export interface ParsedIp {
  version: 4 | 6;
  /** 4 or 16 bytes. */
  bytes: number[];
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || (part.length > 1 && part.startsWith('0'))) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    bytes.push(n);
  }
  return bytes;
}

function parseIpv6(text: string): number[] | undefined {
  let body = text;
  const zone = body.indexOf('%');
  if (zone >= 0) body = body.slice(0, zone);
  let tail: number[] = [];
  const lastColon = body.lastIndexOf(':');
  if (body.includes('.', lastColon)) {
    const v4 = parseIpv4(body.slice(lastColon + 1));
    if (!v4) return undefined;
    tail = v4;
    body = `${body.slice(0, lastColon + 1)}0:0`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const toGroups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = toGroups(halves[0] ?? '');
  const rest = halves.length === 2 ? toGroups(halves[1] ?? '') : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  const bytes: number[] = [];
  for (const group of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return undefined;
    const n = parseInt(group, 16);
    bytes.push(n >> 8, n & 255);
  }
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** Parses an IPv4 or IPv6 address; IPv4-mapped IPv6 (`::ffff:1.2.3.4`) becomes IPv4. */
export function parseIp(input: string): ParsedIp | undefined {
  const text = input.trim().replace(/^\[|\]$/g, '');
  const v4 = parseIpv4(text);
  if (v4) return { version: 4, bytes: v4 };
  if (!text.includes(':')) return undefined;
  const v6 = parseIpv6(text);
  if (!v6) return undefined;
  const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 255 && v6[11] === 255;
  if (mapped) return { version: 4, bytes: v6.slice(12) };
  return { version: 6, bytes: v6 };
}

function formatIp(ip: ParsedIp): string {
  if (ip.version === 4) return ip.bytes.join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((ip.bytes[i] ?? 0) << 8) | (ip.bytes[i + 1] ?? 0));
  // RFC 5952: compress the longest run (of two or more) of zero groups.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

function maskBytes(bytes: number[], prefix: number): number[] {
  return bytes.map((byte, i) => {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    return keep === 8 ? byte : byte & ((0xff << (8 - keep)) & 0xff);
  });
}

/** The address truncated for storage: /24 for IPv4, /48 for IPv6. */
export function truncateIp(input: string): string | undefined {
  const ip = parseIp(input);
  if (!ip) return undefined;
  const prefix = ip.version === 4 ? 24 : 48;
  return `${formatIp({ ...ip, bytes: maskBytes(ip.bytes, prefix) })}/${prefix}`;
}

/** The key flood control counts by: the whole IPv4 address, or the IPv6 /64 (one household or host). */
export function floodKey(input: string): string {
  const ip = parseIp(input);
  if (!ip) return `raw:${input}`;
  if (ip.version === 4) return formatIp(ip);
  return `${formatIp({ ...ip, bytes: maskBytes(ip.bytes, 64) })}/64`;
}

/** True when `address` falls inside one of the entries (addresses or CIDR ranges such as `10.0.0.0/8`). */
export function inRanges(address: string, ranges: readonly string[]): boolean {
  const ip = parseIp(address);
  if (!ip) return false;
  return ranges.some((range) => {
    const [base = '', bits] = range.split('/');
    const net = parseIp(base);
    if (!net || net.version !== ip.version) return false;
    const max = ip.version === 4 ? 32 : 128;
    const prefix = bits === undefined ? max : Number(bits);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) return false;
    const a = maskBytes(ip.bytes, prefix);
    const b = maskBytes(net.bytes, prefix);
    return a.every((byte, i) => byte === b[i]);
  });
}

/**
 * The client's address. The socket's peer is the client unless it is a trusted proxy; then the
 * `X-Forwarded-For` chain is walked from the right, skipping trusted proxies, and the first untrusted
 * hop is the client. A header from an untrusted peer is ignored: anyone can write one.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | null,
  trustedProxies: readonly string[],
): string | undefined {
  if (!peer) return undefined;
  if (!forwardedFor || !inRanges(peer, trustedProxies)) return parseIp(peer) ? peer : undefined;
  const hops = forwardedFor
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] ?? '';
    if (!parseIp(hop)) return undefined;
    if (!inRanges(hop, trustedProxies)) return hop;
  }
  return hops[0] ?? peer;
}
