import { skyline } from '../lib/skyline.mjs';
import { W, H, C, prng, n, svgDoc, lin, rect, circle } from '../lib/svg.mjs';

/** Water-saving plan: a drop falling from a tap into a rippling pool, city behind. */
export default function waterSavingPlan() {
  const rand = prng(11);
  const defs =
    lin('sky', [
      [0, '#dfeae9'],
      [1, '#f4efe4'],
    ]) +
    lin('water', [
      [0, '#6d9ea6'],
      [1, '#3f6f7a'],
    ]) +
    lin(
      'drop',
      [
        [0, '#9ccbd0'],
        [1, '#3f7c82'],
      ],
      [0.2, 0, 0.8, 1],
    ) +
    lin('tap', [
      [0, '#c7ced3'],
      [1, '#8c979f'],
    ]);
  let b = rect(0, 0, W, H, 'url(#sky)');
  b += circle(1320, 190, 90, '#f6dfb3', 'opacity="0.8"');
  b += skyline(rand, { baseY: 560, minH: 110, maxH: 260, fill: '#b9c7cc' });
  b += skyline(rand, { baseY: 560, minH: 60, maxH: 170, fill: '#9fb2b8', minW: 70, maxW: 150 });
  b += rect(0, 560, W, 340, 'url(#water)');
  // ripples
  for (let i = 1; i <= 6; i++) {
    b += `<ellipse cx="800" cy="700" rx="${70 * i}" ry="${16 * i}" fill="none" stroke="#d8ecee" stroke-width="${n(6 - i * 0.7)}" opacity="${n(0.75 - i * 0.1)}"/>`;
  }
  // tap at the top
  b += rect(540, 70, 300, 56, 'url(#tap)', 'rx="28"');
  b += rect(770, 96, 60, 110, 'url(#tap)', 'rx="14"');
  b += rect(760, 196, 80, 26, '#7d8890', 'rx="8"');
  b += rect(640, 36, 40, 44, '#8c979f', 'rx="8"');
  b += rect(600, 24, 120, 22, '#a8b1b7', 'rx="11"');
  // large drop
  b += `<path d="M800 250 C 800 250 690 420 690 500 A110 110 0 0 0 910 500 C 910 420 800 250 800 250 Z" fill="url(#drop)"/>`;
  b += `<path d="M742 470 Q748 420 780 380" stroke="#e6f4f5" stroke-width="14" stroke-linecap="round" fill="none" opacity="0.7"/>`;
  // small splash drops
  for (const [x, y, r] of [
    [660, 640, 12],
    [948, 632, 10],
    [610, 676, 7],
    [1000, 668, 8],
  ])
    b += circle(x, y, r, '#cfe6e8', 'opacity="0.9"');
  // leaves on the bank
  b += `<path d="M0 900 L0 760 Q140 700 260 760 Q200 820 320 900 Z" fill="${C.sage}"/>`;
  b += `<path d="M1600 900 L1600 740 Q1450 690 1340 770 Q1420 820 1300 900 Z" fill="${C.olive}"/>`;
  return svgDoc(b, defs);
}
