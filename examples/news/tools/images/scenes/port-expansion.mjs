import { skyline } from '../lib/skyline.mjs';
import { W, H, C, prng, pick, svgDoc, lin, rect } from '../lib/svg.mjs';

/** Port expansion: gantry cranes, container stacks and a container ship. */
export default function portExpansion() {
  const rand = prng(41);
  const defs =
    lin('sky', [
      [0, '#c9d6dd'],
      [1, '#eef0ea'],
    ]) +
    lin('sea', [
      [0, '#6a8f9c'],
      [1, '#42697a'],
    ]) +
    lin('quay', [
      [0, '#a7a59b'],
      [1, '#8a877d'],
    ]);
  let b = rect(0, 0, W, H, 'url(#sky)');
  b += skyline(rand, { x0: 0, x1: 700, baseY: 560, minH: 40, maxH: 130, fill: '#c0c9cc' });
  b += rect(0, 560, W, 340, 'url(#sea)');
  for (let i = 0; i < 14; i++) {
    const y = 590 + i * 22;
    const x = (i * 137) % 900;
    b += rect(x + 600, y, 220 + (i % 3) * 60, 3, '#a9c4cc', 'opacity="0.45"');
  }
  // quay on the left
  b += `<path d="M0 600 L860 600 L900 900 L0 900 Z" fill="url(#quay)"/>`;
  b += rect(0, 596, 870, 10, '#6f6c64');
  // containers
  const colours = [C.terracotta, C.teal, C.ochre, C.slate, C.sage, '#8c5b4a', '#4f6b80'];
  for (let col = 0; col < 6; col++) {
    const stack = 2 + Math.floor(rand() * 4);
    for (let row = 0; row < stack; row++) {
      const x = 40 + col * 125;
      const y = 800 - row * 50;
      const fill = pick(rand, colours);
      b += rect(x, y, 118, 46, fill);
      for (let i = 1; i < 8; i++) b += rect(x + i * 14.6, y + 5, 2, 36, '#000', 'opacity="0.15"');
    }
  }
  // gantry cranes
  const crane = (x, h) => {
    const c = '#c3704f';
    let s = '';
    s += rect(x, 600 - h, 16, h, c);
    s += rect(x + 150, 600 - h, 16, h, c);
    s += rect(x - 10, 600 - h - 20, 186, 22, c);
    s += `<line x1="${x + 8}" y1="${600 - h + 10}" x2="${x + 158}" y2="${600 - h * 0.45}" stroke="${c}" stroke-width="6"/>`;
    s += `<line x1="${x + 158}" y1="${600 - h + 10}" x2="${x + 8}" y2="${600 - h * 0.45}" stroke="${c}" stroke-width="6"/>`;
    // boom over the water
    s += rect(x - 40, 600 - h - 60, 560, 18, '#b56548');
    s += `<line x1="${x + 80}" y1="${600 - h - 140}" x2="${x + 500}" y2="${600 - h - 58}" stroke="#b56548" stroke-width="5"/>`;
    s += `<line x1="${x + 80}" y1="${600 - h - 140}" x2="${x - 30}" y2="${600 - h - 58}" stroke="#b56548" stroke-width="5"/>`;
    s += rect(x + 74, 600 - h - 150, 14, 92, '#b56548');
    s += rect(x + 300, 600 - h - 42, 40, 26, '#5d6269');
    s += `<line x1="${x + 320}" y1="${600 - h - 16}" x2="${x + 320}" y2="${600 - h + 120}" stroke="#3b3f45" stroke-width="3"/>`;
    return s;
  };
  b += crane(560, 330);
  b += crane(260, 300);
  // ship
  b += `<path d="M960 600 L1560 600 L1520 690 L1000 690 Z" fill="#33404d"/>`;
  b += rect(960, 596, 600, 10, '#8d3f33');
  b += rect(1450, 470, 70, 130, '#e5e2da');
  for (let i = 0; i < 3; i++) b += rect(1460, 486 + i * 34, 50, 12, '#3d4f60');
  for (let col = 0; col < 8; col++) {
    const stack = 2 + Math.floor(rand() * 3);
    for (let row = 0; row < stack; row++)
      b += rect(1000 + col * 54, 560 - row * 38, 50, 36, pick(rand, colours));
  }
  return svgDoc(b, defs);
}
