/** Share links as plain URLs: no third-party script, nothing loads until the reader clicks. */

export const SHARE_NETWORKS = ['whatsapp', 'telegram', 'x', 'facebook', 'email'] as const;
export type ShareNetwork = (typeof SHARE_NETWORKS)[number];

export interface ShareLink {
  network: ShareNetwork;
  href: string;
}

/**
 * The share URL of each network for a page.
 * @example shareLinks('https://news.example/a/', 'خبر')[0] // { network: 'whatsapp', href: 'https://wa.me/?text=…' }
 */
export function shareLinks(url: string, title: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  const hrefs: Record<ShareNetwork, string> = {
    whatsapp: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}`,
    telegram: `https://t.me/share/url?url=${u}&text=${text}`,
    x: `https://x.com/intent/post?url=${u}&text=${text}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
    email: `mailto:?subject=${text}&body=${encodeURIComponent(`${title}\n${url}`)}`,
  };
  return SHARE_NETWORKS.map((network) => ({ network, href: hrefs[network] }));
}
