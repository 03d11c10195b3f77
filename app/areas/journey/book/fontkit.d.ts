// fontkit (pdfkit's font engine) ships no types: the calls the book's font choice and line layout use.
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    /** in font units; unitsPerEm of them make the font size */
    ascent: number;
    unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Buffer): Font;
}
