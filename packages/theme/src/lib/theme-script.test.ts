import { describe, expect, it } from 'vitest';
import { THEME_SCRIPT, THEME_STORAGE_KEY } from './theme-script.ts';

/** Runs the script against a fake document, storage and media query. */
function run({ stored, dark }: { stored?: string | null; dark: boolean }) {
  const storage = new Map<string, string>(stored ? [[THEME_STORAGE_KEY, stored]] : []);
  const listeners: Record<string, ((event: unknown) => void)[]> = {};
  const button = {
    attrs: {} as Record<string, string>,
    setAttribute(n: string, v: unknown) {
      this.attrs[n] = String(v);
    },
  };
  const root = { dataset: {} as Record<string, string> };
  const document = {
    documentElement: root,
    querySelectorAll: () => [button],
    addEventListener: (type: string, fn: (event: unknown) => void) => (listeners[type] ??= []).push(fn),
  };
  const localStorage = {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => storage.set(k, v),
  };
  const matchMedia = () => ({ matches: dark });
  // The script is a string the page inlines; running it here is the point of the test.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluating the inlined source itself
  const script = new Function('document', 'localStorage', 'matchMedia', THEME_SCRIPT) as (
    ...args: unknown[]
  ) => void;
  script(document, localStorage, matchMedia);
  const click = (target: unknown) => {
    listeners.click?.forEach((fn) => {
      fn({ target });
    });
  };
  return { root, storage, button, click };
}

describe('the theme script', () => {
  it('is small enough to inline on every page', () => {
    expect(new TextEncoder().encode(THEME_SCRIPT).length).toBeLessThan(700);
  });

  it('follows the system until the reader chooses', () => {
    expect(run({ dark: true }).root.dataset.theme).toBe('dark');
    expect(run({ dark: false }).root.dataset.theme).toBe('light');
  });

  it('applies a remembered choice over the system preference', () => {
    expect(run({ stored: 'light', dark: true }).root.dataset.theme).toBe('light');
    expect(run({ stored: 'dark', dark: false }).root.dataset.theme).toBe('dark');
    expect(run({ stored: 'purple', dark: false }).root.dataset.theme).toBe('light');
  });

  it('switches and remembers on a click of the toggle, and marks the button pressed', () => {
    const page = run({ dark: false });
    const toggle = { closest: () => ({}) };
    page.click(toggle);
    expect(page.root.dataset.theme).toBe('dark');
    expect(page.storage.get(THEME_STORAGE_KEY)).toBe('dark');
    expect(page.button.attrs['aria-pressed']).toBe('true');
    page.click(toggle);
    expect(page.root.dataset.theme).toBe('light');
    expect(page.button.attrs['aria-pressed']).toBe('false');
    page.click({ closest: () => null });
    expect(page.root.dataset.theme).toBe('light');
  });
});
