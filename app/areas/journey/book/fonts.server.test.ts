import { describe, expect, it } from 'vitest';
import { lineRanges, paragraphBidi, visualRuns, type BookFont } from './fonts.server';

/** Two stand-in fonts: one for Latin (and everything but Arabic), one for Arabic letters, digits and spaces. */
const font = (id: string, has: (cp: number) => boolean): BookFont => ({ id, bytes: Buffer.alloc(0), has, ascender: 1000 });
const latin = font('latin', (cp) => cp < 0x0600);
const arabic = font('arabic', (cp) => (cp >= 0x0600 && cp <= 0x06ff) || cp === 0x20);
const chain = [latin, arabic];

const runsOf = (text: string) => {
  const paragraph = paragraphBidi(text);
  return { rightToLeft: paragraph.rightToLeft, runs: visualRuns(paragraph, 0, text.length - 1, chain).map((r) => [r.font.id, r.text]) };
};

describe('the book lays a mixed-direction line out in visual order', () => {
  it('an Arabic-first line reads right to left: the Latin words stand left of the Arabic ones, the Arabic run kept as written for shaping', () => {
    expect(runsOf('رحلة إلى Lisbon 2026')).toEqual({
      rightToLeft: true,
      runs: [
        ['latin', 'Lisbon 2026'],
        ['arabic', 'رحلة إلى '],
      ],
    });
  });

  it('a Latin-first line reads left to right, an Arabic phrase inside it in its place', () => {
    expect(runsOf('Day one: رحلة إلى Lisbon')).toEqual({
      rightToLeft: false,
      runs: [
        ['latin', 'Day one: '],
        ['arabic', 'رحلة إلى'],
        // the space after the Arabic words keeps their font (it has one), left to right again
        ['arabic', ' '],
        ['latin', 'Lisbon'],
      ],
    });
  });

  it('brackets between Arabic words are mirrored, and two Arabic words around them change places', () => {
    expect(runsOf('سلام (مرحبا)')).toEqual({
      rightToLeft: true,
      runs: [
        ['latin', '('],
        ['arabic', 'مرحبا'],
        ['latin', ')'],
        ['arabic', 'سلام '],
      ],
    });
  });

  it('cuts a paragraph into lines no wider than asked, at spaces and between Chinese characters', () => {
    const oneEach = (start: number, end: number) => end - start + 1;
    expect(lineRanges('aa bb cc', 5, oneEach)).toEqual([
      [0, 4],
      [6, 7],
    ]);
    expect(lineRanges('我们的旅行', 2, oneEach)).toEqual([
      [0, 1],
      [2, 3],
      [4, 4],
    ]);
    expect(lineRanges('averyverylongword short', 5, oneEach)).toEqual([
      [0, 16],
      [18, 22],
    ]);
  });
});
