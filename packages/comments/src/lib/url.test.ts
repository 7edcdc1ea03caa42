import { describe, expect, it } from 'vitest';
import { isPrivateHost, parseWebsite, receiverUrl, safeLinkHref, siteRedirect } from './url.ts';

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

describe('receiverUrl', () => {
  const behindProxy = { requestUrl: 'http://127.0.0.1:8787/reply?post=a', basePath: '/api/comments/' };
  it('uses the configured public URL first', () => {
    expect(
      receiverUrl({
        ...behindProxy,
        publicUrl: 'https://comments.news.example/api/comments/',
        forwarded: { proto: 'http', host: 'evil.example' },
      }),
    ).toBe('https://comments.news.example/api/comments/');
  });
  it("believes a trusted proxy's X-Forwarded-Proto and X-Forwarded-Host", () => {
    expect(receiverUrl({ ...behindProxy, forwarded: { proto: 'https', host: 'news.example' } })).toBe(
      'https://news.example/api/comments/',
    );
    expect(receiverUrl({ ...behindProxy, forwarded: { proto: 'https, http', host: null } })).toBe(
      'https://127.0.0.1:8787/api/comments/',
    );
    expect(receiverUrl({ ...behindProxy, forwarded: { proto: 'HTTPS', host: 'news.example:8443' } })).toBe(
      'https://news.example:8443/api/comments/',
    );
  });
  it('ignores forwarded values that are not a scheme and a host', () => {
    for (const forwarded of [
      { proto: 'javascript', host: 'news.example' },
      { proto: 'https', host: 'evil.example/path' },
      { proto: 'https', host: 'user@evil.example' },
      { proto: 'https', host: 'a b' },
    ])
      expect(receiverUrl({ ...behindProxy, forwarded })).toBe('http://127.0.0.1:8787/api/comments/');
  });
  it('without a public URL or a trusted proxy, the request is the receiver', () => {
    expect(receiverUrl(behindProxy)).toBe('http://127.0.0.1:8787/api/comments/');
  });
});

describe('a website on a private or local address is refused', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://localhost:22/',
    'http://app.localhost/',
    'http://0x7f.1/',
    'http://2130706433/',
    'http://017700000001/',
    'http://0177.0.0.1/',
    'http://127.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[fd00:ec2::254]/',
    'http://[fe80::1]/',
    'http://10.0.0.1',
    'http://192.168.1.1/',
    'http://172.16.0.1/',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://metadata.google.internal/',
    'https://printer.local/',
  ])('%s', (input) => {
    expect(parseWebsite(input)).toEqual({ problem: 'private' });
    expect(safeLinkHref(input)).toBeUndefined();
  });
  it('public addresses and names still pass', () => {
    expect(parseWebsite('http://8.8.8.8/')).toEqual({ href: 'http://8.8.8.8/' });
    expect(parseWebsite('https://[2606:4700::1111]/')).toEqual({ href: 'https://[2606:4700::1111]/' });
    expect(isPrivateHost('news.example')).toBe(false);
    expect(isPrivateHost('localhost.news.example')).toBe(false);
  });
});
