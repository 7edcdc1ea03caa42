import { describe, expect, it } from 'vitest';
import { faviconSvg } from './favicon.ts';

describe('faviconSvg', () => {
  it('draws the first letter of the site name, escaped', () => {
    expect(faviconSvg('  خبر اليوم')).toContain('>خ</text>');
    expect(faviconSvg('<Site>')).toContain('>&lt;</text>');
    expect(faviconSvg('')).toMatch(/<text[^>]*><\/text><\/svg>$/);
  });

  it('is a standalone SVG document', () => {
    expect(faviconSvg('خبر')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 32 32">/);
  });
});
