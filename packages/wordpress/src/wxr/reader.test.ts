import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readWxr, WxrError } from './reader.ts';
import type { WxrEvent } from './types.ts';

const fixture = await readFile(
  new URL('../../test/fixtures/arabic-newsroom/export.xml', import.meta.url),
  'utf8',
);

/** The text in chunks of `size` characters, as a file stream hands it on. */
function chunks(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
}

async function* toAsync(parts: string[]) {
  for (const part of parts) yield await Promise.resolve(part);
}

async function read(text: string, size = 997): Promise<WxrEvent[]> {
  const events: WxrEvent[] = [];
  for await (const event of readWxr(toAsync(chunks(text, size)))) events.push(event);
  return events;
}

async function failure(text: string): Promise<WxrError> {
  const error = await read(text).catch((e: unknown) => e);
  if (!(error instanceof WxrError)) throw new Error(`expected a WxrError, got ${String(error)}`);
  return error;
}

describe('readWxr', () => {
  it('reads the site, authors, terms and items, whatever the chunk boundaries', async () => {
    for (const size of [1, 7, 997, 1_000_000]) {
      const events = await read(fixture, size);
      const site = events.find((event) => event.type === 'site');
      expect(site?.type === 'site' && site.site).toMatchObject({
        title: 'أخبار',
        wxrVersion: '1.2',
        language: 'ar',
      });
      expect(events.filter((event) => event.type === 'author')).toHaveLength(2);
      expect(events.filter((event) => event.type === 'category')).toHaveLength(3);
      expect(events.filter((event) => event.type === 'tag')).toHaveLength(2);
      expect(events.filter((event) => event.type === 'item')).toHaveLength(7);
    }
  });

  it("reads an author's description where an exporter wrote one, and none where WordPress core did not", async () => {
    const events = await read(
      fixture.replace(
        '<wp:author_last_name><![CDATA[حداد]]></wp:author_last_name>',
        '$&<wp:author_description><![CDATA[مراسلة في دمشق.]]></wp:author_description>',
      ),
    );
    const authors = events.flatMap((event) => (event.type === 'author' ? [event.author] : []));
    expect(authors.map((author) => author.description)).toEqual(['مراسلة في دمشق.', '']);
  });

  it('gives an item its fields, terms, meta and comments', async () => {
    const events = await read(fixture);
    const item = events
      .flatMap((event) => (event.type === 'item' ? [event.item] : []))
      .find((i) => i.postId === '7');
    expect(item).toMatchObject({ postType: 'post', status: 'publish', isSticky: '1', creator: 'layla' });
    expect(item?.postDateGmt).toBe('2016-12-01 12:20:00');
    expect(item?.content).toContain('[caption id="attachment_20"');
    expect(item?.terms.map((term) => term.domain)).toEqual(['category', 'category', 'post_tag', 'post_tag']);
    expect(item?.terms[0]?.nicename).toBe('%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9');
    expect(item?.meta['_thumbnail_id']).toBe('20');
    expect(item?.comments.map((comment) => comment.approved)).toEqual(['1', '1', '0', 'spam', '1']);
    expect(item?.comments[1]?.parent).toBe('101');
  });

  it('reads every field but the bodies when asked not to read them', async () => {
    const whole = await read(fixture);
    const light: WxrEvent[] = [];
    for await (const event of readWxr(toAsync(chunks(fixture, 997)), { bodies: false })) light.push(event);
    expect(light.length).toBe(whole.length);
    const item = (events: WxrEvent[]) =>
      events.flatMap((event) => (event.type === 'item' ? [event.item] : [])).find((i) => i.postId === '7');
    const full = item(whole);
    expect(full?.content).not.toBe('');
    expect(item(light)).toEqual({
      ...full,
      content: '',
      comments: full?.comments.map((comment) => ({ ...comment, content: '' })),
    });
  });

  it('reads the https namespace some exports use', async () => {
    const events = await read(
      fixture.replaceAll('http://wordpress.org/export/1.2/', 'https://wordpress.org/export/1.2/'),
    );
    expect(events.filter((event) => event.type === 'item')).toHaveLength(7);
  });

  it('says when a file is not XML', async () => {
    expect((await failure('{"posts": []}')).code).toBe('not-xml');
    expect((await failure('')).code).toBe('not-xml');
  });

  it('says when XML is not a WordPress export', async () => {
    expect((await failure('<html><body>hi</body></html>')).code).toBe('not-wxr');
    const rss = '<rss version="2.0"><channel><title>x</title><item><title>a</title></item></channel></rss>';
    expect((await failure(rss)).message).toContain('wp:wxr_version');
    expect((await failure(fixture.replace('<wp:wxr_version>1.2<', '<wp:wxr_version>2.0<'))).code).toBe(
      'not-wxr',
    );
  });

  it('says how far it got in a truncated export', async () => {
    const error = await failure(fixture.slice(0, fixture.indexOf('<wp:post_id>8</wp:post_id>')));
    expect(error.code).toBe('truncated');
    expect(error.itemsRead).toBe(3);
    expect(error.lastItem?.postId).toBe('7');
    expect(error.message).toMatch(/3 items read, the last one "روسيا/);
  });
});
