/**
 * The time and the calendar, as a Gulf newsroom configures them (tests/fixtures/calendar): the Hijri date
 * first with «الموافق», the hour on a 12-hour clock with the zone's name, today's date in the home page's header and
 * «منذ … ساعات» on the home page's latest list, all from the pinned clock.
 */
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrThrow } from './helpers/astro.ts';
import { tmpRoot } from './helpers/paths.ts';
import { loadPage } from './helpers/site.ts';

const root = join(tmpRoot, 'calendar');
const dist = join(root, 'dist');

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await cp(new URL('./fixtures/calendar/', import.meta.url), root, { recursive: true });
  await buildOrThrow(root);
}, 300_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe('a newsroom that prints the Hijri date first and a 12-hour clock', () => {
  it('dates the story Hijri first, with the hour in ص/م and the zone as configured', async () => {
    const { document } = await loadPage('/politics/address/', dist);
    const [published, updated] = [...document.querySelectorAll('.khabar-dates span')];
    expect(published?.textContent.replace(/\s+/g, ' ').trim()).toBe(
      'نُشر في الخميس ٢ ربيع الأول ١٤٣٨ هـ الموافق ١ ديسمبر ٢٠١٦ م، الساعة ٢:٢٠ م (بتوقيت مكة المكرمة)',
    );
    expect(published?.querySelector('time')?.getAttribute('datetime')).toBe('2016-12-01T14:20:00+03:00');
    expect(updated?.textContent.replace(/\s+/g, ' ').trim()).toBe(
      'آخر تحديث الخميس ٢ ربيع الأول ١٤٣٨ هـ الموافق ١ ديسمبر ٢٠١٦ م، الساعة ٤:٠٥ م (بتوقيت مكة المكرمة)',
    );
  });

  it('prints today’s date under the home page’s masthead, from the build’s clock', async () => {
    const { document } = await loadPage('/', dist);
    const today = document.querySelector('.khabar-header .khabar-today time');
    expect(today?.getAttribute('datetime')).toBe('2016-12-01');
    expect(today?.textContent).toBe('الخميس ٢ ربيع الأول ١٤٣٨ هـ الموافق ١ ديسمبر ٢٠١٦ م');
    // Only there: a story or a listing page kept by the next build would print the day it was built.
    for (const path of ['/politics/address/', '/politics/']) {
      expect((await loadPage(path, dist)).document.querySelector('.khabar-today'), path).toBeNull();
    }
  });

  it('says how long ago each of the latest stories was published, the date as its tooltip', async () => {
    const { document } = await loadPage('/', dist);
    const times = [...document.querySelectorAll('.khabar-latest time')].map((time) => [
      time.textContent,
      time.getAttribute('title'),
    ]);
    expect(times).toEqual([
      ['منذ ٤ ساعات', '٢ ربيع الأول ١٤٣٨ هـ الموافق ١ ديسمبر ٢٠١٦ م'],
      ['منذ يوم', '١ ربيع الأول ١٤٣٨ هـ الموافق ٣٠ نوفمبر ٢٠١٦ م'],
    ]);
  });
});
