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

/** What an identicon is drawn from: its two colours and its cells as one SVG path. */
export interface AvatarShapes {
  /** The light background, `hsl(…)`. */
  background: string;
  /** The cells' colour, `hsl(…)`. */
  foreground: string;
  /** The filled cells of the 5×5 grid (x and y 0–4) as path data: one rectangle per run; empty when none. */
  cells: string;
}

/**
 * A 5×5 mirrored identicon from a hash: the hue from its first three hex digits, the cells from the next
 * four. The input must be hex (it is checked), so nothing drawn holds reader text. Mirrored shapes look
 * the same in both directions. Cells that touch are one rectangle: horizontal runs in a row, stacked
 * while the rows below repeat them, so `cells` stays a few dozen bytes.
 */
export function avatarShapes(hash: string): AvatarShapes {
  const hex = /^[0-9a-f]{20}$/.test(hash) ? hash : '0'.repeat(20);
  const hue = (parseInt(hex.slice(0, 3), 16) * 360) >> 12;
  const bits = parseInt(hex.slice(3, 7), 16);
  const filled = (row: number, col: number) => ((bits >> (row * 3 + Math.min(col, 4 - col))) & 1) === 1;
  /** Open rectangles by "x,width": where each starts and how many rows it spans so far. */
  let open = new Map<string, { x: number; y: number; w: number; h: number }>();
  const done: { x: number; y: number; w: number; h: number }[] = [];
  for (let row = 0; row <= 5; row++) {
    const next = new Map<string, { x: number; y: number; w: number; h: number }>();
    for (let col = 0; row < 5 && col < 5; col++) {
      if (!filled(row, col) || (col > 0 && filled(row, col - 1))) continue;
      let w = 1;
      while (col + w < 5 && filled(row, col + w)) w++;
      const key = `${col},${w}`;
      const above = open.get(key);
      next.set(key, above ? { ...above, h: above.h + 1 } : { x: col, y: row, w, h: 1 });
      open.delete(key);
    }
    done.push(...open.values());
    open = next;
  }
  done.sort((a, b) => a.y - b.y || a.x - b.x);
  return {
    background: `hsl(${hue} 45% 92%)`,
    foreground: `hsl(${hue} 55% 38%)`,
    cells: done.map(({ x, y, w, h }) => `M${x} ${y}h${w}v${h}H${x}z`).join(''),
  };
}

/**
 * The identicon as a standalone SVG document (it carries its namespace and size, for use outside the
 * components, e.g. as a file). The components draw the same shapes with less markup.
 */
export function avatarSvg(hash: string, size = 40): string {
  const { background, foreground, cells } = avatarShapes(hash);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-0.5 -0.5 6 6" width="${size}" height="${size}" aria-hidden="true" focusable="false">` +
    `<rect x="-0.5" y="-0.5" width="6" height="6" fill="${background}"/>` +
    (cells ? `<path fill="${foreground}" d="${cells}"/>` : '') +
    '</svg>'
  );
}
