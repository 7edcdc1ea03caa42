/**
 * Client addresses: which one to believe (only what a trusted proxy says), how to key flood control, and
 * how to keep a truncated copy (/24 for IPv4, /48 for IPv6) for the moderator. Parsing, ranges and the
 * walk along a proxy chain are `ipaddr.js`'s and `proxy-addr`'s; what is ours is the policy.
 */
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';

export interface ParsedIp {
  version: 4 | 6;
  /** 4 or 16 bytes. */
  bytes: number[];
}

/** `[2001:db8::1]:443` → `2001:db8::1`, `198.18.0.7:5555` → `198.18.0.7`; anything else unchanged. */
function withoutPort(text: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed?.[1]) return bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(text);
  if (v4WithPort?.[1]) return v4WithPort[1];
  return text;
}

/**
 * Parses an IPv4 or IPv6 address, with or without a port (`1.2.3.4:80`, `[::1]:443`), as proxies write
 * them in `X-Forwarded-For`; IPv4-mapped IPv6 (`::ffff:1.2.3.4`) becomes IPv4. IPv4 must be four
 * decimal parts: a header is not the place for `0x7f.1`.
 */
export function parseIp(input: string): ParsedIp | undefined {
  const text = withoutPort(input.trim());
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) {
    // ipaddr.js reads a leading zero as octal; an address with one is refused rather than misread.
    if (text.split('.').some((part) => part.length > 1 && part.startsWith('0'))) return undefined;
    return { version: 4, bytes: ipaddr.IPv4.parse(text).toByteArray() };
  }
  if (!text.includes(':') || !ipaddr.IPv6.isValid(text)) return undefined;
  const v6 = ipaddr.IPv6.parse(text);
  if (v6.isIPv4MappedAddress()) return { version: 4, bytes: v6.toIPv4Address().toByteArray() };
  return { version: 6, bytes: v6.toByteArray() };
}

function toAddress(ip: ParsedIp): ipaddr.IPv4 | ipaddr.IPv6 {
  return ip.version === 4 ? new ipaddr.IPv4(ip.bytes) : new ipaddr.IPv6(ip.bytes);
}

/** The address in its canonical text (RFC 5952 for IPv6). */
function formatIp(ip: ParsedIp): string {
  return toAddress(ip).toString();
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

/** True when `entry` is an address or a CIDR range `proxy-addr` can match (`10.0.0.0/8`, `::1`). */
export function isAddressOrRange(entry: string): boolean {
  try {
    proxyaddr.compile(entry);
    return true;
  } catch {
    return false;
  }
}

const compiled = new WeakMap<readonly string[], (address: string, hop: number) => boolean>();

function trustFor(ranges: readonly string[]): (address: string, hop: number) => boolean {
  let trust = compiled.get(ranges);
  if (!trust) {
    // Entries the options schema let through are valid; an invalid one is left out rather than trusted.
    trust = proxyaddr.compile(ranges.filter(isAddressOrRange));
    compiled.set(ranges, trust);
  }
  return trust;
}

/**
 * The answers of `inRanges` per list of ranges, by address: the peer of nearly every request behind a
 * proxy is the proxy, and parsing it again each time was 1 % of the receiver's time. Bounded: a flood of
 * distinct addresses clears it rather than growing it.
 */
const answers = new WeakMap<readonly string[], Map<string, boolean>>();

/** True when `address` falls inside one of the entries (addresses or CIDR ranges such as `10.0.0.0/8`). */
export function inRanges(address: string, ranges: readonly string[]): boolean {
  if (ranges.length === 0) return false;
  let known = answers.get(ranges);
  if (!known) {
    known = new Map();
    answers.set(ranges, known);
  }
  let answer = known.get(address);
  if (answer === undefined) {
    const ip = parseIp(address);
    answer = ip ? trustFor(ranges)(formatIp(ip), 0) : false;
    if (known.size >= 1024) known.clear();
    known.set(address, answer);
  }
  return answer;
}

/**
 * The client's address. The socket's peer is the client unless it is a trusted proxy; then the
 * `X-Forwarded-For` chain is walked from the right (`proxy-addr`), skipping trusted proxies, and the
 * first untrusted hop is the client. A header from an untrusted peer is ignored: anyone can write one.
 * Ports and brackets on a hop are dropped. When a hop is not an address at all (`unknown`), the chain
 * says nothing reliable about the client: the socket's peer is used, so flood control stays on (every
 * reader behind that proxy then shares one key, which is what a broken proxy deserves).
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | null,
  trustedProxies: readonly string[],
): string | undefined {
  const socket = peer === undefined ? undefined : parseIp(peer);
  if (!socket) return undefined;
  const socketAddress = formatIp(socket);
  if (!forwardedFor || !inRanges(socketAddress, trustedProxies)) return socketAddress;
  const hops: string[] = [];
  for (const raw of forwardedFor.split(',')) {
    const hop = raw.trim();
    if (!hop) continue;
    const ip = parseIp(hop);
    if (!ip) return socketAddress;
    hops.push(formatIp(ip));
  }
  const request = {
    headers: { 'x-forwarded-for': hops.join(', ') },
    connection: { remoteAddress: socketAddress },
    socket: { remoteAddress: socketAddress },
  };
  // proxy-addr reads only these two fields; the cast says so rather than build a whole IncomingMessage.
  const found = proxyaddr(request as unknown as Parameters<typeof proxyaddr>[0], trustFor(trustedProxies));
  return parseIp(found) ? found : socketAddress;
}
