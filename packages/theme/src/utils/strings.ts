import ar from '../translations/ar.json' with { type: 'json' };
import type { StringId } from '../schemas/translations.ts';

/** The theme's Arabic strings with the site's overrides applied. */
export function resolveStrings(overrides: Partial<Record<StringId, string>>): Record<StringId, string> {
  const strings: Record<StringId, string> = { ...ar };
  for (const [id, value] of Object.entries(overrides) as [StringId, string | undefined][]) {
    if (value !== undefined) strings[id] = value;
  }
  return strings;
}

/**
 * Fills `{name}` placeholders in a UI string.
 * @example interpolate('مدة القراءة: {time}', { time: '٣ دقائق' }) // 'مدة القراءة: ٣ دقائق'
 */
export function interpolate(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
