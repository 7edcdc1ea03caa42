import { W, H, n, svgDoc, lin, rect, circle } from '../lib/svg.mjs';

/** Pointed (Islamic) arch outline from (x, baseY) with width w and springing line at springY. */
function archPath(x, w, springY, baseY) {
  const rise = w * 0.62;
  return `M${n(x)} ${n(baseY)} L${n(x)} ${n(springY)} Q${n(x)} ${n(springY - rise * 0.8)} ${n(x + w / 2)} ${n(springY - rise)} Q${n(x + w)} ${n(springY - rise * 0.8)} ${n(x + w)} ${n(springY)} L${n(x + w)} ${n(baseY)} Z`;
}

/** Museum reopening: arcaded facade with a dome, cypress trees and steps. */
export default function museumReopening() {
  const defs =
    lin('sky', [
      [0, '#c5d6df'],
      [1, '#eef0ea'],
    ]) +
    lin('stone', [
      [0, '#eadfca'],
      [1, '#d9c9ab'],
    ]) +
    lin(
      'dome',
      [
        [0, '#8fb0ae'],
        [1, '#5f8786'],
      ],
      [0, 0, 1, 1],
    ) +
    lin('door', [
      [0, '#f7d79a'],
      [1, '#e0a95a'],
    ]);
  let b = rect(0, 0, W, H, 'url(#sky)');
  b += `<ellipse cx="300" cy="160" rx="150" ry="36" fill="#ffffff" opacity="0.55"/>`;
  b += `<ellipse cx="1300" cy="120" rx="120" ry="28" fill="#ffffff" opacity="0.5"/>`;
  // dome and drum
  b += rect(650, 250, 300, 90, 'url(#stone)');
  b += `<path d="M640 252 Q640 90 800 70 Q960 90 960 252 Z" fill="url(#dome)"/>`;
  b += rect(796, 30, 8, 44, '#b9975a');
  b += circle(800, 30, 10, '#c8a45f');
  for (let i = 0; i < 5; i++) b += `<path d="${archPath(668 + i * 56, 32, 322, 336)}" fill="#b7a688"/>`;
  // main body
  b += rect(250, 330, 1100, 400, 'url(#stone)');
  b += rect(235, 318, 1130, 22, '#c9b58f');
  // crenellation-like frieze
  for (let x = 250; x < 1350; x += 44) b += rect(x + 6, 296, 28, 24, '#d9c9ab');
  // arcade
  for (let i = 0; i < 7; i++) {
    const x = 300 + i * 146;
    const isDoor = i === 3;
    b += `<path d="${archPath(x, 100, 480, 730)}" fill="${isDoor ? 'url(#door)' : '#7b8e96'}" opacity="${isDoor ? 1 : 0.85}"/>`;
    b += rect(x - 8, 480, 8, 250, '#cdb991');
  }
  // upper windows
  for (let i = 0; i < 7; i++) b += `<path d="${archPath(330 + i * 146, 40, 390, 430)}" fill="#6f838c"/>`;
  // steps
  for (let i = 0; i < 4; i++)
    b += rect(210 - i * 20, 730 + i * 18, 1180 + i * 40, 18, i % 2 ? '#d3c3a5' : '#c6b597');
  b += rect(0, 802, W, 98, '#b3ac92');
  // cypress trees
  const cypress = (x, h) =>
    `<path d="M${x} ${800 - h} Q${x + 42} ${800 - h * 0.5} ${x + 26} 800 L${x - 26} 800 Q${x - 42} ${800 - h * 0.5} ${x} ${800 - h} Z" fill="#566f4f"/>` +
    rect(x - 4, 790, 8, 14, '#5e4d3b');
  b += cypress(120, 420) + cypress(190, 340) + cypress(1480, 420) + cypress(1410, 340);
  return svgDoc(b, defs);
}
