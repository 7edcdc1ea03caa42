import { z } from 'astro/zod';

/** Social accounts the newsroom links to from its footer and structured data. */
export const SocialSchema = () =>
  z
    .object({
      x: z.url().optional(),
      facebook: z.url().optional(),
      telegram: z.url().optional(),
      whatsapp: z.url().optional(),
      youtube: z.url().optional(),
      instagram: z.url().optional(),
      tiktok: z.url().optional(),
      linkedin: z.url().optional(),
    })
    .strict()
    .default({});

/** The site's identity: what readers see in the header, the title bar and shared links. */
export const SiteSchema = () =>
  z.object({
    /**
     * The newsroom's name, shown in the header and used in page titles. Without it, the project's
     * package name.
     * @example title: 'خبر'
     */
    title: z
      .string()
      .trim()
      .min(1, 'give the site a name, e.g. title: "خبر"')
      // khabar() names a site without a title after its package (config/starter.ts).
      .default('خبر'),
    /**
     * A short line under the name.
     * @example tagline: 'أخبار العالم العربي لحظة بلحظة'
     */
    tagline: z.string().trim().optional(),
    /**
     * A logo image, as a path relative to the project root, with its alternative text.
     * When absent the site name is set in type.
     * @example logo: { src: './src/assets/logo.svg', alt: 'خبر' }
     */
    logo: z
      .object({
        src: z.string().min(1),
        alt: z.string(),
      })
      .strict()
      .optional(),
    /**
     * Links to the newsroom's accounts.
     * @example social: { x: 'https://x.com/khabar', telegram: 'https://t.me/khabar' }
     */
    social: SocialSchema(),
  });
