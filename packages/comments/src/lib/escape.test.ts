import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape.ts';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&apos;y&apos;&gt;&amp;&lt;/a&gt;',
    );
  });
  it('leaves Arabic, Persian and invisible joiners as they are, and round-trips', () => {
    const text = 'می\u200Cخواهم «سلام» & <b>';
    expect(escapeHtml('می\u200Cخواهم «سلام»')).toBe('می\u200Cخواهم «سلام»');
    expect(decodeHTML(escapeHtml(text))).toBe(text);
  });
});
