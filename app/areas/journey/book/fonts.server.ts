// The fonts of the PDF book, so that every language prints: Noto Sans for Latin, Cyrillic and Greek, Noto Naskh Arabic
// (fontkit shapes it: joined letters, right to left), Noto Sans Hebrew, Noto Sans SC and TC for Chinese. The files are the Fontsource
// subsets (WOFF, OFL; see fonts/OFL.txt and docs/decisions/039-heic-photos-and-pdf-scripts.md), read with the first
// book. Text is cut into runs, each in the first font of the chain that has its characters; a line that mixes
// directions is put in visual order by the Unicode bidirectional algorithm (bidi-js).
import fs from 'node:fs';
import path from 'node:path';
import bidiFactory from 'bidi-js';

type Weight = 'regular' | 'bold';

/** In chain order; `bold` missing: the regular file serves headings too. */
const FACES: { name: string; regular: string; bold?: string; chinese?: 'sc' | 'tc' }[] = [
  { name: 'latin', regular: 'noto-sans-latin-400-normal.woff', bold: 'noto-sans-latin-700-normal.woff' },
  { name: 'latin-ext', regular: 'noto-sans-latin-ext-400-normal.woff', bold: 'noto-sans-latin-ext-700-normal.woff' },
  { name: 'cyrillic', regular: 'noto-sans-cyrillic-400-normal.woff', bold: 'noto-sans-cyrillic-700-normal.woff' },
  { name: 'cyrillic-ext', regular: 'noto-sans-cyrillic-ext-400-normal.woff', bold: 'noto-sans-cyrillic-ext-700-normal.woff' },
  { name: 'greek', regular: 'noto-sans-greek-400-normal.woff', bold: 'noto-sans-greek-700-normal.woff' },
  { name: 'arabic', regular: 'noto-naskh-arabic-arabic-400-normal.woff', bold: 'noto-naskh-arabic-arabic-700-normal.woff' },
  { name: 'hebrew', regular: 'noto-sans-hebrew-hebrew-400-normal.woff', bold: 'noto-sans-hebrew-hebrew-700-normal.woff' },
  { name: 'sc', regular: 'noto-sans-sc-chinese-simplified-400-normal.woff', chinese: 'sc' },
  { name: 'tc', regular: 'noto-sans-tc-chinese-traditional-400-normal.woff', chinese: 'tc' },
];

/** Where the font files are: beside this module in the source tree (the server bundle runs from the project folder). */
export const BOOK_FONT_DIR = path.resolve(process.cwd(), 'app/areas/journey/book/fonts');

export interface BookFont {
  /** the name registered with the PDF document */
  id: string;
  bytes: Buffer;
  has(codePoint: number): boolean;
  /** the ascent in thousandths of the font size (as pdfkit counts it), to put the runs of a line on one baseline */
  ascender: number;
  /** a heading face without a bold file (Chinese): drawn filled and stroked, so it still reads bold */
  syntheticBold?: boolean;
}

let loaded: Promise<Map<string, BookFont> | null> | null = null;

/** Every face and weight, read and parsed once; null when the files are missing (the book falls back to Helvetica). */
function loadFaces() {
  loaded ??= (async () => {
    if (!fs.existsSync(BOOK_FONT_DIR)) return null;
    const fontkit = await import('fontkit');
    const faces = new Map<string, BookFont>();
    const read = async (id: string, file: string): Promise<BookFont> => {
      const bytes = await fs.promises.readFile(path.join(BOOK_FONT_DIR, file));
      const font = fontkit.create(bytes);
      return { id, bytes, has: (cp) => font.hasGlyphForCodePoint(cp), ascender: (font.ascent * 1000) / font.unitsPerEm };
    };
    for (const face of FACES) {
      const regular = await read(`${face.name}-regular`, face.regular);
      faces.set(`${face.name}-regular`, regular);
      // without a bold file, the regular font (read once, registered once) serves headings, drawn synthetic bold
      faces.set(`${face.name}-bold`, face.bold ? await read(`${face.name}-bold`, face.bold) : { ...regular, syntheticBold: true });
    }
    return faces;
  })().catch(() => null);
  return loaded;
}

/** The fallback chain for a reader's language: Traditional Chinese readers get TC glyphs for shared Han characters. */
export async function bookFontChains(language: string) {
  const faces = await loadFaces();
  if (!faces) return null;
  const traditional = /^zh-(TW|HK|MO|Hant)/i.test(language);
  const order = FACES.map((f) => f.name).filter((n) => n !== 'sc' && n !== 'tc');
  order.push(...(traditional ? ['tc', 'sc'] : ['sc', 'tc']));
  const chain = (weight: Weight) => order.map((name) => faces.get(`${name}-${weight}`)!);
  return { regular: chain('regular'), bold: chain('bold') };
}

export interface TextRun {
  font: BookFont;
  text: string;
}

/** Characters that take the font of their neighbours (spaces, punctuation, digits) when it has them. */
const NEUTRAL = /[\s\p{P}\p{S}\p{N}]/u;

/** The text cut into runs, each in the first font of `chain` that has the character (neutral ones stay with the run). */
export function textRuns(text: string, chain: readonly BookFont[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    const current = runs[runs.length - 1];
    if (current && (NEUTRAL.test(char) || char === '\n') && (char === '\n' || current.font.has(cp))) {
      current.text += char;
      continue;
    }
    const font = chain.find((f) => f.has(cp)) ?? current?.font ?? chain[0]!;
    if (current && current.font === font) current.text += char;
    else runs.push({ font, text: char });
  }
  return runs;
}

/** Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms). */
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/** True when the text holds a right-to-left letter: only then does it need the bidirectional algorithm. */
export const hasRightToLeft = (text: string) => RTL_LETTER.test(text);

const bidi = bidiFactory();

/** A paragraph's bidi embedding levels; its direction comes from its first strong character (rules P2–P3). */
export function paragraphBidi(text: string) {
  const levels = bidi.getEmbeddingLevels(text, 'auto');
  return { text, levels, rightToLeft: levels.paragraphs[0]?.level === 1 };
}
export type ParagraphBidi = ReturnType<typeof paragraphBidi>;

/**
 * One line of a paragraph (characters start…end, inclusive, as UTF-16 indices) as runs in visual order, left to right,
 * each in the first font of `chain` that has its characters. fontkit lays out a run of Arabic or Hebrew letters right
 * to left by itself, so such a run keeps its logical order (and is shaped as written); any other right-to-left run
 * (spaces, punctuation) is reversed here, with mirrored brackets.
 */
export function visualRuns(paragraph: ParagraphBidi, start: number, end: number, chain: readonly BookFont[]): TextRun[] {
  const { text, levels } = paragraph;
  if (end < start) return [];
  // the font of each UTF-16 index, as the logical runs give it
  const fontAt: BookFont[] = [];
  for (const run of textRuns(text.slice(start, end + 1), chain)) for (let i = 0; i < run.text.length; i++) fontAt.push(run.font);
  const order = bidi.getReorderedIndices(text, levels, start, end).slice(start, end + 1);
  // visual positions grouped into stretches of one font and one direction, logically contiguous
  const groups: { font: BookFont; odd: boolean; from: number; to: number }[] = [];
  for (const index of order) {
    const font = fontAt[index - start]!;
    const odd = levels.levels[index]! % 2 === 1;
    const last = groups[groups.length - 1];
    if (last && last.font === font && last.odd === odd && index === (odd ? last.from - 1 : last.to + 1)) {
      if (odd) last.from = index;
      else last.to = index;
    } else groups.push({ font, odd, from: index, to: index });
  }
  const runs: TextRun[] = [];
  for (const group of groups) {
    const logical = text.slice(group.from, group.to + 1);
    const shown = !group.odd || RTL_LETTER.test(logical) ? logical : [...logical].reverse().map((c) => bidi.getMirroredCharacter(c) ?? c).join('');
    const last = runs[runs.length - 1];
    // two left-to-right neighbours in one font read as one run (a surrogate pair is never split: it is one level)
    if (last && last.font === group.font && !group.odd && !RTL_LETTER.test(last.text) && !RTL_LETTER.test(shown)) last.text += shown;
    else runs.push({ font: group.font, text: shown });
  }
  return runs;
}

/** Where a line may break: after spaces, and between Chinese, Japanese or Korean characters. */
const BREAKABLE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]\s*|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+\s*|\s+/gu;

/**
 * A paragraph cut into lines no wider than `maxWidth` (a word wider than that gets a line of its own), as inclusive
 * [start, end] UTF-16 ranges without the spaces that end them. `widthOf(start, end)` measures a logical stretch.
 */
export function lineRanges(text: string, maxWidth: number, widthOf: (start: number, end: number) => number): [number, number][] {
  const lastInk = (from: number, to: number) => {
    let end = to - 1;
    while (end >= from && /\s/.test(text[end]!)) end -= 1;
    return end;
  };
  const lines: [number, number][] = [];
  let lineStart = 0;
  let lineEnd = 0;
  for (const word of text.matchAll(BREAKABLE)) {
    const to = word.index + word[0].length;
    if (lineEnd > lineStart && lastInk(lineStart, to) >= lineStart && widthOf(lineStart, lastInk(lineStart, to)) > maxWidth) {
      lines.push([lineStart, lastInk(lineStart, lineEnd)]);
      lineStart = word.index;
    }
    lineEnd = to;
  }
  if (lineEnd > lineStart) lines.push([lineStart, lastInk(lineStart, lineEnd)]);
  return lines.filter(([start, end]) => end >= start);
}
