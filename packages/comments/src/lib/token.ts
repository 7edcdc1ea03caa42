/**
 * The signed time token: proof that a submission came from a form shown some seconds ago, for this post.
 * `l` (live) tokens come from the receiver's `token` route when the enhancement script runs; `s` (static)
 * tokens are written into the page at build time so the form also works with JavaScript off.
 */
import { hmac, timingSafeEqual, toBase64Url } from './crypto.ts';

export type TokenKind = 'l' | 's';

export interface TokenPolicy {
  /** A live token younger than this is "too fast" (seconds). */
  minSeconds: number;
  /** A live token older than this is "too old" (seconds). */
  maxSeconds: number;
  /** A static (build-time) token older than this is "too old" (seconds). */
  staticMaxSeconds: number;
}

export type TokenCheck =
  | { ok: true; kind: TokenKind; issuedAt: number }
  | { ok: false; reason: 'missing' | 'invalid' | 'too-fast' | 'too-old' };

const TOKEN = /^([ls])\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/;

async function signature(secret: string, kind: TokenKind, postId: string, issued: number): Promise<string> {
  const mac = await hmac(secret, `khabar-comments/token/v1|${kind}|${postId}|${issued}`);
  return toBase64Url(mac.subarray(0, 16));
}

/** Issues a token for `postId` at `now` (milliseconds). */
export async function issueToken(
  secret: string,
  postId: string,
  now: number,
  kind: TokenKind = 'l',
): Promise<string> {
  const issued = Math.floor(now / 1000);
  return `${kind}.${issued}.${await signature(secret, kind, postId, issued)}`;
}

/** Verifies a token for `postId` at `now` (milliseconds). */
export async function verifyToken(
  secret: string,
  token: string | undefined,
  postId: string,
  now: number,
  policy: TokenPolicy,
): Promise<TokenCheck> {
  if (!token) return { ok: false, reason: 'missing' };
  const match = TOKEN.exec(token);
  if (!match) return { ok: false, reason: 'invalid' };
  const kind = match[1] as TokenKind;
  const issued = Number(match[2]);
  const expected = await signature(secret, kind, postId, issued);
  if (!timingSafeEqual(expected, match[3] ?? '')) return { ok: false, reason: 'invalid' };
  const age = now / 1000 - issued;
  if (age < -5) return { ok: false, reason: 'invalid' };
  if (kind === 'l' && age < policy.minSeconds) return { ok: false, reason: 'too-fast' };
  if (age > (kind === 'l' ? policy.maxSeconds : policy.staticMaxSeconds))
    return { ok: false, reason: 'too-old' };
  return { ok: true, kind, issuedAt: issued * 1000 };
}
