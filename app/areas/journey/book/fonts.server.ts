// The fonts of the PDF book, so that every language prints: Noto Sans for Latin, Cyrillic and Greek, Noto Naskh Arabic
// (fontkit shapes it: joined letters, right to left), Noto Sans SC and TC for Chinese. The files are the Fontsource
// subsets (WOFF, OFL; see fonts/OFL.txt and docs/decisions/039-heic-photos-and-pdf-scripts.md), read with the first
// book. Text is cut into runs, each in the first font of the chain that has its characters.
import fs from 'node:fs';
import path from 'node:path';

type Weight = 'regular' | 'bold';

/** In chain order; `bold` missing: the regular file serves headings too. */
const FACES: { name: string; regular: string; bold?: string; chinese?: 'sc' | 'tc' }[] = [
  { name: 'latin', regular: 'noto-sans-latin-400-normal.woff', bold: 'noto-sans-latin-700-normal.woff' },
  { name: 'latin-ext', regular: 'noto-sans-latin-ext-400-normal.woff', bold: 'noto-sans-latin-ext-700-normal.woff' },
  { name: 'cyrillic', regular: 'noto-sans-cyrillic-400-normal.woff', bold: 'noto-sans-cyrillic-700-normal.woff' },
  { name: 'cyrillic-ext', regular: 'noto-sans-cyrillic-ext-400-normal.woff', bold: 'noto-sans-cyrillic-ext-700-normal.woff' },
  { name: 'greek', regular: 'noto-sans-greek-400-normal.woff', bold: 'noto-sans-greek-700-normal.woff' },
  { name: 'arabic', regular: 'noto-naskh-arabic-arabic-400-normal.woff', bold: 'noto-naskh-arabic-arabic-700-normal.woff' },
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
      return { id, bytes, has: (cp) => font.hasGlyphForCodePoint(cp) };
    };
    for (const face of FACES) {
      const regular = await read(`${face.name}-regular`, face.regular);
      faces.set(`${face.name}-regular`, regular);
      // without a bold file, the regular font (read once) serves headings too
      faces.set(`${face.name}-bold`, face.bold ? await read(`${face.name}-bold`, face.bold) : regular);
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

/** True when the first letter of the text is Arabic (or Hebrew): the paragraph reads right to left. */
export function readsRightToLeft(text: string) {
  const first = /\p{L}/u.exec(text)?.[0];
  return !!first && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.test(first);
}
