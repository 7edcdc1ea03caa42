/**
 * Avatars from a keyed hash. The key is the receiver's secret, so the stored value cannot be reversed to
 * an e-mail address by hashing guesses (as Gravatar's MD5 can), and the picture is drawn locally: no
 * request ever leaves the page.
 */
import { hmac, toHex } from './crypto.ts';

/** The keyed avatar hash of a commenter: 20 hex digits from HMAC-SHA-256 of the e-mail, or of the name. */
export async function avatarHash(secret: string, email: string, name: string): Promise<string> {
  const identity = email ? `email:${email.trim().toLowerCase()}` : `name:${name.trim()}`;
  return toHex((await hmac(secret, `khabar-comments/avatar/v1|${identity}`)).subarray(0, 10));
}

/**
 * A 5×5 mirrored identicon as SVG markup. The input must be hex (it is checked), so the markup holds no
 * reader text. Mirrored shapes look the same in both directions.
 */
export function avatarSvg(hash: string, size = 40): string {
  const hex = /^[0-9a-f]{20}$/.test(hash) ? hash : '0'.repeat(20);
  const hue = (parseInt(hex.slice(0, 3), 16) * 360) >> 12;
  const bits = parseInt(hex.slice(3, 7), 16);
  let cells = '';
  for (let row = 0; row < 5; row++) {
    for (let col = 0; col < 3; col++) {
      if (((bits >> (row * 3 + col)) & 1) === 0) continue;
      cells += `<rect x="${col}" y="${row}" width="1" height="1"/>`;
      if (col < 2) cells += `<rect x="${4 - col}" y="${row}" width="1" height="1"/>`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-0.5 -0.5 6 6" width="${size}" height="${size}" aria-hidden="true" focusable="false">` +
    `<rect x="-0.5" y="-0.5" width="6" height="6" fill="hsl(${hue} 45% 92%)"/>` +
    `<g fill="hsl(${hue} 55% 38%)">${cells}</g></svg>`
  );
}
