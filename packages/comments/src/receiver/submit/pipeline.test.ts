import { decodeHTML } from 'entities';
import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ORIGIN,
  POSTS,
  POST,
  h,
  resetHarness,
  make,
  liveToken,
  validFields,
  post,
} from '../../../test/helpers/handler.ts';

beforeEach(resetHarness);

describe('accepting', () => {
  it('stores a form post as pending and redirects back to the article', async () => {
    const response = await post(make(), await validFields());
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${ORIGIN}${POSTS[0]?.url}#khabar-pending`);
    const [stored] = await h.store.list();
    expect(stored?.status).toBe('pending');
    expect(stored?.public).toMatchObject({
      author: 'سارة',
      postId: POST,
      parentId: null,
      body: 'تعليق **مفيد** على الخبر',
    });
    expect(stored?.private).toMatchObject({ email: 'sara@example.com', ip: '203.0.113.0/24' });
    expect(JSON.stringify(stored?.public)).not.toContain('sara@');
  });

  it('answers JSON with the pending message and CORS for the allowed origin', async () => {
    const response = await post(make(), await validFields(), { json: true });
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const body = (await response.json()) as { ok: boolean; status: string; message: string };
    expect(body).toMatchObject({ ok: true, status: 'pending', message: 'تعليقك في انتظار المراجعة.' });
  });

  it('keeps ZWJ and ZWNJ in Arabic text, normalizes to NFC, accepts a Referer when Origin is absent', async () => {
    const response = await post(make(), await validFields({ comment: 'می\u200Cخواهم \u0627\u0654' }), {
      headers: { origin: '', referer: `${ORIGIN}/politics/x/` },
    });
    expect(response.status).toBe(303);
    expect((await h.store.list())[0]?.public.body).toBe('می\u200Cخواهم \u0623');
  });

  it('approves at once with moderation "none" and calls the deploy hook', async () => {
    const handler = make({ moderation: 'none', deployHook: 'https://h.hooks.example/build' });
    const response = await post(handler, await validFields());
    expect(response.headers.get('location')).toContain('#comments');
    expect((await h.store.list())[0]?.status).toBe('approved');
    await new Promise((r) => setTimeout(r, 10));
    expect(h.hooks).toEqual(['https://h.hooks.example/build']);
  });

  it('approves a reader with an approved comment under "previously-approved"', async () => {
    const handler = make({ moderation: 'previously-approved' });
    await post(handler, await validFields());
    const [first] = await h.store.list();
    expect(first?.status).toBe('pending');
    await h.store.setStatus(first?.public.id ?? '', 'approved');
    h.clock += 60_000;
    await post(handler, await validFields({ comment: 'تعليق ثانٍ' }));
    expect((await h.store.list({ status: 'approved' })).length).toBe(2);
  });

  it('threads a reply to an approved comment on the same post', async () => {
    const handler = make();
    await post(handler, await validFields());
    const parent = (await h.store.list())[0]?.public.id ?? '';
    await h.store.setStatus(parent, 'approved');
    h.clock += 60_000;
    const response = await post(handler, await validFields({ comment: 'رد', comment_parent: parent }));
    expect(response.status).toBe(303);
    expect((await h.store.list({ status: 'pending' }))[0]?.public.parentId).toBe(parent);
  });
});

describe('an error page for readers without JavaScript', () => {
  it('an error page in Arabic keeps the text, escaped, with a fresh token and no script', async () => {
    const comment = '<script>alert(1)</script><img src=x onerror=alert(1)> رأيي';
    const response = await post(
      make(),
      await validFields({ comment, khabar_token: await liveToken(POST, 3 * 86_400_000) }),
      {
        headers: { accept: 'text/html' },
      },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const { document } = parseHTML(await response.text());
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    expect(document.querySelector('[role=alert]')?.textContent).toBe(
      'انتهت صلاحية النموذج. أعد الإرسال الآن.',
    );
    expect(decodeHTML(document.querySelector('textarea')?.textContent ?? '')).toBe(comment);
    expect(document.querySelectorAll('script, img').length).toBe(0);
    expect(
      (document.querySelector('input[name=khabar_token]') as unknown as { value: string } | null)?.value,
    ).toMatch(/^l\./);
    expect(document.querySelector('a')?.getAttribute('href')).toBe(`${ORIGIN}${POSTS[0]?.url}#respond`);
    expect(await h.store.list()).toEqual([]);
  });
});
