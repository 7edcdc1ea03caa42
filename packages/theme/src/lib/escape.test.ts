import { describe, expect, it } from 'vitest';
import { decodeHTML } from 'entities';
import { escapeAttribute, escapeText, escapeXml } from './escape.ts';

describe('the escaping module', () => {
  it('escapes the five XML characters and leaves Arabic alone', () => {
    expect(escapeXml(`<"روسيا" & 'الغرب'>`)).toBe('&lt;&quot;روسيا&quot; &amp; &apos;الغرب&apos;&gt;');
  });

  it('escapes HTML text and attribute values the way the HTML standard serialises them', () => {
    expect(escapeText('أ & <ب> "ج"')).toBe('أ &amp; &lt;ب&gt; "ج"');
    expect(escapeAttribute('وصف "الخبر" & <ب>')).toBe('وصف &quot;الخبر&quot; &amp; <ب>');
  });

  it('round-trips: what is escaped decodes to the text', () => {
    const text = `سطر <b>"&amp;"</b> 'x'`;
    expect(decodeHTML(escapeXml(text))).toBe(text);
    expect(decodeHTML(escapeText(text))).toBe(text);
  });
});
