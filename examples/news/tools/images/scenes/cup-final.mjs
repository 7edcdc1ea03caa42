import { W, H, prng, n, pick, svgDoc, lin, rad, rect, circle, poly } from '../lib/svg.mjs';

/** Cup final: a floodlit stadium at night, pitch in perspective. */
export default function cupFinal() {
  const rand = prng(53);
  const defs =
    lin('sky', [
      [0, '#1f2937'],
      [1, '#3d4a5c'],
    ]) +
    lin('pitch', [
      [0, '#4f7a53'],
      [1, '#3f6a45'],
    ]) +
    rad('glow', [
      [0, '#fdf3d6', 0.9],
      [1, '#fdf3d6', 0],
    ]) +
    lin('beam', [
      [0, '#fdf3d6', 0.35],
      [1, '#fdf3d6', 0],
    ]);
  let b = rect(0, 0, W, H, 'url(#sky)');
  // stands
  b += `<path d="M0 250 Q800 150 1600 250 L1600 520 L0 520 Z" fill="#2d3746"/>`;
  b += `<path d="M0 250 Q800 150 1600 250 L1600 268 Q800 168 0 268 Z" fill="#596779"/>`;
  // crowd dots
  const crowd = ['#b86f52', '#c89b4f', '#8aa38b', '#a9b6c0', '#c98f86', '#dcc7a1', '#5f8fa6'];
  for (let row = 0; row < 11; row++) {
    const y0 = 290 + row * 21;
    for (let x = 8; x < W; x += 15) {
      const curve = 100 * (1 - ((x - 800) / 800) ** 2);
      const y = y0 - curve * (1 - row / 14) * 0.9;
      if (y > 500) continue;
      b += circle(x + (rand() - 0.5) * 5, y + (rand() - 0.5) * 4, 5.2, pick(rand, crowd), 'opacity="0.85"');
    }
  }
  b += rect(0, 500, W, 24, '#1f2835');
  // pitch in perspective with mowing stripes
  b += `<path d="M250 524 L1350 524 L1600 900 L0 900 Z" fill="url(#pitch)"/>`;
  for (let i = 0; i < 8; i += 2) {
    const t0 = i / 8;
    const t1 = (i + 1) / 8;
    const ya = 524 + 376 * (t0 * t0 * 0.6 + t0 * 0.4);
    const yb = 524 + 376 * (t1 * t1 * 0.6 + t1 * 0.4);
    const xa = 250 * (1 - (ya - 524) / 376);
    const xb = 250 * (1 - (yb - 524) / 376);
    b += `<path d="M${n(xa)} ${n(ya)} L${n(W - xa)} ${n(ya)} L${n(W - xb)} ${n(yb)} L${n(xb)} ${n(yb)} Z" fill="#5b8a5e" opacity="0.55"/>`;
  }
  // markings
  b += `<path d="M300 560 L1300 560 L1500 880 L100 880 Z" fill="none" stroke="#e8efe6" stroke-width="4" opacity="0.85"/>`;
  // seen from behind one goal: halfway line across, penalty area and goal at the far end
  b += `<line x1="219" y1="690" x2="1381" y2="690" stroke="#e8efe6" stroke-width="4" opacity="0.85"/>`;
  b += `<ellipse cx="800" cy="690" rx="150" ry="40" fill="none" stroke="#e8efe6" stroke-width="4" opacity="0.85"/>`;
  b += `<path d="M600 560 L588 602 L1012 602 L1000 560" fill="none" stroke="#e8efe6" stroke-width="4" opacity="0.85"/>`;
  b += `<path d="M700 560 L695 574 L905 574 L900 560" fill="none" stroke="#e8efe6" stroke-width="3" opacity="0.85"/>`;
  b += rect(750, 536, 100, 24, 'none', 'stroke="#f3f3ef" stroke-width="4"');
  // ball
  b += circle(880, 760, 12, '#f6f4ee');
  // floodlights
  for (const [x, h] of [
    [120, 420],
    [1480, 420],
    [470, 330],
    [1130, 330],
  ]) {
    b += rect(x - 5, 500 - h, 10, h, '#4b5563');
    b += rect(x - 50, 470 - h, 100, 44, '#2a323d', 'rx="4"');
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 2; j++) b += circle(x - 36 + i * 24, 482 - h + j * 20, 8, '#fff4cf');
    b += circle(x, 492 - h, 150, 'url(#glow)');
    b += poly(
      [
        [x - 40, 512 - h],
        [x + 40, 512 - h],
        [800 + (x - 800) * 0.2 + 260, 900],
        [800 + (x - 800) * 0.2 - 260, 900],
      ],
      'url(#beam)',
      'opacity="0.35"',
    );
  }
  return svgDoc(b, defs);
}
