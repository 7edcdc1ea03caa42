/** Search-engine and social metadata: pure builders the SEO components render. */
export * from './json-ld.ts';
export * from './meta.ts';
export * from './title.ts';
export * from './images.ts';
