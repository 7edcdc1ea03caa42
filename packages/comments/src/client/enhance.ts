/**
 * Progressive enhancement of the comment form (budget: 3 kB gzip, measured by a test). Without it the
 * form posts and the receiver redirects back; with it the form fetches a fresh time token, submits in
 * place, moves under the comment being answered, and remembers the reader's details only after consent.
 * Every string comes from the page (data attributes rendered from translations/ar.json).
 */

interface Reply {
  ok: boolean;
  message?: string;
  field?: string | null;
  token?: string;
  comment?: { id: string; author: string; body: string; parentId: string | null };
}

const KEY = 'khabar-comments:details';
const SAVED = ['author', 'email', 'url'] as const;

function enhance(form: HTMLFormElement): void {
  const data = form.dataset;
  const box = form.closest<HTMLElement>('.khabar-respond');
  const section = form.closest<HTMLElement>('.khabar-comments');
  if (!box || !section) return;
  const home = document.createComment('');
  box.before(home);
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
  const status = form.querySelector<HTMLElement>('[data-khabar-status]');
  const title = box.querySelector<HTMLElement>('[data-khabar-title]');
  const heading = title?.textContent ?? '';
  const cancel = box.querySelector<HTMLElement>('[data-khabar-cancel]');
  const consent = field('wp-comment-cookies-consent');
  const button = form.querySelector<HTMLButtonElement>('[type=submit]');
  const say = (text: string, error = false) => {
    if (!status) return;
    status.textContent = text;
    status.setAttribute('role', error ? 'alert' : 'status');
    status.classList.toggle('khabar-form__status--error', error);
  };

  // Details are remembered only when the reader ticked the box (the box needs this script, so it starts hidden).
  consent?.closest('p')?.removeAttribute('hidden');
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Record<string, string> | null;
    if (saved && consent) {
      for (const name of SAVED) {
        const input = field(name);
        if (input && typeof saved[name] === 'string') input.value = saved[name];
      }
      consent.checked = true;
    }
  } catch {
    // Storage may be blocked; the form works without it.
  }

  let tokenAt = 0;
  const refresh = async () => {
    if (Date.now() - tokenAt < 3_600_000) return;
    tokenAt = Date.now();
    try {
      const url = new URL(data['tokenUrl'] ?? '', location.href);
      url.searchParams.set('post', field('comment_post_ID')?.value ?? '');
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      const body = (await response.json()) as Reply;
      const token = field('khabar_token');
      if (body.token && token) token.value = body.token;
    } catch {
      tokenAt = 0;
    }
  };
  form.addEventListener('focusin', () => void refresh());

  const setTitle = (name?: string) => {
    if (!title) return;
    if (!name) {
      title.textContent = heading;
      return;
    }
    const [before = '', after = ''] = (data['msgTitleReply'] ?? '{name}').split('{name}');
    const bdi = document.createElement('bdi');
    bdi.textContent = name;
    title.replaceChildren(before, bdi, after);
  };
  const reset = () => {
    const parent = field('comment_parent');
    if (parent) parent.value = '0';
    home.after(box);
    setTitle();
    cancel?.setAttribute('hidden', '');
  };
  cancel?.addEventListener('click', (event) => {
    event.preventDefault();
    reset();
  });
  // A comment's "رد" submits the reply form (a GET to the receiver's reply page): instead, the form moves
  // under the comment and answers it.
  section.querySelector('form[data-khabar-reply]')?.addEventListener('submit', (event) => {
    const button = (event as SubmitEvent).submitter;
    if (!(button instanceof HTMLButtonElement)) return;
    event.preventDefault();
    const parent = field('comment_parent');
    if (parent) parent.value = button.value;
    const article = button.closest('article');
    article?.after(box);
    setTitle(article?.querySelector('.khabar-comment__author bdi')?.textContent ?? undefined);
    cancel?.removeAttribute('hidden');
    field('comment')?.focus();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      if (button) button.disabled = true;
      say(data['msgSending'] ?? '');
      await refresh();
      try {
        const response = await fetch(form.action, {
          method: 'POST',
          headers: { Accept: 'application/json' },
          body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
        });
        const reply = (await response.json()) as Reply;
        const token = field('khabar_token');
        if (reply.token && token) token.value = reply.token;
        if (!reply.ok) {
          say(reply.message ?? '', true);
          if (reply.field) field(reply.field)?.focus();
          return;
        }
        try {
          if (consent?.checked)
            localStorage.setItem(
              KEY,
              JSON.stringify(Object.fromEntries(SAVED.map((n) => [n, field(n)?.value ?? '']))),
            );
          else localStorage.removeItem(KEY);
        } catch {
          // Storage may be blocked.
        }
        if (reply.comment) show(section, reply.comment, reply.message ?? '');
        const text = field('comment');
        if (text) text.value = '';
        reset();
        say(reply.message ?? '');
      } catch {
        say(data['msgNetwork'] ?? '', true);
      } finally {
        if (button) button.disabled = false;
      }
    })();
  });
}

/** Shows the reader's own comment where it will appear, marked as awaiting moderation. Text only. */
function show(section: HTMLElement, comment: NonNullable<Reply['comment']>, note: string): void {
  const item = document.createElement('li');
  item.className = 'khabar-comment khabar-comment--pending';
  item.id = `comment-${comment.id}`;
  const article = document.createElement('article');
  const name = document.createElement('bdi');
  name.className = 'khabar-comment__author';
  name.textContent = comment.author;
  const body = document.createElement('p');
  body.dir = 'auto';
  body.className = 'khabar-comment__content';
  body.textContent = comment.body;
  const em = document.createElement('em');
  em.className = 'khabar-comment__awaiting';
  em.textContent = note;
  article.append(name, body, em);
  item.append(article);
  let list = comment.parentId
    ? section.querySelector(`#comment-${CSS.escape(comment.parentId)} > ol`)
    : section.querySelector('.khabar-comments__list');
  if (!list) {
    list = document.createElement('ol');
    list.className = comment.parentId ? 'khabar-comments__children' : 'khabar-comments__list';
    const host = comment.parentId
      ? section.querySelector(`#comment-${CSS.escape(comment.parentId)}`)
      : section.querySelector('.khabar-respond');
    if (comment.parentId) host?.append(list);
    else host?.before(list);
  }
  list.append(item);
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-khabar-form]')) enhance(form);
