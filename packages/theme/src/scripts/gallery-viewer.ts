/**
 * The gallery viewer (components/Gallery.astro): one picture at a time, with previous and next buttons
 * (their words come from the gallery's `data-previous` and `data-next`), the arrow keys, Home and End, and
 * a swipe.
 * Without it, the gallery stays a readable sequence of figures. The arrows follow the page's direction:
 * in Arabic the next picture is to the left, so ← and a swipe to the right move forwards.
 */

/** How far (px) a finger must travel sideways to count as a swipe. */
const SWIPE = 40;

function enhance(gallery: HTMLElement): void {
  const items = [...gallery.querySelectorAll<HTMLElement>('.khabar-gallery__item')];
  if (items.length < 2) return;
  let current = 0;
  const controls = document.createElement('div');
  controls.className = 'khabar-gallery__controls';
  const button = (step: number, label: string | undefined): HTMLButtonElement => {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = 'khabar-gallery__step';
    element.textContent = label ?? '';
    element.addEventListener('click', () => {
      show(current + step);
    });
    return element;
  };
  const status = document.createElement('p');
  status.className = 'khabar-gallery__status';
  status.setAttribute('aria-live', 'polite');
  controls.append(button(-1, gallery.dataset['previous']), status, button(1, gallery.dataset['next']));
  gallery.querySelector('.khabar-gallery__grid')?.after(controls);
  const rtl = getComputedStyle(gallery).direction === 'rtl';
  const show = (index: number): void => {
    current = Math.max(0, Math.min(items.length - 1, index));
    items.forEach((item, i) => {
      item.toggleAttribute('data-current', i === current);
    });
    status.textContent = items[current]?.dataset['position'] ?? '';
  };
  gallery.setAttribute('data-enhanced', '');
  gallery.tabIndex = 0;
  gallery.addEventListener('keydown', (event) => {
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    const to = { [forward]: current + 1, [back]: current - 1, Home: 0, End: items.length - 1 }[event.key];
    if (to === undefined || (event.target as HTMLElement).closest('button')) return;
    event.preventDefault();
    show(to);
  });
  let startX: number | undefined;
  // A picture dragged by the mouse would be the browser's drag, not a swipe.
  gallery.addEventListener('dragstart', (event) => {
    event.preventDefault();
  });
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
