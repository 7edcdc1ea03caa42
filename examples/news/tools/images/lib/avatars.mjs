// The authors' avatars (400×400): abstract silhouettes, no faces.

import { svgDoc, lin, rect, circle } from './svg.mjs';

export const AV = 400;

export function avatar({ bg1, bg2, figure, accent, style }) {
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

export const avatars = {
  'layla-haddad': { bg1: '#e3c9b4', bg2: '#b86f52', figure: '#f3ece0', accent: '#8c4a36', style: 'scarf' },
  'omar-khatib': { bg1: '#b9d3d1', bg2: '#3f7c82', figure: '#eef3f1', accent: '#27484c', style: 'short' },
  'nour-salem': { bg1: '#e7dcb6', bg2: '#8aa38b', figure: '#f7f2e5', accent: '#4e5f45', style: 'long-hair' },
  'news-desk': { bg1: '#c9d0d8', bg2: '#34465a', figure: '#eef0f2', accent: '#a9b6c0', style: 'desk' },
};
