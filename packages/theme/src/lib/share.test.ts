import { describe, expect, it } from 'vitest';
import { shareLinks } from './share.ts';

describe('shareLinks', () => {
  const links = Object.fromEntries(
    shareLinks('https://khabar.example/politics/%D8%AE/', 'خبر “عاجل” & more').map((l) => [
      l.network,
      l.href,
    ]),
  );
  it('links to each network without scripts', () => {
    expect(Object.keys(links)).toEqual(['whatsapp', 'telegram', 'x', 'facebook', 'email']);
    for (const href of Object.values(links)) expect(href).toMatch(/^(https:\/\/|mailto:)/);
  });
  it('encodes the URL and title as query values', () => {
    const telegram = new URL(links.telegram ?? '');
    expect(telegram.searchParams.get('url')).toBe('https://khabar.example/politics/%D8%AE/');
    expect(telegram.searchParams.get('text')).toBe('خبر “عاجل” & more');
    expect(new URL(links.whatsapp ?? '').searchParams.get('text')).toContain(
      'https://khabar.example/politics/%D8%AE/',
    );
  });
});
