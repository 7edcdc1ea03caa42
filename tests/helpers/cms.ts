/**
 * Driving the web editor (`/admin/`, Sveltia CMS) in Chromium as a journalist would, offline, on a
 * local copy of the repository. The editor's local mode asks for the repository's folder with the File
 * System Access picker, which no automation can answer: the picker is answered with a folder of the
 * browser's own private storage (`navigator.storage.getDirectory()`), seeded with the repository's files.
 * Everything else is the real editor, bundled by the real build.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/** The folder of the browser's private storage that stands for the repository. */
export const REPO_DIR = 'repository';

/** A file of the repository copy: its path from the repository's root and its bytes (base64). */
export interface RepoFile {
  path: string;
  base64: string;
}

/** Every file under `dir`, named from `root` (the repository's root). */
export async function repoFiles(root: string, dir: string): Promise<RepoFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = join(entry.parentPath, entry.name);
        return { path: relative(root, file), base64: (await readFile(file)).toString('base64') };
      }),
  );
}

/**
 * Aborts every request that leaves the machine (anything but 127.0.0.1 and localhost) and counts them:
 * the editor must work with no third-party request (its UI strings included).
 */
export async function offline(context: BrowserContext): Promise<{ blocked: string[] }> {
  const blocked: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const local =
      url.protocol === 'data:' ||
      url.protocol === 'blob:' ||
      url.hostname === '127.0.0.1' ||
      url.hostname === 'localhost';
    if (local) await route.continue();
    else {
      blocked.push(url.href);
      await route.abort('blockedbyclient');
    }
  });
  return { blocked };
}

/** Answers the folder picker with the seeded repository folder of the browser's private storage. */
export async function stubDirectoryPicker(context: BrowserContext): Promise<void> {
  await context.addInitScript((dir: string) => {
    const picker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle(dir);
    Object.defineProperty(window, 'showDirectoryPicker', { value: picker, configurable: true });
  }, REPO_DIR);
}

/**
 * Writes the repository's files into the browser's private storage (of the page's origin), after
 * emptying it, with the `.git/HEAD` the editor looks for to know a repository's root.
 */
export async function seedRepository(page: Page, files: readonly RepoFile[]): Promise<void> {
  const all = [
    ...files,
    { path: '.git/HEAD', base64: Buffer.from('ref: refs/heads/main\n').toString('base64') },
  ];
  await page.evaluate(
    async ({ dir, files: list }) => {
      const root = await navigator.storage.getDirectory();
      await root.removeEntry(dir, { recursive: true }).catch(() => undefined);
      const repo = await root.getDirectoryHandle(dir, { create: true });
      for (const file of list) {
        const parts = file.path.split('/');
        const name = parts.pop() ?? '';
        let folder = repo;
        for (const part of parts) folder = await folder.getDirectoryHandle(part, { create: true });
        const handle = await folder.getFileHandle(name, { create: true });
        const writable = await handle.createWritable();
        await writable.write(Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0)));
        await writable.close();
      }
    },
    { dir: REPO_DIR, files: all },
  );
}

/** Every file of the repository copy in the browser's private storage, by path, as bytes (base64). */
export async function readRepository(page: Page): Promise<Map<string, string>> {
  const files = await page.evaluate(async (dir) => {
    const out: [string, string][] = [];
    const walk = async (folder: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
      // The async iterator of a directory handle is in Chromium, not in TypeScript's DOM types.
      for await (const [name, handle] of (
        folder as unknown as { entries: () => AsyncIterable<[string, FileSystemHandle]> }
      ).entries()) {
        const path = prefix ? `${prefix}/${name}` : name;
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, path);
        else {
          const bytes = new Uint8Array(
            await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer(),
          );
          let binary = '';
          for (const byte of bytes) binary += String.fromCharCode(byte);
          out.push([path, btoa(binary)]);
        }
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle(dir), '');
    return out;
  }, REPO_DIR);
  return new Map(files);
}
