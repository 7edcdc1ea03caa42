import { W, H, n, svgDoc, lin, rad, rect, circle, poly } from '../lib/svg.mjs';

/** Solar plant: rows of tilted panels among dunes under a bright sun. */
export default function solarPlant() {
  const defs =
    lin('sky', [
      [0, '#f0dcb8'],
      [1, '#f7ecd8'],
    ]) +
    rad('sun', [
      [0, '#fff6dc'],
      [0.55, '#f7d98f'],
      [1, '#f7d98f', 0],
    ]) +
    lin('panel', [
      [0, '#3e5a78'],
      [1, '#23364a'],
    ]) +
    lin('dune1', [
      [0, '#e2c596'],
      [1, '#d3b07a'],
    ]) +
    lin('dune2', [
      [0, '#d6b682'],
      [1, '#c29c63'],
    ]);
  let b = rect(0, 0, W, H, 'url(#sky)');
  b += circle(1230, 190, 190, 'url(#sun)');
  b += circle(1230, 190, 80, '#fbeab8');
  b += `<path d="M0 470 Q260 400 520 440 T1040 430 T1600 420 L1600 900 L0 900 Z" fill="url(#dune1)"/>`;
  b += `<path d="M0 520 Q300 480 640 510 T1600 500 L1600 900 L0 900 Z" fill="url(#dune2)"/>`;
  // panel rows: farther rows are smaller
  const rows = [
    { y: 500, w: 64, h: 22, gap: 12, skew: 8 },
    { y: 560, w: 92, h: 32, gap: 16, skew: 12 },
    { y: 640, w: 132, h: 46, gap: 22, skew: 18 },
    { y: 745, w: 190, h: 66, gap: 30, skew: 26 },
  ];
  for (const r of rows) {
    const offset = (r.y * 7) % (r.w + r.gap);
    for (let x = -offset; x < W + r.w; x += r.w + r.gap) {
      // leg
      b += rect(x + r.w / 2 - 2, r.y + r.h - 2, 4, r.h * 0.6, '#6a6256');
      b += poly(
        [
          [x + r.skew, r.y],
          [x + r.w + r.skew, r.y],
          [x + r.w, r.y + r.h],
          [x, r.y + r.h],
        ],
        'url(#panel)',
      );
      // cell grid
      for (let i = 1; i < 4; i++) {
        const t = i / 4;
        b += `<line x1="${n(x + r.skew + r.w * t)}" y1="${r.y}" x2="${n(x + r.w * t)}" y2="${r.y + r.h}" stroke="#8fa7bd" stroke-width="1.5" opacity="0.6"/>`;
      }
      b += `<line x1="${n(x + r.skew / 2)}" y1="${n(r.y + r.h / 2)}" x2="${n(x + r.w + r.skew / 2)}" y2="${n(r.y + r.h / 2)}" stroke="#8fa7bd" stroke-width="1.5" opacity="0.6"/>`;
      b += poly(
        [
          [x + r.skew, r.y],
          [x + r.w + r.skew, r.y],
          [x + r.w + r.skew * 0.8, r.y + r.h * 0.2],
          [x + r.skew * 0.8, r.y + r.h * 0.2],
        ],
        '#b9cee0',
        'opacity="0.35"',
      );
    }
  }
  return svgDoc(b, defs);
}
