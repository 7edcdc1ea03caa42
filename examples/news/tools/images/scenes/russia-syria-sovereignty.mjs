import { W, H, svgDoc, lin, rad, rect, circle } from '../lib/svg.mjs';

/** Seed article: a podium with microphones between two flags in neutral colours. */
export default function russiaSyriaSovereignty() {
  const defs =
    lin('wall', [
      [0, '#e7e1d6'],
      [1, '#cfc6b7'],
    ]) +
    lin('floor', [
      [0, '#8d8475'],
      [1, '#6d665b'],
    ]) +
    rad(
      'spot',
      [
        [0, '#fff8ea', 0.85],
        [1, '#fff8ea', 0],
      ],
      0.5,
      0.45,
      0.5,
    ) +
    lin(
      'podium',
      [
        [0, '#4d5d6d'],
        [1, '#35424f'],
      ],
      [0, 0, 1, 0],
    ) +
    lin(
      'flagA',
      [
        [0, '#50667b'],
        [0.25, '#6a8196'],
        [0.5, '#50667b'],
        [0.75, '#687f94'],
        [1, '#4b6074'],
      ],
      [0, 0, 1, 0],
    ) +
    lin(
      'flagB',
      [
        [0, '#b99a67'],
        [0.25, '#d2b684'],
        [0.5, '#b99a67'],
        [0.75, '#cfb27f'],
        [1, '#b0915f'],
      ],
      [0, 0, 1, 0],
    ) +
    lin(
      'pole',
      [
        [0, '#b8a27a'],
        [0.5, '#e4d3ae'],
        [1, '#a58e66'],
      ],
      [0, 0, 1, 0],
    );
  let b = rect(0, 0, W, H, 'url(#wall)');
  // wall panels
  for (let i = 0; i < 8; i++) b += rect(40 + i * 195, 60, 170, 640, '#ffffff', 'opacity="0.12" rx="6"');
  b += rect(0, 730, W, 170, 'url(#floor)');
  b += rect(0, 722, W, 10, '#b7ac9a');
  b += `<ellipse cx="800" cy="420" rx="620" ry="420" fill="url(#spot)"/>`;
  // flags hanging from poles, left and right of the podium
  const flag = (px, fill, dir) => {
    const x0 = px + dir * 10;
    const x1 = px + dir * 190;
    const top = 150;
    const bottom = 600;
    let s = rect(px - 6, 110, 12, 620, 'url(#pole)', 'rx="5"');
    s += circle(px, 104, 14, '#d8c392');
    s += `<path d="M${x0} ${top} L${x1} ${top + 10} C${x1 + dir * 10} ${top + 180} ${x1 - dir * 10} ${bottom - 160} ${x1 + dir * 6} ${bottom} Q${(x0 + x1) / 2} ${bottom + 40} ${x0} ${bottom - 20} Z" fill="${fill}"/>`;
    s += rect(px - 30, 715, 60, 18, '#5f584d', 'rx="4"');
    return s;
  };
  b += flag(420, 'url(#flagA)', 1);
  b += flag(1180, 'url(#flagB)', -1);
  // podium
  b += `<path d="M630 500 L970 500 L940 730 L660 730 Z" fill="url(#podium)"/>`;
  b += rect(615, 482, 370, 28, '#2f3a46', 'rx="6"');
  b += `<path d="M680 540 L920 540 L902 690 L698 690 Z" fill="#5c6d7e" opacity="0.6"/>`;
  b += circle(800, 612, 44, 'none', 'stroke="#d9c9a6" stroke-width="6" opacity="0.85"');
  b += circle(800, 612, 22, '#d9c9a6', 'opacity="0.6"');
  // microphones
  const mics = [
    [720, 380, 760],
    [765, 360, 785],
    [800, 350, 800],
    [838, 362, 815],
    [882, 382, 840],
  ];
  for (const [mx, my, bx] of mics) {
    b += `<path d="M${bx} 484 Q${(mx + bx) / 2} ${(my + 484) / 2 + 20} ${mx} ${my + 18}" stroke="#262d35" stroke-width="6" fill="none" stroke-linecap="round"/>`;
    b += rect(mx - 11, my - 14, 22, 38, '#1f252c', 'rx="11"');
    b += rect(mx - 11, my + 8, 22, 8, '#6d7b88', 'rx="2"');
  }
  return svgDoc(b, defs);
}
