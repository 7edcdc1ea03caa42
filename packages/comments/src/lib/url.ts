/** URL checks: a reader's website, links inside comments, and where the receiver may redirect. */
import ipaddr from 'ipaddr.js';

export type UrlProblem = 'scheme' | 'credentials' | 'invalid' | 'private';

/** Host names that never name a public site: this machine, the local network, a cloud's own services. */
const LOCAL_NAME = /(?:^|\.)(?:localhost|local|internal|intranet|lan|home\.arpa)\.?$/i;

/**
 * True when the URL's host is not on the public internet: loopback, private, link-local, CGNAT, cloud
 * metadata (169.254.169.254, fd00:ec2::254), multicast, reserved and the like. The host is the one
 * `new URL` normalised, so `0x7f.1`, `2130706433` and `017700000001` are all 127.0.0.1 by now;
 * `ipaddr.js` knows which ranges are public (`unicast`).
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (LOCAL_NAME.test(host)) return true;
  if (!ipaddr.isValid(host)) return false;
  let address = ipaddr.parse(host);
  if (address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress()) address = address.toIPv4Address();
  return address.range() !== 'unicast';
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const BARE_HOST = /^[\p{L}\p{N}][\p{L}\p{N}.-]*\.[\p{L}\p{N}-]{2,}(?::\d{1,5})?(?:[/?#]|$)/u;

/**
 * Parses a reader's website. Accepts `http:` and `https:` only, without user name or password; a bare
 * host such as `example.com/page` gets `https://`. Returns the normalized href or the problem.
 */
export function parseWebsite(input: string): { href: string } | { problem: UrlProblem } {
  let text = input.trim();
  if (!SCHEME.test(text)) {
    if (text.startsWith('//') || !BARE_HOST.test(text))
      return { problem: text.includes(':') ? 'scheme' : 'invalid' };
    text = `https://${text}`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'scheme' };
  if (url.username || url.password) return { problem: 'credentials' };
  if (isPrivateHost(url.hostname)) return { problem: 'private' };
  if (!url.hostname || (!url.hostname.includes('.') && !url.hostname.startsWith('[')))
    return { problem: 'invalid' };
  return { href: url.href };
}

/** A link target inside a comment body: the same rules as a website, or nothing. */
export function safeLinkHref(input: string): string | undefined {
  const parsed = parseWebsite(input);
  return 'href' in parsed ? parsed.href : undefined;
}

/** The origin of a URL string, or undefined when it is not an absolute http(s) URL. */
export function originOf(input: string | null | undefined): string | undefined {
  if (!input) return undefined;
  try {
    const url = new URL(input);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/**
 * Builds an absolute redirect to one of the site's own pages. `path` must be a site path (starting with a
 * single `/`), `origin` one of the allowed origins; anything else yields undefined.
 */
export function siteRedirect(origin: string, path: string, fragment = ''): string | undefined {
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return undefined;
  // eslint-disable-next-line no-control-regex -- it must match C0 controls, space and DEL to refuse them
  if (/[\u0000-\u0020\u007F]/.test(path)) return undefined;
  let url: URL;
  try {
    url = new URL(path, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== origin) return undefined;
  url.hash = fragment;
  return url.href;
}

/** What a trusted proxy says about the URL the reader used (`X-Forwarded-Proto`, `X-Forwarded-Host`). */
export interface ForwardedUrl {
  proto: string | null;
  host: string | null;
}

/** A host name or IP literal with an optional port: nothing that could add a path or credentials. */
const FORWARDED_HOST = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}.-]*[\p{L}\p{N}])?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/iu;

/** The first entry of a comma-separated header (the hop nearest the reader), trimmed; or undefined. */
function firstEntry(value: string | null): string | undefined {
  const first = value?.split(',')[0]?.trim();
  return first || undefined;
}

/**
 * Where the receiver's own pages post: its configured public URL; else the scheme and host a trusted
 * proxy forwarded (`forwarded` is only passed for a request from one), with the base path; else the
 * request's own origin and the base path. A forwarded value that is not an http(s) scheme or a plain
 * host is ignored.
 */
export function receiverUrl(input: {
  publicUrl?: string | undefined;
  requestUrl: string;
  basePath: string;
  forwarded?: ForwardedUrl | undefined;
}): string {
  if (input.publicUrl) return new URL(input.publicUrl).href;
  const request = new URL(input.requestUrl);
  let origin = request.origin;
  if (input.forwarded) {
    const proto = firstEntry(input.forwarded.proto)?.toLowerCase() ?? request.protocol.slice(0, -1);
    const host = firstEntry(input.forwarded.host) ?? request.host;
    if ((proto === 'http' || proto === 'https') && FORWARDED_HOST.test(host))
      origin = new URL(`${proto}://${host}`).origin;
  }
  return `${origin}${input.basePath}`;
}
