import { z } from 'astro/zod';
import ar from '../translations/ar.json' with { type: 'json' };

/** The ids of the theme's UI strings. */
export type StringId = keyof typeof ar;
export const STRING_IDS = Object.keys(ar) as StringId[];

/** Site-level overrides of UI strings, keyed by string id. */
export const TranslationsSchema = () =>
  z.partialRecord(z.enum(STRING_IDS as [StringId, ...StringId[]]), z.string()).default({});
