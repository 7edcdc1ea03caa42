// @ts-check
import { defineConfig } from 'astro/config';
import khabar from 'astro-theme-khabar';

export default defineConfig({
  site: 'https://khabar.example',
  integrations: [
    khabar({
      title: 'خبر',
      tagline: 'أخبار المنطقة والعالم، بلا ضجيج',
      locale: 'ar-SY',
      digits: 'arab',
      calendar: 'gregorian',
      monthNames: 'both',
      timeZone: 'Asia/Damascus',
      sections: [
        { slug: 'politics', name: 'سياسة', description: 'الشؤون السياسية في المنطقة والعالم' },
        { slug: 'economy', name: 'اقتصاد', description: 'الأسواق والطاقة والأعمال' },
        { slug: 'sports', name: 'رياضة', description: 'المباريات والبطولات والرياضيون' },
        { slug: 'culture', name: 'ثقافة', description: 'الكتب والسينما والفنون والتراث' },
        { slug: 'technology', name: 'تكنولوجيا', description: 'الاتصالات والتطبيقات والابتكار' },
      ],
      social: {
        x: 'https://x.com/khabar_example',
        telegram: 'https://t.me/khabar_example',
        facebook: 'https://www.facebook.com/khabar.example',
      },
    }),
  ],
});
