/**
 * The theme's one escaping module, on `entities`: every string the theme writes into markup of its own
 * making (feeds, the feed stylesheet, sitemaps, social-card text, search documents) goes through one of
 * these. Components need none of them: Astro escapes what they print.
 */
import { escapeAttribute, escapeText, escapeUTF8 } from 'entities';

/**
 * Text for XML, in content or in a quoted attribute: `&`, `<`, `>`, `"` and `'` become entities, and
 * everything else (Arabic included) stays as it is. Also right for Pango markup, which follows XML.
 * @example escapeXml(`<"A" & 'B'>`) // '&lt;&quot;A&quot; &amp; &apos;B&apos;&gt;'
 */
export const escapeXml: (text: string) => string = escapeUTF8;

/**
 * Text for HTML element content (`&`, `<`, `>` and the no-break space, as the HTML standard serialises).
 * @example escapeText('أ & <ب>') // 'أ &amp; &lt;ب&gt;'
 */
export { escapeText };

/**
 * Text for a double-quoted HTML attribute value (`&`, `"` and the no-break space).
 * @example escapeAttribute('وصف "الخبر"') // 'وصف &quot;الخبر&quot;'
 */
export { escapeAttribute };
