/**
 * HTML escaping, in one place, by the `entities` package: the receiver's pages, the form renderer and
 * the comment renderer all call this, so none of them can forget a character.
 */
import { escapeUTF8 } from 'entities';

/**
 * Escapes text for HTML element content and for quoted attribute values: `&`, `<`, `>`, `"` and `'`
 * become character references; every other character stays as it is (the pages are UTF-8).
 */
export function escapeHtml(text: string): string {
  return escapeUTF8(text);
}
