import { skyline } from '../lib/skyline.mjs';
import { W, H, C, prng, n, pick, svgDoc, lin, rect, circle } from '../lib/svg.mjs';

/** A stylised person: head, torso and limbs drawn as round-capped strokes. */
function runner(x, y, s, shirt, skin, phase) {
  const sw = 11 * s;
  const legLength = 44 * s;
  const a1 = phase ? 0.5 : -0.4;
  const a2 = phase ? -0.45 : 0.55;
  const hipX = x;
  const hipY = y;
  const shoulderX = x + 6 * s;
  const shoulderY = y - 50 * s;
  const line = (x1, y1, x2, y2, c, wdt = sw) =>
    `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${c}" stroke-width="${n(wdt)}" stroke-linecap="round"/>`;
  // Each leg swings from the hip and each arm from the shoulder, at the angle of its phase.
  const leg = (a) => line(hipX, hipY, hipX + Math.sin(a) * legLength, hipY + Math.cos(a) * legLength, C.ink);
  const armY = shoulderY + 6 * s;
  const arm = (a) =>
    line(shoulderX, armY, shoulderX + Math.sin(a) * 34 * s, armY + Math.cos(a) * 30 * s, skin, sw * 0.8);
  return (
    leg(a1) +
    leg(a2) +
    arm(a2) +
    arm(a1) +
    line(hipX, hipY, shoulderX, shoulderY, shirt, 22 * s) +
    circle(shoulderX + 3 * s, shoulderY - 20 * s, 12 * s, skin)
  );
}

/** City marathon: runners on a tree-lined road toward a finish arch. */
export default function cityMarathon() {
  const rand = prng(67);
  const defs =
    lin('sky', [
      [0, '#cfdde4'],
      [1, '#f3e9d9'],
    ]) +
    lin('road', [
      [0, '#8b8e93'],
      [1, '#5d6166'],
    ]) +
    lin('grass', [
      [0, '#a7b98f'],
      [1, '#7f9a6c'],
    ]);
  let b = rect(0, 0, W, H, 'url(#sky)');
  b += skyline(rand, { baseY: 470, minH: 80, maxH: 260, fill: '#bfc9cd' });
  b += skyline(rand, { baseY: 470, minH: 50, maxH: 150, fill: '#a5b3b8', minW: 60, maxW: 120 });
  b += rect(0, 470, W, 430, 'url(#grass)');
  b += `<path d="M700 470 L900 470 L1400 900 L200 900 Z" fill="url(#road)"/>`;
  for (let i = 0; i < 7; i++) {
    const t = i / 7;
    const y = 480 + 420 * t * t;
    const hgt = 8 + 40 * t * t;
    b += rect(798 - 2 - 4 * t, y, 4 + 8 * t, hgt, '#efe7d2');
  }
  // trees along the road
  for (const side of [-1, 1]) {
    for (let i = 0; i < 6; i++) {
      const t = (i + 0.5) / 6;
      const y = 470 + 400 * t * t;
      const x = 800 + side * (110 + 620 * t * t) + side * 60;
      const s = 0.3 + t * 1.1;
      b += rect(x - 5 * s, y - 60 * s, 10 * s, 70 * s, '#6b5a45');
      b += circle(x, y - 90 * s, 46 * s, pick(rand, [C.sage, C.olive, '#7d9777']));
    }
  }
  // finish arch
  b += `<path d="M660 560 L660 400 Q800 330 940 400 L940 560 L905 560 L905 410 Q800 362 695 410 L695 560 Z" fill="${C.terracotta}"/>`;
  b += `<path d="M695 410 Q800 362 905 410 L905 430 Q800 384 695 430 Z" fill="#e5d1b4"/>`;
  // runners
  const shirts = [C.teal, C.ochre, C.rose, C.navy, C.terracotta, '#6d8fa9', C.sage];
  const skins = ['#c99b78', '#a8775a', '#8a5d45', '#d8b394'];
  const people = [
    [760, 570, 0.45],
    [840, 585, 0.5],
    [700, 610, 0.6],
    [880, 620, 0.62],
    [790, 640, 0.7],
    [620, 700, 0.95],
    [960, 690, 0.9],
    [760, 730, 1.05],
    [1050, 760, 1.2],
    [520, 790, 1.3],
    [880, 820, 1.45],
    [380, 860, 1.6],
  ];
  people.forEach(([x, y, s], i) => {
    b += runner(x, y, s * 1.3, pick(rand, shirts), pick(rand, skins), i % 2 === 0);
  });
  return svgDoc(b, defs);
}
