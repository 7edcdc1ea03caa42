import { beforeEach, describe, expect, it } from 'vitest';
import {
  POST,
  h,
  resetHarness,
  make,
  liveToken,
  validFields,
  post,
  expectRefused,
} from '../../../test/helpers/handler.ts';

beforeEach(resetHarness);

describe('refusing by the rules: closed posts, parents, bots, floods, duplicates (nothing stored)', () => {
  it('403: a closed post, by flag or by age', async () => {
    await expectRefused(
      await post(
        make(),
        await validFields({ comment_post_ID: 'closed', khabar_token: await liveToken('closed') }),
        { json: true },
      ),
      403,
      'closed',
    );
    h.clock = Date.parse('2017-01-01T00:00:00Z');
    await expectRefused(
      await post(make({ closeAfterDays: 14 }), await validFields(), { json: true }),
      403,
      'closed',
    );
  });

  it('422: forged parents: unknown, malformed, on another post, pending; and depth beyond the limit', async () => {
    const handler = make({ maxDepth: 2, limits: { floodSeconds: 0 } });
    const json = { json: true };
    await expectRefused(
      await post(handler, await validFields({ comment_parent: 'zzzzzzzz-00000000' }), json),
      422,
      'parent',
    );
    await expectRefused(
      await post(handler, await validFields({ comment_parent: '../private/x' }), json),
      422,
      'parent',
    );
    // A comment on another post, and a pending one on this post.
    await post(
      handler,
      await validFields({
        comment_post_ID: 'other',
        khabar_token: await liveToken('other'),
        comment: 'على مقال آخر',
      }),
    );
    await post(handler, await validFields({ comment: 'معلّق' }));
    const [elsewhere] = await h.store.list({ postId: 'other' });
    const [pending] = await h.store.list({ postId: POST });
    await h.store.setStatus(elsewhere?.public.id ?? '', 'approved');
    const before = await h.store.list();
    for (const parent of [elsewhere?.public.id ?? '', pending?.public.id ?? '']) {
      const response = await post(
        handler,
        await validFields({ comment_parent: parent, comment: `رد ${parent}` }),
        json,
      );
      expect(response.status).toBe(422);
    }
    // Depth: top (1) → reply (2) → reply to the reply would be 3 > maxDepth 2.
    await h.store.setStatus(pending?.public.id ?? '', 'approved');
    await post(handler, await validFields({ comment_parent: pending?.public.id ?? '', comment: 'رد أول' }));
    const reply = (await h.store.list({ status: 'pending' }))[0];
    await h.store.setStatus(reply?.public.id ?? '', 'approved');
    const deep = await post(
      handler,
      await validFields({ comment_parent: reply?.public.id ?? '', comment: 'أعمق' }),
      json,
    );
    expect(deep.status).toBe(422);
    expect(((await deep.json()) as { code: string }).code).toBe('depth');
    expect((await h.store.list()).length).toBe(before.length + 1);
  });

  it('400: the honeypot filled in', async () => {
    await expectRefused(
      await post(make(), await validFields({ subject: 'Buy now' }), { json: true }),
      400,
      'honeypot',
    );
  });

  it('time token: missing, forged, for another post, too old (400), too fast (429)', async () => {
    const json = { json: true };
    await expectRefused(
      await post(make(), await validFields({ khabar_token: '' }), json),
      400,
      'token-missing',
    );
    await expectRefused(
      await post(make(), await validFields({ khabar_token: 'l.1480593600.AAAAAAAAAAAAAAAAAAAAAA' }), json),
      400,
      'token-invalid',
    );
    await expectRefused(
      await post(make(), await validFields({ khabar_token: await liveToken('other') }), json),
      400,
      'token-invalid',
    );
    await expectRefused(
      await post(make(), await validFields({ khabar_token: await liveToken(POST, 2 * 86_400_000) }), json),
      400,
      'token-too-old',
    );
    const fast = await post(make(), await validFields({ khabar_token: await liveToken(POST, 500) }), json);
    expect(fast.headers.get('retry-after')).toBe('3');
    const body = JSON.parse(await expectRefused(fast, 429, 'too-fast')) as { token?: string };
    expect(body.token).toMatch(/^l\./);
  });

  it('429: a flood from one address, even behind a spoofed X-Forwarded-For', async () => {
    const handler = make();
    expect((await post(handler, await validFields())).status).toBe(303);
    h.clock += 5_000;
    const second = await post(handler, await validFields({ comment: 'ثانٍ' }), {
      headers: { 'x-forwarded-for': '198.51.100.9' },
      json: true,
    });
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('10');
    expect(((await second.json()) as { message: string }).message).toBe(
      'أنت تقوم بنشر التعليقات بسرعة كبيرة. تمهّل قليلاً.',
    );
    expect(
      (await post(handler, await validFields({ comment: 'ثالث' }), { address: '203.0.113.6' })).status,
    ).toBe(303);
    h.clock += 11_000;
    expect((await post(handler, await validFields({ comment: 'رابع' }))).status).toBe(303);
    expect((await h.store.list()).length).toBe(3);
  });

  it('trusts X-Forwarded-For from a configured proxy only', async () => {
    const handler = make({ trustedProxies: ['127.0.0.1'] });
    expect(
      (
        await post(handler, await validFields(), {
          address: '127.0.0.1',
          headers: { 'x-forwarded-for': '198.51.100.1' },
        })
      ).status,
    ).toBe(303);
    expect(
      (
        await post(handler, await validFields({ comment: 'ب' }), {
          address: '127.0.0.1',
          headers: { 'x-forwarded-for': '198.51.100.2' },
        })
      ).status,
    ).toBe(303);
    expect(
      (
        await post(handler, await validFields({ comment: 'ج' }), {
          address: '127.0.0.1',
          headers: { 'x-forwarded-for': '198.51.100.1' },
        })
      ).status,
    ).toBe(429);
    expect((await h.store.list()).map((c) => c.private.ip)).toEqual(['198.51.100.0/24', '198.51.100.0/24']);
  });

  it('409: the same comment twice, including two at once', async () => {
    const handler = make({ limits: { floodSeconds: 0 } });
    const fields = await validFields();
    const [a, b] = await Promise.all([
      post(handler, fields),
      post(handler, fields, { address: '203.0.113.77' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([303, 409]);
    h.clock += 60_000;
    const again = await post(handler, await validFields({ comment: '  تعليق **مفيد**   على الخبر ' }), {
      json: true,
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { message: string }).message).toBe(
      'تم اكتشاف وجود تعليق مكرر، يبدو أنك قد سبق وأرسلت هذا التعليق.',
    );
    expect((await h.store.list()).length).toBe(1);
  });
});
