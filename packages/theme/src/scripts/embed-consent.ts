/**
 * Click to load (components/EmbedConsent.astro): an embed's facade is a link to the platform, and nothing
 * of the platform is fetched until the reader clicks it; the click then swaps the link for the platform's
 * frame (`data-frame`, YouTube's on youtube-nocookie.com). A click with a modifier key, or a page without
 * JavaScript, follows the link instead. Kept tiny: it is budgeted (tests/budgets/embeds.test.ts).
 */
for (const figure of document.querySelectorAll<HTMLElement>('[data-khabar-embed]')) {
  const { load, consent } = figure.dataset;
  const action = figure.querySelector('.khabar-embed__action');
  if (action && load) action.textContent = load;
  const note = document.createElement('figcaption');
  note.className = 'khabar-embed__note';
  note.textContent = consent ?? '';
  figure.append(note);
  const link = figure.querySelector('a');
  link?.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const frame = document.createElement('iframe');
    frame.className = 'khabar-embed__frame';
    frame.title = figure.dataset['title'] ?? '';
    frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
    frame.allowFullscreen = true;
    frame.src = figure.dataset['frame'] ?? 'about:blank';
    link.replaceWith(frame);
    note.remove();
    figure.setAttribute('data-loaded', '');
    frame.focus();
  });
}
