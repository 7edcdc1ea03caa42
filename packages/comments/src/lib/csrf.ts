/**
 * Cross-site request forgery, refused twice over: every form carries a random token tied to the
 * session (compared with `timingSafeEqual`), and a POST whose browser says it came from another origin
 * (`Sec-Fetch-Site`, else `Origin`) is refused before the token is even read.
 */
import { timingSafeEqual } from 'node:crypto';
import { toBase64Url } from './crypto.ts';

/** 32 random bytes, base64url: a session id or a form token. */
export function randomToken(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return toBase64Url(bytes);
}

/** True when the token a form sent is the expected one; in time that does not depend on where they differ. */
export function tokensMatch(expected: string | undefined, given: string | null | undefined): boolean {
  if (!expected || typeof given !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * True when a state-changing request may have come from the receiver's own pages. Browsers send
 * `Sec-Fetch-Site` (Chrome 76, Firefox 90, Safari 16.4): only `same-origin` passes. Older ones send
 * `Origin` on a form POST: it must be one of `own`. A client that sends neither (curl, a script) is
 * no browser a forged page could drive; the form token still decides.
 */
export function isSameOriginRequest(headers: Headers, own: ReadonlySet<string>): boolean {
  const site = headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  const origin = headers.get('origin');
  if (origin === null) return true;
  return own.has(origin);
}
