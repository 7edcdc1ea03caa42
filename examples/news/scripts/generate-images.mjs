// Renders the example site's article illustrations and author avatars.
//
// Every picture is a flat-design scene composed as SVG in code and rasterised with sharp, so the
// output is reproducible: no network, no stock photos, no text inside the images, no real people.
// Randomness comes from a seeded PRNG, so running the script twice writes the same files.
//
//   pnpm exec node scripts/generate-images.mjs          (from examples/news)

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = fileURLToPath(new URL('..', import.meta.url));
const ARTICLES_DIR = path.join(root, 'src/assets/articles');
const AUTHORS_DIR = path.join(root, 'src/assets/authors');

const W = 1600;
const H = 900;
const JPEG = { quality: 78, mozjpeg: true, progressive: true };
const MAX_BYTES = 150 * 1024;

/** Muted newsroom palette. */
const C = {
  ink: '#2b3440',
  navy: '#34465a',
  slate: '#5b6b7a',
  mist: '#a9b6c0',
  fog: '#d8dee2',
  cream: '#f3ece0',
  sand: '#dcc7a1',
  dune: '#c9ac7c',
  ochre: '#c89b4f',
  terracotta: '#b86f52',
  rose: '#c98f86',
  sage: '#8aa38b',
  olive: '#6f7f55',
  teal: '#3f7c82',
  sea: '#5c8797',
  plum: '#5a4257',
};

// ---------------------------------------------------------------------------------------------
// helpers

/** mulberry32: small deterministic PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Round to one decimal so the SVG text is stable and compact. */
const n = (v) => Math.round(v * 10) / 10;

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

function svgDoc(body, defs = '', w = W, h = H) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><defs>${defs}</defs>${body}</svg>`;
}

function stops(list) {
  return list
    .map(([o, c, op = 1]) => `<stop offset="${o}" stop-color="${c}" stop-opacity="${op}"/>`)
    .join('');
}

/** Vertical (default) or arbitrary linear gradient. */
const lin = (id, list, [x1, y1, x2, y2] = [0, 0, 0, 1]) =>
  `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stops(list)}</linearGradient>`;

const rad = (id, list, cx = 0.5, cy = 0.5, r = 0.5) =>
  `<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}">${stops(list)}</radialGradient>`;

const rect = (x, y, w, h, fill, extra = '') =>
  `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${fill}" ${extra}/>`;

const circle = (cx, cy, r, fill, extra = '') =>
  `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${fill}" ${extra}/>`;

const poly = (pts, fill, extra = '') =>
  `<polygon points="${pts.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="${fill}" ${extra}/>`;

/** A row of simple buildings between x0 and x1 standing on baseY. */
function skyline(rand, { x0 = 0, x1 = W, baseY, minH, maxH, fill, windows = null, minW = 50, maxW = 130 }) {
  let out = '';
  let x = x0;
  while (x < x1) {
    const w = minW + rand() * (maxW - minW);
    const h = minH + rand() * (maxH - minH);
    const y = baseY - h;
    out += rect(x, y, w + 1, h, fill);
    if (rand() < 0.25) out += rect(x + w * 0.4, y - 24, 4, 24, fill); // antenna
    if (windows) {
      for (let wy = y + 18; wy < baseY - 20; wy += 26) {
        for (let wx = x + 10; wx < x + w - 14; wx += 20) {
          if (rand() < windows.density)
            out += rect(wx, wy, 8, 11, windows.fill, `opacity="${windows.opacity}"`);
        }
      }
    }
    x += w + rand() * 8;
  }
  return out;
}

/** A stylised person: head, torso and limbs drawn as round-capped strokes. */
function runner(x, y, s, shirt, skin, phase) {
  const sw = 11 * s;
  const leg = 44 * s;
  const a1 = phase ? 0.5 : -0.4;
  const a2 = phase ? -0.45 : 0.55;
  const hipX = x;
  const hipY = y;
  const shoulderX = x + 6 * s;
  const shoulderY = y - 50 * s;
  const line = (x1, y1, x2, y2, c, wdt = sw) =>
    `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${c}" stroke-width="${n(wdt)}" stroke-linecap="round"/>`;
  return (
    line(hipX, hipY, hipX + Math.sin(a1) * leg, hipY + Math.cos(a1) * leg, C.ink) +
    line(hipX, hipY, hipX + Math.sin(a2) * leg, hipY + Math.cos(a2) * leg, C.ink) +
    line(
      shoulderX,
      shoulderY + 6 * s,
      shoulderX + Math.sin(a2) * 34 * s,
      shoulderY + 6 * s + Math.cos(a2) * 30 * s,
      skin,
      sw * 0.8,
    ) +
    line(
      shoulderX,
      shoulderY + 6 * s,
      shoulderX + Math.sin(a1) * 34 * s,
      shoulderY + 6 * s + Math.cos(a1) * 30 * s,
      skin,
      sw * 0.8,
    ) +
    line(hipX, hipY, shoulderX, shoulderY, shirt, 22 * s) +
    circle(shoulderX + 3 * s, shoulderY - 20 * s, 12 * s, skin)
  );
}

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

/** Pointed (Islamic) arch outline from (x, baseY) with width w and springing line at springY. */
function archPath(x, w, springY, baseY) {
  const rise = w * 0.62;
  return `M${n(x)} ${n(baseY)} L${n(x)} ${n(springY)} Q${n(x)} ${n(springY - rise * 0.8)} ${n(x + w / 2)} ${n(springY - rise)} Q${n(x + w)} ${n(springY - rise * 0.8)} ${n(x + w)} ${n(springY)} L${n(x + w)} ${n(baseY)} Z`;
}

// ---------------------------------------------------------------------------------------------
// scenes (1600×900)

const scenes = {
  /** Seed article: a podium with microphones between two flags in neutral colours. */
  'russia-syria-sovereignty'() {
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
  },

  /** Water-saving plan: a drop falling from a tap into a rippling pool, city behind. */
  'water-saving-plan'() {
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
  },

  /** Metro green line: a white train with a green stripe on an elevated viaduct. */
  'metro-green-line'() {
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
  },

  /** Solar plant: rows of tilted panels among dunes under a bright sun. */
  'solar-plant'() {
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
  },

  /** Date harvest: palms heavy with dates and baskets of fruit. */
  'date-harvest'() {
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
  },

  /** Port expansion: gantry cranes, container stacks and a container ship. */
  'port-expansion'() {
    const rand = prng(41);
    const defs =
      lin('sky', [
        [0, '#c9d6dd'],
        [1, '#eef0ea'],
      ]) +
      lin('sea', [
        [0, '#6a8f9c'],
        [1, '#42697a'],
      ]) +
      lin('quay', [
        [0, '#a7a59b'],
        [1, '#8a877d'],
      ]);
    let b = rect(0, 0, W, H, 'url(#sky)');
    b += skyline(rand, { x0: 0, x1: 700, baseY: 560, minH: 40, maxH: 130, fill: '#c0c9cc' });
    b += rect(0, 560, W, 340, 'url(#sea)');
    for (let i = 0; i < 14; i++) {
      const y = 590 + i * 22;
      const x = (i * 137) % 900;
      b += rect(x + 600, y, 220 + (i % 3) * 60, 3, '#a9c4cc', 'opacity="0.45"');
    }
    // quay on the left
    b += `<path d="M0 600 L860 600 L900 900 L0 900 Z" fill="url(#quay)"/>`;
    b += rect(0, 596, 870, 10, '#6f6c64');
    // containers
    const colours = [C.terracotta, C.teal, C.ochre, C.slate, C.sage, '#8c5b4a', '#4f6b80'];
    for (let col = 0; col < 6; col++) {
      const stack = 2 + Math.floor(rand() * 4);
      for (let row = 0; row < stack; row++) {
        const x = 40 + col * 125;
        const y = 800 - row * 50;
        const fill = pick(rand, colours);
        b += rect(x, y, 118, 46, fill);
        for (let i = 1; i < 8; i++) b += rect(x + i * 14.6, y + 5, 2, 36, '#000', 'opacity="0.15"');
      }
    }
    // gantry cranes
    const crane = (x, h) => {
      const c = '#c3704f';
      let s = '';
      s += rect(x, 600 - h, 16, h, c);
      s += rect(x + 150, 600 - h, 16, h, c);
      s += rect(x - 10, 600 - h - 20, 186, 22, c);
      s += `<line x1="${x + 8}" y1="${600 - h + 10}" x2="${x + 158}" y2="${600 - h * 0.45}" stroke="${c}" stroke-width="6"/>`;
      s += `<line x1="${x + 158}" y1="${600 - h + 10}" x2="${x + 8}" y2="${600 - h * 0.45}" stroke="${c}" stroke-width="6"/>`;
      // boom over the water
      s += rect(x - 40, 600 - h - 60, 560, 18, '#b56548');
      s += `<line x1="${x + 80}" y1="${600 - h - 140}" x2="${x + 500}" y2="${600 - h - 58}" stroke="#b56548" stroke-width="5"/>`;
      s += `<line x1="${x + 80}" y1="${600 - h - 140}" x2="${x - 30}" y2="${600 - h - 58}" stroke="#b56548" stroke-width="5"/>`;
      s += rect(x + 74, 600 - h - 150, 14, 92, '#b56548');
      s += rect(x + 300, 600 - h - 42, 40, 26, '#5d6269');
      s += `<line x1="${x + 320}" y1="${600 - h - 16}" x2="${x + 320}" y2="${600 - h + 120}" stroke="#3b3f45" stroke-width="3"/>`;
      return s;
    };
    b += crane(560, 330);
    b += crane(260, 300);
    // ship
    b += `<path d="M960 600 L1560 600 L1520 690 L1000 690 Z" fill="#33404d"/>`;
    b += rect(960, 596, 600, 10, '#8d3f33');
    b += rect(1450, 470, 70, 130, '#e5e2da');
    for (let i = 0; i < 3; i++) b += rect(1460, 486 + i * 34, 50, 12, '#3d4f60');
    for (let col = 0; col < 8; col++) {
      const stack = 2 + Math.floor(rand() * 3);
      for (let row = 0; row < stack; row++)
        b += rect(1000 + col * 54, 560 - row * 38, 50, 36, pick(rand, colours));
    }
    return svgDoc(b, defs);
  },

  /** Cup final: a floodlit stadium at night, pitch in perspective. */
  'cup-final'() {
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
  },

  /** City marathon: runners on a tree-lined road toward a finish arch. */
  'city-marathon'() {
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
  },

  /** Book fair: stacks of books and an open book before shelves. */
  'book-fair'() {
    const rand = prng(79);
    const defs =
      lin('wall', [
        [0, '#efe6d6'],
        [1, '#e2d5bf'],
      ]) +
      lin('table', [
        [0, '#9b7653'],
        [1, '#7c5c40'],
      ]) +
      lin(
        'page',
        [
          [0, '#fbf7ee'],
          [1, '#e9e0cd'],
        ],
        [0, 0, 1, 0],
      );
    let b = rect(0, 0, W, H, 'url(#wall)');
    // shelves
    const spines = [
      C.terracotta,
      C.teal,
      C.ochre,
      C.slate,
      C.sage,
      C.rose,
      C.navy,
      '#8c5b4a',
      '#7f8f6a',
      C.plum,
    ];
    for (let shelf = 0; shelf < 3; shelf++) {
      const baseY = 170 + shelf * 160;
      b += rect(60, baseY, 1480, 14, '#a0805e');
      let x = 70;
      while (x < 1520) {
        const w = 16 + rand() * 22;
        const h = 90 + rand() * 40;
        if (rand() < 0.06) {
          x += 30;
          continue;
        }
        b += rect(x, baseY - h, w, h, pick(rand, spines), 'opacity="0.75"');
        b += rect(x + 3, baseY - h + 14, w - 6, 4, '#f1e6cf', 'opacity="0.5"');
        x += w + 2;
      }
    }
    // hanging lamps
    for (const x of [380, 800, 1220]) {
      b += rect(x - 1, 0, 2, 60, '#55504a');
      b += `<path d="M${x - 40} 100 Q${x} 40 ${x + 40} 100 Z" fill="${C.ink}"/>`;
      b += `<ellipse cx="${x}" cy="104" rx="22" ry="8" fill="#fbe6ad"/>`;
    }
    // table
    b += rect(0, 640, W, 260, 'url(#table)');
    b += rect(0, 630, W, 16, '#b08a63');
    // stacks of books
    const stack = (x, count, baseY) => {
      let s = '';
      let y = baseY;
      for (let i = 0; i < count; i++) {
        const w = 230 + rand() * 60;
        const h = 26 + rand() * 14;
        const dx = (rand() - 0.5) * 24;
        y -= h;
        s += rect(x + dx - w / 2, y, w, h, pick(rand, spines), 'rx="3"');
        s += rect(x + dx + w / 2 - 14, y + 4, 10, h - 8, '#f5eedf', 'opacity="0.85"');
        s += rect(x + dx - w / 2 + 20, y + h / 2 - 2, 60, 4, '#f1e6cf', 'opacity="0.6"');
      }
      return s;
    };
    b += stack(280, 7, 650);
    b += stack(1330, 9, 650);
    b += stack(1040, 4, 650);
    // open book
    b += `<path d="M560 640 Q680 590 800 630 L800 700 Q680 660 560 710 Z" fill="url(#page)"/>`;
    b += `<path d="M1040 640 Q920 590 800 630 L800 700 Q920 660 1040 710 Z" fill="url(#page)"/>`;
    b += `<path d="M560 710 Q680 660 800 700 Q920 660 1040 710 L1040 722 Q920 672 800 712 Q680 672 560 722 Z" fill="${C.terracotta}"/>`;
    for (let i = 0; i < 6; i++) {
      b += `<path d="M${590} ${640 + i * 10} Q680 ${612 + i * 10} ${780} ${636 + i * 10}" stroke="#cbbfa8" stroke-width="3" fill="none"/>`;
      b += `<path d="M${820} ${636 + i * 10} Q920 ${612 + i * 10} ${1010} ${640 + i * 10}" stroke="#cbbfa8" stroke-width="3" fill="none"/>`;
    }
    return svgDoc(b, defs);
  },

  /** Museum reopening: arcaded facade with a dome, cypress trees and steps. */
  'museum-reopening'() {
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
  },

  /** Film festival: dark cinema, glowing screen, projector beam, seats and a film strip. */
  'film-festival'() {
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
  },

  /** Smart irrigation start-up: a phone with a water-drop app beside a drip-irrigated field. */
  'smart-irrigation-app'() {
    const defs =
      lin('sky', [
        [0, '#d5e3e2'],
        [1, '#f1ece0'],
      ]) +
      lin('field', [
        [0, '#9db07f'],
        [1, '#6f8a57'],
      ]) +
      lin('phone', [
        [0, '#39424d'],
        [1, '#232a32'],
      ]) +
      lin('screen', [
        [0, '#f2f5f2'],
        [1, '#dfe8e4'],
      ]);
    let b = rect(0, 0, W, H, 'url(#sky)');
    b += `<path d="M0 420 Q300 380 620 410 T1200 400 T1600 410 L1600 900 L0 900 Z" fill="#b7c49b"/>`;
    b += `<path d="M0 460 L1600 460 L1600 900 L0 900 Z" fill="url(#field)"/>`;
    // crop rows converging to a vanishing point
    const vx = 560;
    const vy = 430;
    for (let i = -14; i <= 14; i++) {
      const bx = vx + i * 140;
      b += `<line x1="${vx + i * 8}" y1="${vy + 30}" x2="${bx}" y2="900" stroke="#5c7a47" stroke-width="${n(10 + Math.abs(i) * 0.6)}" stroke-linecap="round"/>`;
      b += `<line x1="${vx + i * 8 + 3}" y1="${vy + 30}" x2="${bx + 40}" y2="900" stroke="#3f6f82" stroke-width="2" opacity="0.55"/>`;
    }
    // little plants along some rows
    for (let i = -6; i <= 6; i++) {
      for (let t = 0.25; t < 1; t += 0.18) {
        const x = vx + i * 8 + (i * 140 - i * 8) * t;
        const y = vy + 30 + (470 - 30) * t;
        const s = 6 + t * 16;
        b += `<ellipse cx="${n(x - s * 0.6)}" cy="${n(y - s * 0.5)}" rx="${n(s)}" ry="${n(s * 0.45)}" fill="#8fb06e" transform="rotate(-30 ${n(x)} ${n(y)})"/>`;
        b += `<ellipse cx="${n(x + s * 0.6)}" cy="${n(y - s * 0.5)}" rx="${n(s)}" ry="${n(s * 0.45)}" fill="#7ea25f" transform="rotate(30 ${n(x)} ${n(y)})"/>`;
      }
    }
    // soil sensor stake with signal arcs
    b += rect(940, 560, 14, 120, '#5c6b74');
    b += rect(930, 540, 34, 30, '#e4e0d6', 'rx="6"');
    b += circle(947, 555, 5, C.teal);
    for (let i = 1; i <= 3; i++) {
      b += `<path d="M${947 + i * 22} ${555 - i * 22} A${i * 31} ${i * 31} 0 0 1 ${947 + i * 22} ${555 + i * 22}" stroke="#f3efe4" stroke-width="5" fill="none" opacity="${n(0.9 - i * 0.2)}" transform="rotate(-40 947 555)"/>`;
    }
    // phone
    b += `<g transform="rotate(8 1300 520)">`;
    b += rect(1150, 220, 300, 580, 'url(#phone)', 'rx="40"');
    b += rect(1170, 270, 260, 470, 'url(#screen)', 'rx="12"');
    b += rect(1265, 240, 70, 10, '#4b5661', 'rx="5"');
    b += circle(1300, 768, 16, '#4b5661');
    // app UI: drop icon, gauge, bars, toggle (shapes only)
    b += circle(1300, 360, 62, '#d5ebec');
    b += `<path d="M1300 318 C1300 318 1270 360 1270 378 A30 30 0 0 0 1330 378 C1330 360 1300 318 1300 318 Z" fill="${C.teal}"/>`;
    b += rect(1200, 450, 200, 12, '#d3dcd8', 'rx="6"');
    b += rect(1200, 450, 128, 12, C.teal, 'rx="6"');
    const bars = [60, 90, 45, 110, 80, 70];
    bars.forEach(
      (h, i) => (b += rect(1204 + i * 33, 620 - h, 22, h, i === 3 ? C.ochre : '#9ab8a8', 'rx="4"')),
    );
    b += rect(1200, 650, 70, 34, C.sage, 'rx="17"');
    b += circle(1253, 667, 13, '#ffffff');
    b += rect(1290, 658, 110, 16, '#d3dcd8', 'rx="8"');
    b += `</g>`;
    return svgDoc(b, defs);
  },

  /** 5G trial: lattice telecom tower emitting signal arcs over a skyline at dusk. */
  '5g-network-trial'() {
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
      b += circle(
        rand() * W,
        rand() * 300,
        1 + rand() * 1.6,
        '#f3ecdf',
        `opacity="${n(0.3 + rand() * 0.5)}"`,
      );
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
  },
};

// ---------------------------------------------------------------------------------------------
// avatars (400×400): abstract silhouettes, no faces

const AV = 400;

function avatar({ bg1, bg2, figure, accent, style }) {
  const defs =
    lin(
      'bg',
      [
        [0, bg1],
        [1, bg2],
      ],
      [0, 0, 1, 1],
    ) +
    lin('fig', [
      [0, figure],
      [1, accent],
    ]);
  let b = rect(0, 0, AV, AV, 'url(#bg)');
  // soft geometric backdrop
  b += circle(320, 80, 120, '#ffffff', 'opacity="0.08"');
  b += circle(60, 340, 90, '#000000', 'opacity="0.06"');
  const shoulders = (cx, w, top) =>
    `<path d="M${cx - w} 400 Q${cx - w} ${top + 30} ${cx - w * 0.45} ${top} L${cx + w * 0.45} ${top} Q${cx + w} ${top + 30} ${cx + w} 400 Z" fill="url(#fig)"/>`;
  if (style === 'scarf') {
    // head covered by a scarf that flows onto the shoulders
    b += shoulders(200, 150, 280);
    b += `<path d="M200 92 C 130 92 110 152 116 212 C 120 262 116 300 92 346 Q200 372 308 346 C 284 300 280 262 284 212 C 290 152 270 92 200 92 Z" fill="${accent}"/>`;
    b += `<ellipse cx="200" cy="198" rx="52" ry="64" fill="${figure}"/>`;
  } else if (style === 'long-hair') {
    b += `<path d="M200 86 C 130 86 118 150 122 210 C 126 268 134 300 150 320 L250 320 C 266 300 274 268 278 210 C 282 150 270 86 200 86 Z" fill="${accent}"/>`;
    b += shoulders(200, 150, 286);
    b += `<rect x="180" y="240" width="40" height="56" fill="${figure}"/>`;
    b += `<ellipse cx="200" cy="190" rx="60" ry="72" fill="${figure}"/>`;
    b += `<path d="M140 170 Q170 110 262 150 Q250 110 200 104 Q150 104 140 170 Z" fill="${accent}"/>`;
  } else if (style === 'short') {
    b += shoulders(200, 156, 282);
    b += `<rect x="178" y="236" width="44" height="58" fill="${figure}"/>`;
    b += `<ellipse cx="200" cy="184" rx="62" ry="74" fill="${figure}"/>`;
    b += `<path d="M138 176 Q136 108 200 104 Q264 108 262 176 Q250 134 200 132 Q150 134 138 176 Z" fill="${accent}"/>`;
    // collar
    b += `<path d="M170 290 L200 330 L230 290 Z" fill="#ffffff" opacity="0.35"/>`;
  } else {
    // desk: two overlapping silhouettes
    b += `<ellipse cx="262" cy="178" rx="50" ry="60" fill="${accent}" opacity="0.9"/>`;
    b += `<path d="M130 400 Q130 280 200 262 L324 262 Q394 280 394 400 Z" fill="${accent}" opacity="0.9"/>`;
    b += shoulders(170, 140, 290);
    b += `<rect x="150" y="244" width="40" height="52" fill="${figure}"/>`;
    b += `<ellipse cx="170" cy="196" rx="56" ry="66" fill="${figure}"/>`;
  }
  return svgDoc(b, defs, AV, AV);
}

const avatars = {
  'layla-haddad': { bg1: '#e3c9b4', bg2: '#b86f52', figure: '#f3ece0', accent: '#8c4a36', style: 'scarf' },
  'omar-khatib': { bg1: '#b9d3d1', bg2: '#3f7c82', figure: '#eef3f1', accent: '#27484c', style: 'short' },
  'nour-salem': { bg1: '#e7dcb6', bg2: '#8aa38b', figure: '#f7f2e5', accent: '#4e5f45', style: 'long-hair' },
  'news-desk': { bg1: '#c9d0d8', bg2: '#34465a', figure: '#eef0f2', accent: '#a9b6c0', style: 'desk' },
};

// ---------------------------------------------------------------------------------------------

async function render(svg, file, width, height) {
  const buffer = await sharp(Buffer.from(svg))
    .resize(width, height)
    .flatten({ background: '#ffffff' })
    .jpeg(JPEG)
    .toBuffer();
  if (buffer.length > MAX_BYTES)
    throw new Error(`${path.basename(file)} is ${buffer.length} bytes (limit ${MAX_BYTES})`);
  await writeFile(file, buffer);
  return buffer.length;
}

await mkdir(ARTICLES_DIR, { recursive: true });
await mkdir(AUTHORS_DIR, { recursive: true });

for (const [name, scene] of Object.entries(scenes)) {
  const file = path.join(ARTICLES_DIR, `${name}.jpg`);
  const bytes = await render(scene(), file, W, H);
  console.log(`articles/${name}.jpg  ${W}×${H}  ${bytes} B`);
}
for (const [name, spec] of Object.entries(avatars)) {
  const file = path.join(AUTHORS_DIR, `${name}.jpg`);
  const bytes = await render(avatar(spec), file, AV, AV);
  console.log(`authors/${name}.jpg  ${AV}×${AV}  ${bytes} B`);
}
