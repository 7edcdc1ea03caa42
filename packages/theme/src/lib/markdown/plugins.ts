/**
 * The theme's steps in Astro's Markdown processor (Sätteri's HTML-tree plugins, the processor Astro 7
 * renders Markdown and MDX with), for what Astro leaves wrong on a right-to-left page:
 *
 * - code runs left to right: `<pre>`, inline `<code>`, `<kbd>` and `<samp>` get `dir="ltr"` (a Shiki
 *   `<pre>` has none, so its lines right-align and a long line's start hides off the left edge);
 * - numbers with a sign or a Latin unit are isolated left to right (`bidi.ts`), so «−3» does not print
 *   as «3−» in text or in a table;
 * - a block written in a Latin-script language gets `dir="auto"` (`bidi.ts`), so a quoted English
 *   sentence reads left to right;
 * - the footnotes' heading and back links speak the site's language (`footnotes`), through Sätteri's
 *   `gfm.footnotes` feature (remark-rehype's `footnoteLabel` / `footnoteBackLabel`).
 *
 * The integration adds them to the site's processor (`index.ts`), and stories rendered on request from
 * their files (`runtime/story-body.ts`) get the same, so both ways give one HTML.
 */
import { foldDigits } from '../search/arabic.ts';
import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import { numberRuns, startsLeftToRight } from './bidi.ts';

/** A Sätteri HTML-tree plugin, as `markdown.processor.options.hastPlugins` holds it. */
export type HastPlugin = NonNullable<SatteriProcessorOptions['hastPlugins']>[number];
/** Sätteri's features (`markdown.processor.options.features`). */
export type Features = NonNullable<SatteriProcessorOptions['features']>;

/** What every theme plugin's name begins with: the integration tells the site's own plugins from these. */
export const PLUGIN_PREFIX = 'khabar:';

/** Elements whose text is code: left to right, and never rewritten. */
const CODE = new Set(['pre', 'code', 'kbd', 'samp', 'script', 'style', 'bdi', 'math', 'svg']);

/** The blocks that take `dir="auto"` when their text is in a Latin-script language. */
const BLOCKS = [
  'p',
  'li',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'td',
  'th',
  'figcaption',
  'dt',
  'dd',
];

/** The parts of an HTML tree's nodes the plugins read (hast's shapes). */
interface Element {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: readonly (Element | Text | { type: string })[];
}
interface Text {
  type: 'text';
  value: string;
}
type Parents = { type: 'root' } | Element;

/** The structural part of Sätteri's visitor context the plugins use. */
interface Context {
  /** The file being rendered (Astro gives Sätteri the story's URL), when there is one. */
  readonly fileURL?: URL | undefined;
  setProperty(node: unknown, key: string, value: unknown): void;
  replaceNode(node: unknown, nodes: unknown[]): void;
  textContent(node: unknown): string;
  parent(node: unknown): Parents | undefined;
}

function insideCode(node: unknown, ctx: Context): boolean {
  for (let parent = ctx.parent(node); parent !== undefined; parent = ctx.parent(parent)) {
    if (parent.type === 'element' && CODE.has(parent.tagName)) return true;
    if (parent.type === 'root') return false;
  }
  return false;
}

/** `dir="ltr"` on code blocks and inline code. */
const codeDirection = {
  name: `${PLUGIN_PREFIX}code-direction`,
  element: {
    filter: ['pre', 'code', 'kbd', 'samp'],
    visit(node: Element, ctx: Context) {
      if (node.tagName === 'code' && insideCode(node, ctx)) return;
      ctx.setProperty(node, 'dir', 'ltr');
    },
  },
};

/** Numbers with a sign or a unit in `<bdi dir="ltr">`. */
const numberIsolation = {
  name: `${PLUGIN_PREFIX}number-isolation`,
  text(node: Text, ctx: Context) {
    const runs = numberRuns(node.value);
    if (!runs.some((run) => run.isolate) || insideCode(node, ctx)) return;
    ctx.replaceNode(
      node,
      runs.map((run) =>
        run.isolate
          ? {
              type: 'element',
              tagName: 'bdi',
              properties: { dir: 'ltr' },
              children: [{ type: 'text', value: run.text }],
            }
          : { type: 'text', value: run.text },
      ),
    );
  },
};

/** `dir="auto"` on blocks in a Latin-script language. */
const blockDirection = {
  name: `${PLUGIN_PREFIX}block-direction`,
  element: {
    filter: BLOCKS,
    visit(node: Element, ctx: Context) {
      if (node.properties['dir'] !== undefined || insideCode(node, ctx)) return;
      if (startsLeftToRight(ctx.textContent(node))) ctx.setProperty(node, 'dir', 'auto');
    },
  },
};

/**
 * The footnotes' words of the file being rendered when they are not the site's: an edition's story's
 * (`undefined` for the main edition's, whose words the processor already wrote).
 */
export type FootnoteWordsOf = (fileURL: URL | undefined) => FootnoteWords | undefined;

/**
 * A footnote's number in the text, and a back link's second-reference number, in the story's digits;
 * and, in an edition's story, the footnotes' heading and back links in its words. The processor's
 * footnote words are one setting for every file (the site's), so an English edition's story gets its
 * own here: the heading's text, and each back link's label re-read from the site's (`main.backLabel`
 * with the reference in the site's digits) and written with the edition's.
 */
function footnoteWordsPlugin(main: FootnoteWords, wordsOf?: FootnoteWordsOf) {
  const rewrite = (node: { type: string; value?: unknown }, ctx: Context, words: FootnoteWords) => {
    if (node.type === 'text' && typeof node.value === 'string' && /^\d+$/.test(node.value)) {
      ctx.replaceNode(node, [{ type: 'text', value: words.formatNumber(Number(node.value)) }]);
    }
  };
  const [before = '', after = ''] = main.backLabel.split('{reference}');
  const backLabel = (label: unknown, words: FootnoteWords): string | undefined => {
    if (typeof label !== 'string' || !label.startsWith(before) || !label.endsWith(after)) return undefined;
    const numbers = foldDigits(label.slice(before.length, label.length - after.length)).split('-');
    if (!numbers.every((n) => /^\d+$/.test(n))) return undefined;
    return words.backLabel.replace(
      '{reference}',
      numbers.map((n) => words.formatNumber(Number(n))).join('-'),
    );
  };
  return {
    name: `${PLUGIN_PREFIX}footnote-numbers`,
    element: {
      filter: ['a', 'h2'],
      visit(node: Element, ctx: Context) {
        const own = wordsOf?.(ctx.fileURL);
        const words = own ?? main;
        if (node.tagName === 'h2') {
          if (own && node.properties['id'] === 'footnote-label') {
            const [first, ...rest] = node.children.filter((child) => child.type === 'text');
            if (first) ctx.replaceNode(first, [{ type: 'text', value: own.label }]);
            for (const text of rest) ctx.replaceNode(text, []);
          }
        } else if (node.properties['dataFootnoteRef'] !== undefined) {
          for (const child of node.children) rewrite(child, ctx, words);
        } else if (node.properties['dataFootnoteBackref'] !== undefined) {
          if (own) {
            const label = backLabel(node.properties['ariaLabel'], own);
            if (label) ctx.setProperty(node, 'ariaLabel', label);
          }
          for (const child of node.children) {
            if (child.type === 'element' && (child as Element).tagName === 'sup') {
              for (const text of (child as Element).children) rewrite(text, ctx, words);
            }
          }
        }
      },
    },
  };
}

/**
 * The theme's HTML-tree plugins, in the order they run; with the site's footnote words, footnote numbers
 * are written in the site's digits too, and with `wordsOf`, an edition's story's footnotes in its words.
 */
export function khabarHastPlugins(main?: FootnoteWords, wordsOf?: FootnoteWordsOf): HastPlugin[] {
  const plugins: object[] = [codeDirection, numberIsolation, blockDirection];
  if (main) plugins.push(footnoteWordsPlugin(main, wordsOf));
  return plugins as HastPlugin[];
}

/** The footnotes' words, from the site's UI strings. */
export interface FootnoteWords {
  /** The heading of the footnotes («الهوامش»). */
  label: string;
  /** A back link's `aria-label`, with a `{reference}` placeholder («العودة إلى الإحالة {reference}»). */
  backLabel: string;
  /** A number in the site's digits. */
  formatNumber: (value: number) => string;
}

/**
 * The site's features with the footnotes in its language: the heading, and back links labelled with the
 * reference in the site's digits («العودة إلى الإحالة ١», «… ١-٢» for a second reference). Footnotes the
 * site turned off (`gfm: false` or `gfm: { footnotes: false }`) stay off, and its own words stay.
 */
export function withFootnoteWords(features: Features, words: FootnoteWords): Features {
  const gfm = features.gfm;
  if (gfm === false) return features;
  const own = typeof gfm === 'object' ? gfm : {};
  if (own.footnotes === false) return features;
  const footnotes = typeof own.footnotes === 'object' ? own.footnotes : {};
  return {
    ...features,
    gfm: {
      ...own,
      footnotes: {
        label: words.label,
        backLabel: (reference: number, rerun: number) =>
          words.backLabel.replace(
            '{reference}',
            rerun > 1
              ? `${words.formatNumber(reference)}-${words.formatNumber(rerun)}`
              : words.formatNumber(reference),
          ),
        ...footnotes,
      },
    },
  };
}

/** Whether a plugin is one of the theme's (`markdown-options.ts` counts only the site's own as not portable). */
export function isKhabarPlugin(plugin: unknown): boolean {
  return (
    typeof plugin === 'object' &&
    plugin !== null &&
    typeof (plugin as { name?: unknown }).name === 'string' &&
    (plugin as { name: string }).name.startsWith(PLUGIN_PREFIX)
  );
}
