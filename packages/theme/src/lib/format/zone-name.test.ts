import { describe, expect, it } from 'vitest';
import { ARAB_ZONE_CITIES, timeZoneLabel } from './zone-name.ts';

describe('timeZoneLabel', () => {
  it('names an Arab capital’s zone by its city, as newsrooms print it', () => {
    expect(timeZoneLabel('Asia/Damascus', { locale: 'ar-SY' })).toBe('بتوقيت دمشق');
    expect(timeZoneLabel('Asia/Riyadh', { locale: 'ar-SA' })).toBe('بتوقيت الرياض');
    expect(timeZoneLabel('Africa/Cairo', { locale: 'ar-EG' })).toBe('بتوقيت القاهرة');
    expect(timeZoneLabel('UTC', { locale: 'ar' })).toBe('بتوقيت غرينتش');
  });

  it('reads the zone’s canonical name, so Etc/UTC and UTC meet', () => {
    expect(timeZoneLabel('Etc/UTC', { locale: 'ar' })).toBe(timeZoneLabel('UTC', { locale: 'ar' }));
  });

  it('takes the city the site names, and the site’s template', () => {
    expect(timeZoneLabel('Asia/Riyadh', { locale: 'ar-SA', city: 'مكة المكرمة' })).toBe('بتوقيت مكة المكرمة');
    expect(timeZoneLabel('Asia/Tehran', { locale: 'fa', city: 'تهران', cityTemplate: 'به وقت {city}' })).toBe(
      'به وقت تهران',
    );
  });

  it('falls back to Intl’s name of the country in the site’s language for other zones', () => {
    const intl = (zone: string, locale: string) =>
      new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'shortGeneric' })
        .formatToParts(0)
        .find((part) => part.type === 'timeZoneName')?.value;
    expect(timeZoneLabel('Asia/Tehran', { locale: 'ar' })).toBe(intl('Asia/Tehran', 'ar'));
    expect(timeZoneLabel('Asia/Tehran', { locale: 'fa-IR' })).toBe(intl('Asia/Tehran', 'fa-IR'));
    expect(timeZoneLabel('Asia/Tehran', { locale: 'fa-IR' })).not.toMatch(/[A-Za-z]/);
  });

  it('knows only zones the runtime knows', () => {
    for (const zone of Object.keys(ARAB_ZONE_CITIES)) {
      expect(() => new Intl.DateTimeFormat('ar', { timeZone: zone }), zone).not.toThrow();
    }
    expect(() => timeZoneLabel('Mars/Olympus', { locale: 'ar' })).toThrow(/Mars\/Olympus/);
  });
});
