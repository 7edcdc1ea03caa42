import { skyline } from '../lib/skyline.mjs';
import { W, H, prng, n, svgDoc, lin, rect, circle, poly } from '../lib/svg.mjs';

/** 5G trial: lattice telecom tower emitting signal arcs over a skyline at dusk. */
export default function fiveGNetworkTrial() {
  const rand = prng(97);
  const defs =
    lin('sky', [
      [0, '#34425a'],
      [0.55, '#8b7f95'],
      [1, '#e3b99a'],
    ]) +
    lin('city', [
      [0, '#2d3748'],
      [1, '#222a36'],
    ]);
  let b = rect(0, 0, W, H, 'url(#sky)');
  // stars
  for (let i = 0; i < 60; i++)
    b += circle(rand() * W, rand() * 300, 1 + rand() * 1.6, '#f3ecdf', `opacity="${n(0.3 + rand() * 0.5)}"`);
  // network nodes and links in the sky
  const nodes = Array.from({ length: 14 }, () => [120 + rand() * 1360, 80 + rand() * 360]);
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const [x1, y1] = nodes[i];
      const [x2, y2] = nodes[j];
      if (Math.hypot(x2 - x1, y2 - y1) < 300)
        b += `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="#e9d7c1" stroke-width="1.5" opacity="0.35"/>`;
    }
  }
  for (const [x, y] of nodes) b += circle(x, y, 5, '#f4e3c9', 'opacity="0.8"');
  b += skyline(rand, { baseY: 900, minH: 160, maxH: 400, fill: '#3c4658' });
  b += skyline(rand, {
    baseY: 900,
    minH: 90,
    maxH: 280,
    fill: 'url(#city)',
    windows: { density: 0.35, fill: '#f2cf8e', opacity: 0.75 },
  });
  // tower
  const tx = 800;
  const top = 150;
  const base = 900;
  b += poly(
    [
      [tx - 10, top],
      [tx + 10, top],
      [tx + 70, base],
      [tx - 70, base],
    ],
    'none',
    `stroke="#c9ccd2" stroke-width="8"`,
  );
  for (let y = top + 40; y < base; y += 60) {
    const half = 10 + ((y - top) / (base - top)) * 60;
    const half2 = 10 + ((y + 60 - top) / (base - top)) * 60;
    b += `<line x1="${n(tx - half)}" y1="${y}" x2="${n(tx + half2)}" y2="${y + 60}" stroke="#b5b9c0" stroke-width="4"/>`;
    b += `<line x1="${n(tx + half)}" y1="${y}" x2="${n(tx - half2)}" y2="${y + 60}" stroke="#b5b9c0" stroke-width="4"/>`;
    b += `<line x1="${n(tx - half)}" y1="${y}" x2="${n(tx + half)}" y2="${y}" stroke="#b5b9c0" stroke-width="4"/>`;
  }
  // antenna panels
  for (const [dx, dy] of [
    [-34, 200],
    [22, 200],
    [-34, 290],
    [22, 290],
  ])
    b += rect(tx + dx, dy, 12, 64, '#e6e2da', 'rx="4"');
  b += rect(tx - 3, 90, 6, 64, '#d8d4cc');
  b += circle(tx, 88, 9, '#e9866b');
  // signal arcs on both sides
  for (let i = 1; i <= 5; i++) {
    const r = 70 + i * 70;
    const op = n(0.85 - i * 0.14);
    b += `<path d="M${n(tx + r * Math.cos(-0.6))} ${n(240 + r * Math.sin(-0.6))} A${r} ${r} 0 0 1 ${n(tx + r * Math.cos(0.6))} ${n(240 + r * Math.sin(0.6))}" stroke="#f2cf8e" stroke-width="7" fill="none" stroke-linecap="round" opacity="${op}"/>`;
    b += `<path d="M${n(tx - r * Math.cos(-0.6))} ${n(240 + r * Math.sin(-0.6))} A${r} ${r} 0 0 0 ${n(tx - r * Math.cos(0.6))} ${n(240 + r * Math.sin(0.6))}" stroke="#f2cf8e" stroke-width="7" fill="none" stroke-linecap="round" opacity="${op}"/>`;
  }
  return svgDoc(b, defs);
}
