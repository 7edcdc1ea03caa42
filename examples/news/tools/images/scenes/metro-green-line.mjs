import { skyline } from '../lib/skyline.mjs';
import { W, H, C, prng, pick, svgDoc, lin, rect, circle } from '../lib/svg.mjs';

/** Metro green line: a white train with a green stripe on an elevated viaduct. */
export default function metroGreenLine() {
  const rand = prng(23);
  const defs =
    lin('sky', [
      [0, '#a9bccb'],
      [0.6, '#e9d8c3'],
      [1, '#f2e3cd'],
    ]) +
    lin('train', [
      [0, '#f4f3ef'],
      [1, '#d4d6d3'],
    ]) +
    lin('ground', [
      [0, '#9a9a8f'],
      [1, '#77776d'],
    ]);
  let b = rect(0, 0, W, H, 'url(#sky)');
  b += circle(300, 230, 70, '#f7e6c8', 'opacity="0.9"');
  b += skyline(rand, { baseY: 620, minH: 150, maxH: 360, fill: '#b9c1c9' });
  b += skyline(rand, {
    baseY: 620,
    minH: 90,
    maxH: 250,
    fill: '#94a1ad',
    windows: { density: 0.3, fill: '#f4e3bf', opacity: 0.7 },
  });
  b += rect(0, 620, W, 280, 'url(#ground)');
  // road below the viaduct
  b += rect(0, 780, W, 70, '#5f6166');
  for (let x = 20; x < W; x += 140) b += rect(x, 812, 70, 6, '#d9d3c4');
  // viaduct
  b += rect(0, 560, W, 34, '#c4c0b6');
  b += rect(0, 590, W, 14, '#a39f96');
  for (let x = 120; x < W; x += 300)
    b += `<path d="M${x - 28} 604 L${x + 28} 604 L${x + 20} 780 L${x - 20} 780 Z" fill="#b2aea4"/>`;
  // train
  b += `<path d="M130 440 L1380 440 Q1500 444 1530 540 L1530 552 L130 552 Z" fill="url(#train)"/>`;
  b += rect(130, 516, 1400, 18, '#5f9470');
  b += rect(130, 534, 1400, 6, '#3f6f52');
  // windows and doors
  for (let car = 0; car < 3; car++) {
    const cx = 150 + car * 430;
    for (let i = 0; i < 5; i++) b += rect(cx + 20 + i * 78, 462, 58, 40, '#3d4f60', 'rx="6"');
    b += rect(cx + 410, 440, 6, 112, '#b9bcb9');
  }
  b += `<path d="M1400 458 L1470 458 Q1502 470 1512 508 L1400 508 Z" fill="#3d4f60"/>`;
  b += circle(1505, 530, 7, '#f6e2a4');
  // wheels / bogies
  for (let x = 210; x < 1500; x += 215) b += rect(x, 548, 70, 12, '#40444a', 'rx="5"');
  // trees in the foreground
  for (let x = 60; x < W; x += 260) {
    const r = 46 + rand() * 18;
    b += rect(x - 5, 700, 10, 90, '#6b5a45');
    b += circle(x, 690, r, pick(rand, [C.sage, C.olive, '#7d9777']));
  }
  return svgDoc(b, defs);
}
