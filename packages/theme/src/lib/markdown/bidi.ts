/**
 * Where Arabic text needs the Unicode bidirectional algorithm helped: numbers with a sign or a Latin unit,
 * which flip in a right-to-left paragraph («−3» shows as «3−», «+1.5» as «1.5+», because the sign is a
 * neutral that takes the paragraph's direction), and blocks written in a Latin-script language, which
 * should run left to right when the story quotes one.
 *
 * Pure functions over text; `plugins.ts` applies them to the story's HTML tree.
 */

/** A sign (plus, hyphen-minus, minus, plus-minus) before a number, or a number before a Latin unit or a percent sign. */
const NUMBER =
  /(?<![\p{L}\p{Nd}\p{M}])(?:[+\-\u2212\u00B1]\p{Nd}[\p{Nd}.,\u066B\u066C]*(?:\s?(?:%|\u066A|°[CF]?|[A-Za-z]{1,4}(?![A-Za-z])))?|\p{Nd}[\p{Nd}.,\u066B\u066C]*\s?(?:°[CF]?|[A-Za-z]{1,4}(?![A-Za-z])))(?![\p{L}\p{Nd}])/gu;

/** Every number `NUMBER` finds has a digit: a text without one (most of a story's) is not searched. */
const DIGIT = /\p{Nd}/u;

/** A piece of a text: plain, or a number to isolate left to right. */
export interface TextRun {
  text: string;
  isolate: boolean;
}

/**
 * Splits a text into plain runs and the numbers to isolate: numbers with a leading sign («−3»,
 * «+1.5»، «±0.2»), or followed by a Latin unit or a degree sign («30 km», «−3°C», «12 MB»), whose space
 * would otherwise take the paragraph's direction. Plain numbers, ranges and times («٢٠١٦»، «2016-2017»،
 * «١٤:٢٠») need nothing and are left alone.
 *
 * @example
 * numberRuns('انخفضت −3 نقاط') // [{ text: 'انخفضت ', isolate: false }, { text: '−3', isolate: true }, { text: ' نقاط', isolate: false }]
 */
export function numberRuns(text: string): TextRun[] {
  // NUMBER's lookbehind is tried at every position: 2 s of a 10,000-story cold build's profile.
  if (!DIGIT.test(text)) return text ? [{ text, isolate: false }] : [];
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(NUMBER)) {
    const start = match.index;
    if (start > last) runs.push({ text: text.slice(last, start), isolate: false });
    runs.push({ text: match[0], isolate: true });
    last = start + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), isolate: false });
  return runs;
}

const STRONG =
  /[\p{Script=Latin}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Greek}\p{Script=Cyrillic}]/u;
const LATIN = /\p{Script=Latin}/u;
const RTL_LETTERS = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/gu;
const LTR_LETTERS = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/gu;

/**
 * Whether a block is written left to right: its first letter is Latin (as a browser's `dir="auto"` would
 * read it) and most of its letters are. An Arabic paragraph that begins with a name («CNN قالت إن…»)
 * stays right to left; a quoted English sentence, even with an Arabic word in it, runs left to right.
 *
 * @example
 * startsLeftToRight('"We will respond," said the minister.') // true
 * startsLeftToRight('CNN قالت إن الاجتماع انتهى') // false
 */
export function startsLeftToRight(text: string): boolean {
  const first = STRONG.exec(text)?.[0];
  if (first === undefined || !LATIN.test(first)) return false;
  const ltr = text.match(LTR_LETTERS)?.length ?? 0;
  const rtl = text.match(RTL_LETTERS)?.length ?? 0;
  return ltr > rtl;
}
