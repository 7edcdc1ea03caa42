/**
 * The export's pictures: where an attachment or an inline picture is under `wp-content/uploads/`, where
 * it is on this machine, and the path a story names it by. Shared by the import and the thread that
 * converts posts (worker/convert.ts), so both find the same picture for the same URL.
 */
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { MediaOutcome } from './fetch-media.ts';
import { decodeSlug } from './slug.ts';

export interface Attachment {
  url: string;
  /** The file's path under uploads (`2016/12/photo.jpg`). */
  file: string;
  alt: string;
  caption: string;
  title: string;
  /** Its place in its post's `[gallery]`: `wp:menu_order`. */
  order: number;
}

/** The export's attachments, as pass one of the import gathers them. */
export interface AttachmentIndex {
  attachments: Map<string, Attachment>;
  /** Attachments' ids by their URL: a `[gallery]` names a WordPress.com address, with no uploads path in it. */
  attachmentIds: Map<string, string>;
  /** The attachments uploaded to each post (`wp:post_parent`), for a `[gallery]` without `ids`. */
  attached: Map<string, string[]>;
}

/**
 * The file's path under `wp-content/uploads/`, from its URL or `_wp_attached_file`. For attachments
 * (`attachment`), a WordPress.com address (`/<year>/<month>/<file>`) counts too.
 */
export function uploadsPath(url: string, attachedFile = '', attachment = false): string {
  if (attachedFile) return attachedFile.replace(/^\/+/, '');
  const pathname = new URL(url, 'http://x.invalid').pathname;
  // Self-hosted sites keep files under wp-content/uploads/; WordPress.com under /<year>/<month>/.
  const match =
    /\/wp-content\/uploads\/(.+)$/.exec(pathname) ??
    (attachment ? /^\/(\d{4}\/\d{2}\/[^/]+)$/.exec(pathname) : null);
  return match?.[1] ? match[1].split('/').map(decodeSlug).join('/') : '';
}

/** The uploads path of a picture's URL, or of the attachment at that URL. */
export function pictureFile(index: AttachmentIndex, url: string): { file: string; attachmentId?: string } {
  const id = index.attachmentIds.get(url);
  const file = uploadsPath(url) || (id ? (index.attachments.get(id)?.file ?? '') : '');
  return id ? { file, attachmentId: id } : { file };
}

/** An attachment as a `[gallery ids]` shows it: its file's URL, alt text and caption. */
export function galleryAttachment(
  index: AttachmentIndex,
  id: string,
): { url: string; alt: string; caption: string } | undefined {
  const found = index.attachments.get(id);
  return found ? { url: found.url, alt: found.alt, caption: found.caption } : undefined;
}

/** The attachments uploaded to a post, in the order WordPress's `[gallery]` shows them: menu order, then id. */
export function attachedTo(index: AttachmentIndex, postId: string): string[] {
  const order = (id: string) => index.attachments.get(id)?.order ?? 0;
  return [...(index.attached.get(postId) ?? [])].sort((a, b) => order(a) - order(b) || Number(a) - Number(b));
}

/**
 * Where a picture of the export is on this machine: the uploads folder (`uploads`, resolved), else the
 * copy --fetch-media downloaded; undefined when it is in neither.
 */
export function pictureSource(
  file: string,
  uploads: string | undefined,
  outcomes: ReadonlyMap<string, MediaOutcome> | undefined,
): string | undefined {
  if (uploads) {
    const source = join(uploads, file);
    if (source.startsWith(uploads + sep) && existsSync(source)) return source;
  }
  const outcome = outcomes?.get(file);
  return outcome?.ok ? outcome.path : undefined;
}

/** A picture copied into the site (`src/assets/wp/<file>`), as a story names it: two folders up. */
export const storyAsset = (file: string): string => `../../assets/wp/${file}`;
