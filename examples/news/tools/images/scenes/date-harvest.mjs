import { W, H, prng, n, pick, svgDoc, lin, rect, circle } from '../lib/svg.mjs';

/** A palm tree: curved trunk with rings, fronds, date clusters. */
function palm(rand, x, baseY, height, lean, scale = 1) {
  const topX = x + lean;
  const topY = baseY - height;
  const ctrlX = x + lean * 0.1;
  const ctrlY = baseY - height * 0.55;
  const tw = 16 * scale;
  let out = `<path d="M${n(x - tw)} ${baseY} Q${n(ctrlX - tw * 0.8)} ${n(ctrlY)} ${n(topX - tw * 0.5)} ${n(topY)} L${n(topX + tw * 0.5)} ${n(topY)} Q${n(ctrlX + tw * 0.8)} ${n(ctrlY)} ${n(x + tw)} ${baseY} Z" fill="url(#trunk)"/>`;
  // rings
  for (let t = 0.08; t < 0.96; t += 0.07) {
    const px = (1 - t) * (1 - t) * x + 2 * (1 - t) * t * ctrlX + t * t * topX;
    const py = (1 - t) * (1 - t) * baseY + 2 * (1 - t) * t * ctrlY + t * t * topY;
    const half = tw * (1 - t * 0.45);
    out += `<path d="M${n(px - half)} ${n(py)} q${n(half)} ${n(5 * scale)} ${n(half * 2)} 0" stroke="#6e5438" stroke-width="${n(2.5 * scale)}" fill="none" opacity="0.55"/>`;
  }
  // date clusters under the crown
  const dates = ['#8a4b2a', '#9c5a2e', '#b0743a', '#7a3f24'];
  for (const dx of [-34, 6, 40]) {
    const cx = topX + dx * scale;
    const cy = topY + 30 * scale;
    for (let i = 0; i < 26; i++) {
      const r = rand();
      const px = cx + (rand() - 0.5) * 36 * scale * (0.4 + r);
      const py = cy + r * 60 * scale;
      out += circle(px, py, 6.5 * scale, pick(rand, dates));
    }
  }
  // fronds
  const angles = [-170, -145, -120, -95, -70, -45, -15, 12, 35, 145, 168, 195];
  for (const deg of angles) {
    const a = ((deg + (rand() - 0.5) * 10) * Math.PI) / 180;
    const L = (150 + rand() * 40) * scale;
    const ex = topX + Math.cos(a) * L;
    const ey = topY + Math.sin(a) * L * 0.55 + L * 0.38 * Math.abs(Math.cos(a));
    const mx = topX + Math.cos(a) * L * 0.55;
    const my = topY + Math.sin(a) * L * 0.55 - 24 * scale;
    const px = -Math.sin(a) * 18 * scale;
    const py = Math.cos(a) * 18 * scale;
    const fill = rand() < 0.5 ? '#5f7a4e' : '#6f8c59';
    out += `<path d="M${n(topX)} ${n(topY)} Q${n(mx + px)} ${n(my + py)} ${n(ex)} ${n(ey)} Q${n(mx - px * 0.4)} ${n(my - py * 0.4)} ${n(topX)} ${n(topY)} Z" fill="${fill}"/>`;
    out += `<path d="M${n(topX)} ${n(topY)} Q${n(mx)} ${n(my)} ${n(ex)} ${n(ey)}" stroke="#4b6340" stroke-width="${n(2 * scale)}" fill="none"/>`;
  }
  return out;
}

/** Date harvest: palms heavy with dates and baskets of fruit. */
export default function dateHarvest() {
  const rand = prng(37);
  const defs =
    lin('sky', [
      [0, '#e9d5b4'],
      [1, '#f6ead6'],
    ]) +
    lin('ground', [
      [0, '#d7bb8c'],
      [1, '#b99a66'],
    ]) +
    lin(
      'trunk',
      [
        [0, '#8b6c48'],
        [0.5, '#a8855a'],
        [1, '#7b5e3e'],
      ],
      [0, 0, 1, 0],
    ) +
    lin('basket', [
      [0, '#c49a5e'],
      [1, '#9a7442'],
    ]);
  let b = rect(0, 0, W, H, 'url(#sky)');
  b += circle(280, 180, 80, '#f8e5b9', 'opacity="0.9"');
  // distant palm silhouettes
  for (let x = 40; x < W; x += 120) {
    const h = 90 + rand() * 60;
    const tx = x + 4;
    const ty = 600 - h;
    b += rect(x, ty, 8, h, '#c2ab86');
    for (const deg of [-160, -125, -90, -55, -20, 25, 155]) {
      const a = (deg * Math.PI) / 180;
      const L = 46;
      const ex = tx + Math.cos(a) * L;
      const ey = ty + Math.sin(a) * L * 0.6 + L * 0.4 * Math.abs(Math.cos(a));
      b += `<path d="M${tx} ${n(ty)} Q${n(tx + Math.cos(a) * L * 0.5)} ${n(ty + Math.sin(a) * L * 0.5 - 12)} ${n(ex)} ${n(ey)}" stroke="#b4a07b" stroke-width="7" stroke-linecap="round" fill="none"/>`;
    }
  }
  b += `<path d="M0 600 Q400 570 800 590 T1600 580 L1600 900 L0 900 Z" fill="url(#ground)"/>`;
  b += palm(rand, 300, 780, 520, -40, 1.05);
  b += palm(rand, 760, 720, 430, 30, 0.85);
  b += palm(rand, 1250, 800, 560, 20, 1.1);
  // baskets in the foreground
  const basket = (cx, cy, w) => {
    let s = `<path d="M${cx - w / 2} ${cy} L${cx + w / 2} ${cy} L${cx + w * 0.4} ${cy + w * 0.5} L${cx - w * 0.4} ${cy + w * 0.5} Z" fill="url(#basket)"/>`;
    for (let i = 1; i < 5; i++) {
      const y = cy + (w * 0.5 * i) / 5;
      s += `<line x1="${n(cx - w / 2 + (w * 0.1 * i) / 5)}" y1="${n(y)}" x2="${n(cx + w / 2 - (w * 0.1 * i) / 5)}" y2="${n(y)}" stroke="#7f5e35" stroke-width="3" opacity="0.6"/>`;
    }
    for (let i = 0; i < 40; i++) {
      const px = cx + (rand() - 0.5) * w * 0.9;
      const py = cy - rand() * w * 0.16 * (1 - Math.abs(px - cx) / (w / 2));
      s += `<ellipse cx="${n(px)}" cy="${n(py)}" rx="11" ry="8" fill="${pick(rand, ['#7a3f24', '#8a4b2a', '#9c5a2e', '#6b3520'])}"/>`;
    }
    s += `<ellipse cx="${cx}" cy="${cy}" rx="${w / 2}" ry="10" fill="none" stroke="#7f5e35" stroke-width="5"/>`;
    return s;
  };
  b += basket(560, 770, 220);
  b += basket(1000, 800, 180);
  return svgDoc(b, defs);
}
