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

/** A footnote's number in the text, and a back link's second-reference number, in the site's digits. */
function footnoteNumbers(formatNumber: (value: number) => string) {
  const rewrite = (node: { type: string; value?: unknown }, ctx: Context) => {
    if (node.type === 'text' && typeof node.value === 'string' && /^\d+$/.test(node.value)) {
      ctx.replaceNode(node, [{ type: 'text', value: formatNumber(Number(node.value)) }]);
    }
  };
  return {
    name: `${PLUGIN_PREFIX}footnote-numbers`,
    element: {
      filter: ['a'],
      visit(node: Element, ctx: Context) {
        if (node.properties['dataFootnoteRef'] !== undefined) {
          for (const child of node.children) rewrite(child, ctx);
        } else if (node.properties['dataFootnoteBackref'] !== undefined) {
          for (const child of node.children) {
            if (child.type === 'element' && (child as Element).tagName === 'sup') {
              for (const text of (child as Element).children) rewrite(text, ctx);
            }
          }
        }
      },
    },
  };
}

/**
 * The theme's HTML-tree plugins, in the order they run; with `formatNumber`, footnote numbers are
 * written in the site's digits too.
 */
export function khabarHastPlugins(formatNumber?: (value: number) => string): HastPlugin[] {
  const plugins: object[] = [codeDirection, numberIsolation, blockDirection];
  if (formatNumber) plugins.push(footnoteNumbers(formatNumber));
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
