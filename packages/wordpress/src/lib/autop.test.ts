import { describe, expect, it } from 'vitest';
import { autop, dropEmptyParagraphs, isEmptyParagraph } from './autop.ts';

describe('autop', () => {
  it('makes paragraphs of blank-line separated text and breaks of single newlines', () => {
    expect(autop('أول فقرة\n\nثانية\nسطر')).toBe('<p>أول فقرة</p>\n<p>ثانية<br />\nسطر</p>');
  });

  it('leaves block elements unwrapped and text beside them in its own paragraph', () => {
    expect(autop('قبل\n<blockquote>اقتباس</blockquote>\nبعد')).toBe(
      '<p>قبل</p>\n<blockquote>اقتباس</blockquote>\n<p>بعد</p>',
    );
    expect(autop('<ul>\n<li>أ</li>\n<li>ب</li>\n</ul>')).toContain('<li>أ</li>');
    expect(autop('<ul>\n<li>أ</li>\n</ul>')).not.toContain('<p>');
  });

  it('keeps <pre> exactly', () => {
    expect(autop('نص\n\n<pre>a\n\nb</pre>\n\nبعد')).toBe('<p>نص</p>\n<pre>a\n\nb</pre>\n<p>بعد</p>');
  });

  it('keeps the spaces inside a paragraph', () => {
    expect(autop('منوهاً  بأن')).toBe('<p>منوهاً  بأن</p>');
  });

  it('returns nothing for blank text', () => {
    expect(autop(' \n\n ')).toBe('');
  });
});

describe('dropEmptyParagraphs', () => {
  it('drops paragraphs of no-break spaces only', () => {
    expect(dropEmptyParagraphs('<p>أ</p>\n<p>&nbsp;</p>\n<p>\u00a0</p>\n<p>ب</p>')).toBe(
      '<p>أ</p>\n<p>ب</p>',
    );
  });

  it('calls a paragraph empty exactly when nothing but spaces, no-break spaces and breaks is in it', () => {
    const removedAll = (inner: string) =>
      inner.replace(/&nbsp;|&#160;|&#xa0;|\u00a0|<br\s*\/?>|\s/gi, '') === '';
    const samples = [
      '',
      ' \n\t',
      '&nbsp;&#160;&#xA0;\u00a0',
      '<br><BR /> <br/>',
      '&nbsp;x',
      'خبر',
      '<br class="x">',
      '&nbsp',
      '<b></b>',
      ' &amp; ',
      '<br  /> &#160;',
    ];
    for (const inner of samples) expect(isEmptyParagraph(inner), inner).toBe(removedAll(inner));
  });
});
