/**
 * The gallery viewer (components/Gallery.astro): one picture at a time, with the previous and next
 * buttons the page already carries (hidden until this runs), the arrow keys, Home and End, and a swipe.
 * Without it, the gallery stays a readable sequence of figures. The arrows follow the page's direction:
 * in Arabic the next picture is to the left, so ← and a swipe to the right move forwards.
 */

/** How far (px) a finger must travel sideways to count as a swipe. */
const SWIPE = 40;

function enhance(gallery: HTMLElement): void {
  const items = [...gallery.querySelectorAll<HTMLElement>('.khabar-gallery__item')];
  const controls = gallery.querySelector<HTMLElement>('.khabar-gallery__controls');
  const status = gallery.querySelector<HTMLElement>('.khabar-gallery__status');
  if (items.length < 2 || !controls || !status) return;
  const rtl = getComputedStyle(gallery).direction === 'rtl';
  let current = 0;
  const show = (index: number): void => {
    current = Math.max(0, Math.min(items.length - 1, index));
    items.forEach((item, i) => {
      item.toggleAttribute('data-current', i === current);
    });
    status.textContent = items[current]?.dataset['position'] ?? '';
  };
  gallery.setAttribute('data-enhanced', '');
  gallery.tabIndex = 0;
  controls.hidden = false;
  controls.querySelector('[data-step="-1"]')?.addEventListener('click', () => {
    show(current - 1);
  });
  controls.querySelector('[data-step="1"]')?.addEventListener('click', () => {
    show(current + 1);
  });
  gallery.addEventListener('keydown', (event) => {
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    const to = { [forward]: current + 1, [back]: current - 1, Home: 0, End: items.length - 1 }[event.key];
    if (to === undefined || (event.target as HTMLElement).closest('button')) return;
    event.preventDefault();
    show(to);
  });
  let startX: number | undefined;
  gallery.addEventListener('pointerdown', (event) => {
    startX = event.clientX;
  });
  gallery.addEventListener('pointerup', (event) => {
    if (startX === undefined) return;
    const dx = event.clientX - startX;
    startX = undefined;
    if (Math.abs(dx) >= SWIPE) show(current + (dx > 0 === rtl ? 1 : -1));
  });
  show(0);
}

for (const gallery of document.querySelectorAll<HTMLElement>('.khabar-gallery[data-khabar-viewer]')) {
  enhance(gallery);
}
