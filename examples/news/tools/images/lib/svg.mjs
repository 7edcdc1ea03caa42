// The drawing primitives of the example's pictures: the canvas, the palette, a seeded PRNG, and SVG
// elements with coordinates rounded to one decimal (so the SVG text, and the JPEG, is stable).

export const W = 1600;
export const H = 900;

/** Muted newsroom palette. */
export const C = {
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

/** mulberry32: small deterministic PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Round to one decimal so the SVG text is stable and compact. */
export const n = (v) => Math.round(v * 10) / 10;

export const pick = (rand, list) => list[Math.floor(rand() * list.length)];

export function svgDoc(body, defs = '', w = W, h = H) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><defs>${defs}</defs>${body}</svg>`;
}

function stops(list) {
  return list
    .map(([o, c, op = 1]) => `<stop offset="${o}" stop-color="${c}" stop-opacity="${op}"/>`)
    .join('');
}

/** Vertical (default) or arbitrary linear gradient. */
export const lin = (id, list, [x1, y1, x2, y2] = [0, 0, 0, 1]) =>
  `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stops(list)}</linearGradient>`;

export const rad = (id, list, cx = 0.5, cy = 0.5, r = 0.5) =>
  `<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}">${stops(list)}</radialGradient>`;

export const rect = (x, y, w, h, fill, extra = '') =>
  `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${fill}" ${extra}/>`;

export const circle = (cx, cy, r, fill, extra = '') =>
  `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${fill}" ${extra}/>`;

export const poly = (pts, fill, extra = '') =>
  `<polygon points="${pts.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="${fill}" ${extra}/>`;
