import { W, H, C, prng, pick, svgDoc, lin, rect } from '../lib/svg.mjs';

/** Book fair: stacks of books and an open book before shelves. */
export default function bookFair() {
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
}
