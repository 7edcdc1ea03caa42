import { describe, expect, it } from 'vitest';
import { parseWebsite, safeLinkHref, siteRedirect } from './url.ts';

describe('parseWebsite', () => {
  it('accepts http(s) and bare hosts', () => {
    expect(parseWebsite('https://example.com/a')).toEqual({ href: 'https://example.com/a' });
    expect(parseWebsite('example.com/page')).toEqual({ href: 'https://example.com/page' });
    expect(parseWebsite('https://مثال.إختبار/')).toEqual({ href: 'https://xn--mgbh0fb.xn--kgbechtv/' });
  });
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    'javascript://example.com/%0Aalert(1)',
    'jav&#x09;ascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD4=',
    'file:///etc/passwd',
    '//evil.example/',
    'ftp://example.com/',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'not a url',
  ])('refuses %s', (input) => {
    expect('problem' in parseWebsite(input)).toBe(true);
    expect(safeLinkHref(input)).toBeUndefined();
  });
});

describe('siteRedirect', () => {
  const origin = 'https://news.example';
  it('stays on the site', () => {
    expect(siteRedirect(origin, '/politics/%D8%B1/', 'khabar-pending')).toBe(
      'https://news.example/politics/%D8%B1/#khabar-pending',
    );
  });
  it.each([
    '//evil.example/',
    '/\\evil.example',
    'https://evil.example/',
    '/a\r\nLocation: x',
    'javascript:alert(1)',
  ])('refuses %s', (path) => {
    expect(siteRedirect(origin, path)).toBeUndefined();
  });
});
