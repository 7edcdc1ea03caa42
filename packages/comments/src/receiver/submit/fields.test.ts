import { beforeEach, describe, expect, it } from 'vitest';
import {
  resetHarness,
  make,
  validFields,
  formBody,
  post,
  expectRefused,
} from '../../../test/helpers/handler.ts';

beforeEach(resetHarness);

describe('refusing hostile fields: encoding, characters, lengths, addresses (nothing stored)', () => {
  const TEXT_FIELDS = [
    'author',
    'email',
    'url',
    'comment',
    'comment_post_ID',
    'comment_parent',
    'khabar_token',
    'subject',
  ];

  it.each(TEXT_FIELDS)('400: invalid UTF-8 in %s', async (field) => {
    const body = formBody(await validFields()).replace(
      new RegExp(`(^|&)${field}=[^&]*`),
      `$1${field}=%C3%28`,
    );
    await expectRefused(await post(make(), null, { body }), 400, 'encoding');
  });

  it.each(TEXT_FIELDS)('400: a lone surrogate in %s (JSON)', async (field) => {
    const fields = await validFields();
    const body = JSON.stringify(fields).replace(`"${field}":"`, `"${field}":"\\ud800`);
    await expectRefused(await post(make(), null, { body, json: true }), 400, 'encoding');
  });

  it.each(TEXT_FIELDS)('400: NUL in %s', async (field) => {
    await expectRefused(
      await post(make(), await validFields({ [field]: 'a\u0000b' }), { json: true }),
      400,
      'control',
    );
  });

  it.each(['author', 'email', 'url'])('400: CRLF injection in %s', async (field) => {
    await expectRefused(
      await post(make(), await validFields({ [field]: 'x\r\nSet-Cookie: a=b' }), { json: true }),
      400,
      'control',
    );
  });

  it.each([
    ['author', 'سارة\u202Eمحمد'],
    ['url', 'https://example.com/\u202Egnp.exe'],
    ['comment', 'نص \u202E مقلوب'],
    ['comment', 'نص \u2066 معزول'],
    ['comment', 'a\u202Ab'],
    ['author', 'سارة\u200F'],
    ['author', 'a\u2067b'],
  ])('400: bidi control in %s', async (field, value) => {
    await expectRefused(
      await post(make(), await validFields({ [field]: value }), { json: true }),
      400,
      'bidi',
    );
  });

  it.each([
    ['author', 'ad\u200Bmin'],
    ['author', '\u200D'],
    ['url', 'https://exa\u200Bmple.com/'],
    ['email', 'sa\u200Cra@example.com'],
  ])('400: zero-width in %s', async (field, value) => {
    await expectRefused(
      await post(make(), await validFields({ [field]: value }), { json: true }),
      400,
      'invisible',
    );
  });

  it.each(['\u200B\u200C\u200D', '   \n\n ', '\uFEFF', ''])(
    '422: a body with nothing visible (%j)',
    async (comment) => {
      await expectRefused(await post(make(), await validFields({ comment }), { json: true }), 422, 'empty');
    },
  );

  it('422: lengths in characters and in bytes', async () => {
    await expectRefused(
      await post(make(), await validFields({ author: 'ا'.repeat(246) }), { json: true }),
      422,
      'too-long',
    );
    await expectRefused(
      await post(make(), await validFields({ comment: 'x'.repeat(65_526) }), { json: true }),
      422,
      'too-long',
    );
    // 40 Arabic letters are 80 bytes: within 50 characters, over 60 bytes.
    const tight = make({ limits: { author: { chars: 50, bytes: 60 } } });
    await expectRefused(
      await post(tight, await validFields({ author: 'ع'.repeat(40) }), { json: true }),
      422,
      'too-long',
    );
    await expectRefused(
      await post(make(), await validFields({ email: `${'a'.repeat(95)}@example.com` }), { json: true }),
      422,
      'too-long',
    );
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'JaVaScRiPt:alert(document.domain)',
    ' javascript:alert(1)',
    'javascript&#58;alert(1)',
    'java%0ascript:alert(1)',
    'javascript://%0Aalert(1)',
    'vbscript:msgbox',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DaTa:image/svg+xml,<svg onload=alert(1)>',
    'file:///etc/passwd',
    '//evil.example',
    'https://user:pass@example.com/',
  ])('422: website %j', async (url) => {
    const response = await post(make(), await validFields({ url }), { json: true });
    expect([400, 422]).toContain(response.status);
    await expectRefused(response, response.status);
  });

  it('422: e-mail and required fields', async () => {
    await expectRefused(
      await post(make(), await validFields({ email: 'not-an-email' }), { json: true }),
      422,
      'email',
    );
    await expectRefused(
      await post(make(), await validFields({ email: 'a@b.c>"<script>' }), { json: true }),
      422,
      'email',
    );
    await expectRefused(
      await post(make(), await validFields({ author: '' }), { json: true }),
      422,
      'required',
    );
    await expectRefused(
      await post(make(), await validFields({ email: '' }), { json: true }),
      422,
      'required',
    );
  });

  it.each(['../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '/etc/passwd', 'روسيا-سوريا/../other', 'nope', ''])(
    '422: post id %j (path traversal, unknown)',
    async (postId) => {
      const fields = await validFields({ comment_post_ID: postId });
      await expectRefused(await post(make(), fields, { json: true }), 422, 'post');
    },
  );
});

describe('names and comments that show as nothing, names that are markup, local websites', () => {
  it.each([
    ['braille blank', '\u2800\u2800\u2800'],
    ['combining marks only', '\u064B\u064E\u064F'],
    ['tatweel only', '\u0640\u0640\u0640'],
    ['tag characters', '\u{E0041}\u{E0042}'],
    ['variation selectors', '\uFE0F\uFE0F'],
  ])('422 for a name of %s', async (_name, author) => {
    const text = await expectRefused(await post(make(), await validFields({ author })), 422);
    expect(text).toContain('يجب أن يحتوي «الاسم» على حرف أو رقم ظاهر.');
  });
  it('422 for a comment of nothing but tatweel', async () => {
    const response = await post(make(), await validFields({ comment: '\u0640'.repeat(20) }), { json: true });
    const text = await expectRefused(response, 422, 'no-letters');
    expect(text).toContain('يجب أن يحتوي «التعليق» على حرف أو رقم ظاهر.');
  });
  it('422 in Arabic for a name with HTML tags', async () => {
    const response = await post(make(), await validFields({ author: '<b>سارة</b>' }), { json: true });
    const text = await expectRefused(response, 422, 'markup');
    expect(text).toContain('لا يجوز أن يحتوي «الاسم» على وسوم HTML');
  });
  it.each([
    'http://169.254.169.254/',
    'http://localhost:22/',
    'http://0x7f.1/',
    'http://[::1]/',
    'http://10.0.0.1',
  ])('422 for the website %s', async (url) => {
    const response = await post(make(), await validFields({ url }), { json: true });
    const text = await expectRefused(response, 422, 'url-private');
    expect(text).toContain('عنواناً عاماً على الإنترنت');
  });
});
