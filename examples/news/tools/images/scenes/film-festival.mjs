import { W, H, n, svgDoc, lin, rad, rect, circle, poly } from '../lib/svg.mjs';

/** Film festival: dark cinema, glowing screen, projector beam, seats and a film strip. */
export default function filmFestival() {
  const defs =
    lin('room', [
      [0, '#2a2233'],
      [1, '#17131d'],
    ]) +
    lin('screen', [
      [0, '#f5ead2'],
      [1, '#d9c7a8'],
    ]) +
    lin(
      'beam',
      [
        [0, '#fff3d6', 0.5],
        [1, '#fff3d6', 0.02],
      ],
      [1, 0, 0, 1],
    ) +
    lin('seat', [
      [0, '#8e4a4a'],
      [1, '#5e2f33'],
    ]) +
    rad('halo', [
      [0, '#f5ead2', 0.35],
      [1, '#f5ead2', 0],
    ]);
  let b = rect(0, 0, W, H, 'url(#room)');
  // curtains
  for (let i = 0; i < 10; i++) {
    b += rect(i * 22, 0, 22, 620, i % 2 ? '#5c2e36' : '#6c3840');
    b += rect(W - 220 + i * 22, 0, 22, 620, i % 2 ? '#5c2e36' : '#6c3840');
  }
  b += `<ellipse cx="800" cy="260" rx="700" ry="300" fill="url(#halo)"/>`;
  b += rect(300, 80, 1000, 400, 'url(#screen)', 'rx="6"');
  // abstract scene on screen: sea horizon, sun and a house
  b += rect(300, 320, 1000, 160, '#8fb0b8', 'opacity="0.8"');
  b += circle(1060, 250, 50, '#e9b77a', 'opacity="0.85"');
  b += poly(
    [
      [520, 320],
      [600, 250],
      [680, 320],
    ],
    '#b86f52',
    'opacity="0.85"',
  );
  b += rect(540, 320, 120, 60, '#d9c7a8');
  // projector beam from the top right
  b += poly(
    [
      [1500, 20],
      [1530, 40],
      [1300, 480],
      [300, 480],
    ],
    'url(#beam)',
    'opacity="0.35"',
  );
  // seats
  for (let row = 0; row < 4; row++) {
    const y = 560 + row * 90;
    const w = 96 + row * 14;
    const h = 70 + row * 12;
    const offset = row % 2 ? w / 2 : 0;
    for (let x = -w + offset; x < W + w; x += w + 10) {
      b += rect(x, y, w, h, 'url(#seat)', `rx="${n(w * 0.28)}"`);
      b += rect(x + 8, y + 8, w - 16, 10, '#a15b57', 'rx="5" opacity="0.6"');
    }
  }
  // film strip across the bottom left corner
  b += `<g transform="rotate(-14 300 760)">`;
  b += rect(-100, 720, 800, 110, '#1c1a1f');
  for (let x = -90; x < 700; x += 36) {
    b += rect(x, 730, 20, 14, '#d9d0c0');
    b += rect(x, 806, 20, 14, '#d9d0c0');
  }
  for (let x = -80; x < 690; x += 130) b += rect(x, 752, 110, 46, '#c89b4f', 'opacity="0.55"');
  b += `</g>`;
  return svgDoc(b, defs);
}
