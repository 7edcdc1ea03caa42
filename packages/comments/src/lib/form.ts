/**
 * The comment form's HTML, rendered in one place: `CommentForm.astro` puts it under each article, and the
 * receiver's own pages (the reply form and the error page's "send again") for readers without JavaScript.
 * One renderer, so the two cannot drift. Pure; every value is escaped.
 */
import type { Strings } from '../config/strings.ts';
import { escapeHtml } from './escape.ts';

export interface CommentFormOptions {
  strings: Strings;
  /** Where the form posts: the receiver's URL. */
  action: string;
  postId: string;
  /** The comment being answered; null or absent for a top-level comment. */
  parentId?: string | null | undefined;
  /** The signed time token (empty when the build had no secret: the receiver then offers a fresh one). */
  token?: string | undefined;
  /** What the reader typed, offered back by the error page. */
  values?: { author?: string; email?: string; url?: string; comment?: string } | undefined;
  requireNameEmail: boolean;
  /** Most characters per field, as the receiver counts them. */
  maxLength: { author: number; email: number; url: number; comment: number };
  /** The enhancement script's hooks (token URL and messages); omitted on pages that run no script. */
  enhance?: { tokenUrl: string } | undefined;
}

type Attributes = Record<string, string | number | boolean | undefined>;

/** ` name="value"` pairs; `true` writes the bare name, `false` and `undefined` leave it out. */
function attributes(attrs: Attributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

interface LineField {
  name: 'author' | 'email' | 'url';
  type: string;
  dir: 'auto' | 'ltr';
  autocomplete: string;
  describedBy?: string;
  /** Required when the site requires a name and an e-mail address. */
  withNameEmail: boolean;
}

/** The single-line fields, in the order WordPress shows them. */
const LINE_FIELDS: readonly LineField[] = [
  { name: 'author', type: 'text', dir: 'auto', autocomplete: 'name', withNameEmail: true },
  {
    name: 'email',
    type: 'email',
    dir: 'ltr',
    autocomplete: 'email',
    describedBy: 'email-notes',
    withNameEmail: true,
  },
  { name: 'url', type: 'url', dir: 'ltr', autocomplete: 'url', withNameEmail: false },
];

function requiredMark(required: boolean): string {
  return `<span class="required" aria-hidden="true">${required ? ' *' : ''}</span>`;
}

/** The comment form, from `<form>` to `</form>`. */
export function renderCommentForm(options: CommentFormOptions): string {
  const { strings, values = {}, maxLength, enhance } = options;
  const text = (key: keyof Strings) => escapeHtml(strings[key]);
  const form = attributes({
    action: options.action,
    method: 'post',
    id: 'commentform',
    class: 'khabar-form',
    'data-khabar-form': enhance !== undefined,
    // The script reads the post's id from `comment_post_ID` and the heading from the page: not repeated here.
    'data-token-url': enhance?.tokenUrl,
    'data-msg-title-reply': enhance && strings['form.titleReply'],
    'data-msg-sending': enhance && strings['form.sending'],
    'data-msg-network': enhance && strings['error.network'],
  });
  const lines = LINE_FIELDS.map((field) => {
    const required = field.withNameEmail && options.requireNameEmail;
    const input = attributes({
      id: field.name,
      name: field.name,
      type: field.type,
      dir: field.dir,
      autocomplete: field.autocomplete,
      maxlength: maxLength[field.name],
      'aria-describedby': field.describedBy,
      value: values[field.name] || undefined,
      required,
    });
    const mark = field.withNameEmail ? requiredMark(required) : '';
    return `<p class="khabar-form__field"><label for="${field.name}">${text(`form.${field.name}`)}${mark}</label><input${input}></p>`;
  });
  return [
    `<form${form}>`,
    `<p class="khabar-form__notes"><span id="email-notes">${text('form.notes')}</span> <span class="required-field-message">${text('form.required')}</span></p>`,
    `<p class="khabar-form__field"><label for="comment">${text('form.comment')}${requiredMark(true)}</label>` +
      `<textarea${attributes({ id: 'comment', name: 'comment', dir: 'auto', rows: 8, maxlength: maxLength.comment, required: true })}>${escapeHtml(values.comment ?? '')}</textarea>` +
      `<small class="khabar-form__hint">${text('form.markdownHint')}</small></p>`,
    ...lines,
    `<p class="khabar-form__consent comment-form-cookies-consent" hidden><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes"> <label for="wp-comment-cookies-consent">${text('form.consent')}</label></p>`,
    `<p class="khabar-form__hp" aria-hidden="true"><label for="khabar-subject">${text('form.honeypot')}</label><input id="khabar-subject" name="subject" type="text" tabindex="-1" autocomplete="off"></p>`,
    `<input${attributes({ type: 'hidden', name: 'comment_post_ID', value: options.postId })}>`,
    `<input${attributes({ type: 'hidden', name: 'comment_parent', id: 'comment_parent', value: options.parentId ?? '0' })}>`,
    `<input${attributes({ type: 'hidden', name: 'khabar_token', value: options.token ?? '' })}>`,
    `<p class="khabar-form__submit"><button type="submit" class="khabar-form__button">${text('form.submit')}</button></p>`,
    '<p class="khabar-form__status" data-khabar-status role="status" aria-live="polite"></p>',
    '</form>',
  ].join('\n');
}
