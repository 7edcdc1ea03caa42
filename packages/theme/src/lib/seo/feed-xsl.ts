/**
 * The XSL stylesheet feeds point at, so a feed opened in a browser reads as a right-to-left Arabic
 * page (title, a line on what a feed is, the stories) instead of raw XML. Readers ignore it.
 */
import { escapeXml } from '../escape.ts';

export interface FeedStylesheetStrings {
  /** "What is this page" line shown above the stories. */
  about: string;
  /** "Copy this page's address into your reader" hint. */
  subscribe: string;
  /** "Visit the site" link text. */
  visit: string;
  /** Heading above the list. */
  latest: string;
}

export interface FeedStylesheetInput {
  /** `<html lang>`, e.g. `ar`. */
  lang: string;
  strings: FeedStylesheetStrings;
  /** Accent colour (links, rule). */
  accent: string;
}

/**
 * The XSLT 1.0 stylesheet. Text comes from the site's UI strings; dates are shown as the feed writes
 * them (RFC 822), as XSLT 1.0 cannot format them.
 */
export function feedStylesheet({ lang, strings, accent }: FeedStylesheetInput): string {
  const s = (text: string) => escapeXml(text);
  return `<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
  <xsl:output method="html" version="1.0" encoding="UTF-8" indent="yes"/>
  <xsl:template match="/">
    <html lang="${s(lang)}" dir="rtl">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="/rss/channel/title"/></title>
        <style>
          :root { color-scheme: light dark; }
          body { margin: 0; font-family: "Noto Naskh Arabic", "Cairo", Tahoma, "Segoe UI", system-ui, sans-serif; line-height: 1.7; }
          main { max-inline-size: 44rem; margin-inline: auto; padding: 1.5rem 1rem 3rem; }
          h1, h2, h3 { line-height: 1.35; }
          a { color: ${s(accent)}; }
          @media (prefers-color-scheme: dark) { a { color: #f0a0a0; } }
          .khabar-feed-note { padding: 1rem; border-inline-start: 4px solid ${s(accent)}; background: color-mix(in srgb, ${s(accent)} 8%, transparent); }
          .khabar-feed-url { direction: ltr; unicode-bidi: isolate; font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
          ol { list-style: none; padding: 0; }
          li { padding-block: 1rem; border-block-end: 1px solid color-mix(in srgb, currentColor 15%, transparent); }
          time { font-size: 0.9em; opacity: 0.8; direction: ltr; unicode-bidi: isolate; }
        </style>
      </head>
      <body>
        <main>
          <header>
            <h1><xsl:value-of select="/rss/channel/title"/></h1>
            <p><xsl:value-of select="/rss/channel/description"/></p>
            <p class="khabar-feed-note">${s(strings.about)}<br/>${s(strings.subscribe)}
              <span class="khabar-feed-url"><xsl:value-of select="/rss/channel/atom:link[@rel='self']/@href"/></span>
            </p>
            <p><a href="{/rss/channel/link}">${s(strings.visit)}</a></p>
          </header>
          <h2>${s(strings.latest)}</h2>
          <ol>
            <xsl:for-each select="/rss/channel/item">
              <li>
                <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
                <p><xsl:value-of select="description"/></p>
                <time><xsl:value-of select="pubDate"/></time>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
`;
}
