/**
 * The moderator's password, stored as a scrypt hash (node:crypto) in the PHC string format
 * `$scrypt$ln=17,r=8,p=1$<salt>$<hash>` (standard base64 without padding): the parameters travel with
 * the hash, so a stronger setting later still verifies the old ones. Verification compares with
 * `timingSafeEqual`.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParameters {
  /** log2 of the CPU/memory cost N. OWASP's minimum is 17 (N = 131072, 128 MiB with r = 8). */
  ln: number;
  r: number;
  p: number;
}

/** OWASP's recommendation for scrypt (2023): N = 2^17, r = 8, p = 1. */
export const DEFAULT_SCRYPT: ScryptParameters = { ln: 17, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Passwords longer than this are refused outright: nobody types them, and they only cost work. */
export const MAX_PASSWORD_CHARS = 1024;

const PHC =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{22,88})\$([A-Za-z0-9+/]{22,88})$/;

export interface ParsedHash extends ScryptParameters {
  salt: Buffer;
  hash: Buffer;
}

/** A stored hash, parsed; or a sentence saying what is wrong with it (for the owner, naming no secret). */
export function parsePasswordHash(stored: string): ParsedHash | { problem: string } {
  const match = PHC.exec(stored.trim());
  if (!match)
    return {
      problem:
        'is not a scrypt hash made by `khabar-comments passwd` (it should look like "$scrypt$ln=17,r=8,p=1$…$…")',
    };
  const [ln, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (ln < 10 || ln > 20 || r < 1 || r > 32 || p < 1 || p > 16)
    return { problem: `has scrypt parameters out of range (ln=${ln}, r=${r}, p=${p})` };
  const salt = Buffer.from(match[4] ?? '', 'base64');
  const hash = Buffer.from(match[5] ?? '', 'base64');
  if (salt.length < 16 || hash.length < 16) return { problem: 'has a salt or a hash that is too short' };
  return { ln, r, p, salt, hash };
}

function derive(password: string, salt: Buffer, bytes: number, params: ScryptParameters): Promise<Buffer> {
  const N = 2 ** params.ln;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, bytes, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

/** Hashes a password with a fresh random salt. The text is NFC-normalized first, so any keyboard matches. */
export async function hashPassword(
  password: string,
  params: ScryptParameters = DEFAULT_SCRYPT,
): Promise<string> {
  if (password.length > MAX_PASSWORD_CHARS)
    throw new RangeError(`the password is longer than ${MAX_PASSWORD_CHARS} characters`);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, params);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

/** True when `password` matches the stored hash; false for a wrong password or a broken hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if ('problem' in parsed || password.length > MAX_PASSWORD_CHARS) return false;
  const key = await derive(password, parsed.salt, parsed.hash.length, parsed);
  return timingSafeEqual(key, parsed.hash);
}
