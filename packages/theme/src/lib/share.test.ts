import { describe, expect, it } from 'vitest';
import { queryValue, shareLinks, urlInQuery } from './share.ts';

const CANONICAL = 'https://khabar.example/politics/%D8%AE%D8%A8%D8%B1-%D8%B9%D8%A7%D8%AC%D9%84/';
const TITLE = 'خبر “عاجل” & more';

describe('shareLinks', () => {
  const links = Object.fromEntries(shareLinks(CANONICAL, TITLE).map((l) => [l.network, l.href]));
  /** A link as a browser reads it: the parsed URL, every character outside ASCII percent-encoded. */
  const parsed = (network: string) => new URL(links[network] ?? '');
  /** The page URL a network gets from a query value, as the URL it fetches. */
  const shared = (value: string | null) => new URL(value ?? '').href;

  it('links to each network without scripts', () => {
    expect(Object.keys(links)).toEqual(['whatsapp', 'telegram', 'x', 'facebook', 'email']);
    for (const href of Object.values(links)) expect(href).toMatch(/^(https:\/\/|mailto:)/);
  });

  it('hands each network a URL that is the canonical one, and the email the headline', () => {
    const telegram = parsed('telegram');
    expect(shared(telegram.searchParams.get('url'))).toBe(CANONICAL);
    expect(shared(parsed('x').searchParams.get('url'))).toBe(CANONICAL);
    expect(shared(parsed('facebook').searchParams.get('u'))).toBe(CANONICAL);
    expect(shared(parsed('whatsapp').searchParams.get('text'))).toBe(CANONICAL);
    // The networks that draw a preview from the page's Open Graph tags get no headline in the link.
    for (const network of ['whatsapp', 'telegram', 'x', 'facebook']) {
      expect(decodeURIComponent(links[network] ?? ''), network).not.toContain('more');
    }
    const email = new URLSearchParams(parsed('email').search);
    expect(email.get('subject')).toBe(TITLE);
    // The headline once, in the subject; the body is the address.
    expect(shared(email.get('body') ?? '')).toBe(CANONICAL);
  });

  it('writes Arabic letters once, as UTF-8, never percent-encoded twice', () => {
    for (const href of Object.values(links)) {
      expect(href).not.toMatch(/%25/);
      expect(href).toContain('خبر');
      // Nothing a URL may not hold as it is: the space, quotes, markup characters.
      expect(href).not.toMatch(/[\s"<>“”]/);
    }
    expect(links.telegram).toBe('https://t.me/share/url?url=https://khabar.example/politics/خبر-عاجل/');
    expect(links.email).toBe(
      'mailto:?subject=خبر%20%E2%80%9Cعاجل%E2%80%9D%20%26%20more' +
        '&body=https%3A%2F%2Fkhabar.example%2Fpolitics%2Fخبر-عاجل%2F',
    );
  });
});

describe('urlInQuery', () => {
  it("leaves a URL's colon and slashes, and encodes what a query value may not hold", () => {
    expect(urlInQuery('https://a.example/خبر/?q=1&r=2#x')).toBe('https://a.example/خبر/%3Fq%3D1%26r%3D2%23x');
    const url = new URL(`https://t.me/share/url?url=${urlInQuery('https://a.example/خبر عاجل/?q=1&r=2')}`);
    expect(url.searchParams.get('url')).toBe('https://a.example/خبر عاجل/?q=1&r=2');
  });
});

describe('queryValue', () => {
  it('leaves letters, marks and digits outside ASCII, and encodes the rest as encodeURIComponent', () => {
    expect(queryValue('خبر عاجل & more')).toBe('خبر%20عاجل%20%26%20more');
    expect(queryValue('مُراسِل ٢٠٢٦')).toBe('مُراسِل%20٢٠٢٦');
    expect(queryValue('a=b#c+d%e?')).toBe(encodeURIComponent('a=b#c+d%e?'));
    // Arabic punctuation, the zero-width non-joiner and a bidi mark are not letters: encoded.
    expect(queryValue('؟،\u200c\u200f')).toBe(encodeURIComponent('؟،\u200c\u200f'));
  });

  it('round-trips through a URL parser', () => {
    const value = 'روسيا تطالب “الغرب” بإحترام السيادة & 100%';
    const url = new URL(`https://t.me/share/url?text=${queryValue(value)}`);
    expect(url.searchParams.get('text')).toBe(value);
  });
});
