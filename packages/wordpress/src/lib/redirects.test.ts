import { describe, expect, it } from 'vitest';
import {
  astroRedirectsModule,
  nginxMap,
  oldPath,
  RedirectTable,
  redirectsFile,
  textPath,
} from './redirects.ts';

const to = '/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9/%D8%AE%D8%A8%D8%B1/';

describe('redirects', () => {
  it('reads old links relative to the WordPress site', () => {
    expect(
      oldPath('https://old.example/news/2016/12/01/%d8%ae%d8%a8%d8%b1/', 'https://old.example/news'),
    ).toBe('/2016/12/01/%d8%ae%d8%a8%d8%b1/');
    expect(oldPath('https://old.example/?p=7', 'https://old.example')).toBe('/?p=7');
    expect(textPath('/2016/12/01/%d8%ae%d8%a8%d8%b1')).toBe('/2016/12/01/خبر/');
    expect(textPath('/feed.xml')).toBe('/feed.xml');
  });

  it('keeps the first target and never shadows a page of the new site', () => {
    const table = new RedirectTable(['/سياسة/']);
    table.add('/old/', to);
    table.add('/old', '/elsewhere/');
    table.add('/%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9/', '/x/');
    table.add(to, to);
    expect(table.entries()).toEqual([{ from: '/old/', to }]);
  });

  it('writes both percent-encodings to _redirects and nginx, and text paths to Astro', () => {
    const redirects = [
      { from: '/2016/12/01/خبر/', to },
      { from: '/?p=7', to },
    ];
    const astro = astroRedirectsModule(redirects);
    expect(astro).toContain(`"/2016/12/01/خبر/": "/سياسة/خبر/"`);
    expect(astro).not.toContain('?p=');
    const file = redirectsFile(redirects);
    expect(file).toContain(`/2016/12/01/%d8%ae%d8%a8%d8%b1/ ${to} 301`);
    expect(file).toContain(`/2016/12/01/%D8%AE%D8%A8%D8%B1/ ${to} 301`);
    expect(file).toContain(`/ p=7 ${to} 301`);
    const nginx = nginxMap(redirects);
    expect(nginx).toContain(`"/2016/12/01/%d8%ae%d8%a8%d8%b1/" "${to}";`);
    expect(nginx).toContain(`"/2016/12/01/%D8%AE%D8%A8%D8%B1/" "${to}";`);
    expect(nginx).toContain(`"/?p=7" "${to}";`);
  });
});
