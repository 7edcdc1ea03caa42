import { W, H, C, n, svgDoc, lin, rect, circle } from '../lib/svg.mjs';

/** Smart irrigation start-up: a phone with a water-drop app beside a drip-irrigated field. */
export default function smartIrrigationApp() {
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
  bars.forEach((h, i) => (b += rect(1204 + i * 33, 620 - h, 22, h, i === 3 ? C.ochre : '#9ab8a8', 'rx="4"')));
  b += rect(1200, 650, 70, 34, C.sage, 'rx="17"');
  b += circle(1253, 667, 13, '#ffffff');
  b += rect(1290, 658, 110, 16, '#d3dcd8', 'rx="8"');
  b += `</g>`;
  return svgDoc(b, defs);
}
