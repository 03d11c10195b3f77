// The PDF book in every script (issue 17): a journey with a Chinese title, Arabic and Hebrew entries, made through real HTTP.
// The PDF's streams are inflated and read: the Noto fonts are embedded, the Chinese characters are in the fonts'
// ToUnicode maps, the Arabic font shapes the title into joined glyphs, a line mixing Arabic and Latin is drawn in
// visual order (read from where each run is placed), and the Chinese heading is drawn bold (filled and stroked).
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { BOOK_FONT_DIR } from '~/areas/journey/book/fonts.server';

const suite = procedureSuite([{ displayName: 'Lin Mei' }]);
let lin: TestUser;
let journeyId: number;
const ARABIC_TITLE = 'سلام';
/** Arabic first, so the paragraph reads right to left: on the page "Lisbon 2026" stands left of the Arabic words. */
const MIXED_TITLE = 'رحلة إلى Lisbon 2026';
const HEBREW_TITLE = 'טיול לחיפה';

/** Every stream of the PDF, inflated. */
function streams(pdf: Buffer) {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream\n', at);
    if (start < 0) break;
    const end = pdf.indexOf('\nendstream', start);
    const body = pdf.subarray(start + 7, end);
    try {
      out.push(zlib.inflateSync(body).toString('latin1'));
    } catch {
      out.push(body.toString('latin1'));
    }
    at = end + 10;
  }
  return out;
}

/** The code points a ToUnicode map gives its glyphs (bfrange and bfchar), as one string. */
function unicodeOf(cmaps: string[]) {
  const hex = [...cmaps.join('\n').matchAll(/<([0-9a-fA-F]{4,})>/g)].map((m) => m[1]);
  return hex
    .filter((h) => h.length % 4 === 0)
    .map((h) => String.fromCharCode(...h.match(/.{4}/g)!.map((x) => parseInt(x, 16))))
    .join('');
}

beforeAll(async () => {
  [lin] = suite.users;
  await suite.server.services.addons.set('journey', true);
  const db = suite.server.services.db;
  const journey = await db.journey.create({
    data: { ownerId: lin.user.id, title: '我们的旅行日记', status: 'active', contributors: { create: [{ userId: lin.user.id, role: 'owner' }] } },
  });
  journeyId = journey.id;
  await db.journeyEntry.create({ data: { journeyId, entryDate: new Date('2027-06-14T00:00:00Z'), title: ARABIC_TITLE, story: 'Прогулка по Праге, žluťoučký kůň\n\n今天很好', visibility: 'shared', authorId: lin.user.id } });
  await db.journeyEntry.create({ data: { journeyId, entryDate: new Date('2027-06-15T00:00:00Z'), title: MIXED_TITLE, visibility: 'shared', authorId: lin.user.id } });
  await db.journeyEntry.create({ data: { journeyId, entryDate: new Date('2027-06-16T00:00:00Z'), title: HEBREW_TITLE, visibility: 'shared', authorId: lin.user.id } });
});

async function book() {
  const response = await fetch(`${suite.server.url}/api/journeys/${journeyId}/book`, { headers: { Cookie: lin.cookie } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** One piece of text as drawn: its font (the embedded font's name, subset tag removed), size, position, rendering mode and glyph count. */
interface Fragment {
  /** the content stream it is drawn in (one per page) */
  stream: number;
  font: string;
  size: number;
  x: number;
  y: number;
  /** 0 fill, 1 stroke, 2 fill and stroke */
  mode: number;
  glyphs: number;
}

/** Every text object (BT … ET) of the pages' content streams, with the font resource names resolved to font names. */
function fragments(pdf: Buffer): Fragment[] {
  const text = pdf.toString('latin1');
  const fontNames = new Map<string, string>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*<<(?:(?!endobj)[^])*?\/BaseFont \/(?:[A-Z]{6}\+)?([^\s/>]+)/g)) fontNames.set(m[1]!, m[2]!);
  const resources = new Map<string, string>();
  for (const m of text.matchAll(/\/(F\d+) (\d+) 0 R/g)) resources.set(m[1]!, fontNames.get(m[2]!) ?? m[1]!);
  const out: Fragment[] = [];
  for (const [index, stream] of streams(pdf).entries()) {
    for (const block of stream.matchAll(/\nBT\n([^]*?)\nET/g)) {
      const body = block[1]!;
      const tm = /1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm/.exec(body);
      const tf = /\/(F\d+) ([\d.]+) Tf/.exec(body);
      if (!tm || !tf) continue;
      const hex = [...body.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]!).join('');
      out.push({ stream: index, font: resources.get(tf[1]!) ?? tf[1]!, size: Number(tf[2]), x: Number(tm[1]), y: Number(tm[2]), mode: Number(/(\d) Tr/.exec(body)?.[1] ?? 0), glyphs: hex.length / 4 });
    }
  }
  return out;
}

/** The advance width of a text set at 20 points in one of the book's font files, shaped by fontkit as pdfkit does. */
function widthAt20(file: string, text: string) {
  const font = fontkit.create(fs.readFileSync(path.join(BOOK_FONT_DIR, file))) as unknown as { unitsPerEm: number; layout(s: string): { advanceWidth: number } };
  return (font.layout(text).advanceWidth / font.unitsPerEm) * 20;
}

describe('the PDF book in every script', () => {
  it('embeds the Noto fonts, maps the Chinese characters, and shapes the Arabic title with joined glyphs', async () => {
    const pdf = await book();
    const text = pdf.toString('latin1');
    for (const name of ['NotoSansSC', 'NotoNaskhArabic', 'NotoSansHebrew', 'NotoSans-']) expect(text).toMatch(new RegExp(`/FontName /[A-Z]{6}\\+${name}`));
    const all = streams(pdf);
    const mapped = unicodeOf(all.filter((s) => s.includes('begincmap')));
    for (const char of '我们的旅行日记Прогулкаžluťoučkýسلامטיולחפ') expect(mapped).toContain(char);

    // The Arabic title is shaped by the embedded font: joined forms (not the isolated letters), in visual order.
    const naskh = fontkit.create(fs.readFileSync(path.join(BOOK_FONT_DIR, 'noto-naskh-arabic-arabic-700-normal.woff'))) as unknown as {
      glyphsForString(s: string): { id: number }[];
      layout(s: string): { glyphs: { id: number }[] };
    };
    const isolated = naskh.glyphsForString(ARABIC_TITLE).map((g) => g.id);
    const shaped = naskh.layout(ARABIC_TITLE).glyphs.map((g) => g.id);
    expect(shaped).not.toEqual(isolated);
    expect(shaped).not.toEqual([...isolated].reverse());
  });

  it('draws a line that mixes Arabic and Latin in visual order: the Latin run left of the Arabic one, on one baseline', async () => {
    const drawn = fragments(await book());
    const arabicHeadings = drawn.filter((f) => f.font.startsWith('NotoNaskhArabic-Bold') && f.size === 20);
    // the two Arabic headings: "سلام" alone, and the mixed one
    expect(arabicHeadings).toHaveLength(2);
    const onLineOf = (a: Fragment) => (f: Fragment) => f.stream === a.stream && f.y === a.y && f.size === a.size;
    const mixed = arabicHeadings.find((a) => drawn.some((f) => onLineOf(a)(f) && f.font.startsWith('NotoSans-Bold')))!;
    expect(mixed).toBeDefined();
    const line = drawn.filter(onLineOf(mixed)).sort((a, b) => a.x - b.x);
    expect(line.map((f) => [f.font.replace(/-.*/, ''), f.glyphs])).toEqual([
      ['NotoSans', 'Lisbon 2026'.length],
      ['NotoNaskhArabic', expect.any(Number)],
    ]);
    // side by side, not overlapping, and the right-to-left paragraph ends at the right margin (A4: 595.28 points, margin 56)
    const [latin, arabic] = line as [Fragment, Fragment];
    expect(arabic.x).toBeCloseTo(latin.x + widthAt20('noto-sans-latin-700-normal.woff', 'Lisbon 2026'), 1);
    expect(arabic.x + widthAt20('noto-naskh-arabic-arabic-700-normal.woff', 'رحلة إلى ')).toBeCloseTo(595.28 - 56, 1);
  });

  it('draws a Hebrew heading in the Hebrew font, every letter a glyph of it, against the right margin', async () => {
    const drawn = fragments(await book());
    const hebrew = drawn.filter((f) => f.font.startsWith('NotoSansHebrew-Bold') && f.size === 20);
    expect(hebrew).toHaveLength(1);
    const [heading] = hebrew as [Fragment];
    expect(heading.glyphs).toBe(HEBREW_TITLE.length);
    expect(heading.x + widthAt20('noto-sans-hebrew-hebrew-700-normal.woff', HEBREW_TITLE)).toBeCloseTo(595.28 - 56, 1);
  });

  it('draws the Chinese title bold (filled and stroked: there is no bold Chinese file), and Chinese body text regular', async () => {
    const drawn = fragments(await book());
    const chinese = drawn.filter((f) => f.font.startsWith('NotoSansSC'));
    const title = chinese.filter((f) => f.size === 30);
    const body = chinese.filter((f) => f.size === 11.5);
    expect(title.length).toBeGreaterThan(0);
    expect(body.length).toBeGreaterThan(0);
    expect(title.map((f) => f.mode)).toEqual(title.map(() => 2));
    expect(body.map((f) => f.mode)).toEqual(body.map(() => 0));
  });
});
