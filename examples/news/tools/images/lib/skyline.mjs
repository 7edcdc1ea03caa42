// The row of buildings that several scenes stand behind their subject.

import { W, rect } from './svg.mjs';

/** A row of simple buildings between x0 and x1 standing on baseY. */
export function skyline(
  rand,
  { x0 = 0, x1 = W, baseY, minH, maxH, fill, windows = null, minW = 50, maxW = 130 },
) {
  let out = '';
  let x = x0;
  while (x < x1) {
    const w = minW + rand() * (maxW - minW);
    const h = minH + rand() * (maxH - minH);
    const y = baseY - h;
    out += rect(x, y, w + 1, h, fill);
    if (rand() < 0.25) out += rect(x + w * 0.4, y - 24, 4, 24, fill); // antenna
    if (windows) {
      for (let wy = y + 18; wy < baseY - 20; wy += 26) {
        for (let wx = x + 10; wx < x + w - 14; wx += 20) {
          if (rand() < windows.density)
            out += rect(wx, wy, 8, 11, windows.fill, `opacity="${windows.opacity}"`);
        }
      }
    }
    x += w + rand() * 8;
  }
  return out;
}
