// The PDF book in every script (issue 17): a journey with a Chinese title and an Arabic entry, made through real HTTP.
// The PDF's streams are inflated and read: the Noto fonts are embedded, the Chinese characters are in the fonts'
// ToUnicode maps, and the Arabic font shapes the title into joined glyphs (the order of the drawn glyphs is not read here yet).
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
  await db.journeyEntry.create({ data: { journeyId, entryDate: new Date('2027-06-14T00:00:00Z'), title: ARABIC_TITLE, story: 'Прогулка по Праге, žluťoučký kůň', visibility: 'shared', authorId: lin.user.id } });
});

describe('the PDF book in every script', () => {
  it('embeds the Noto fonts, maps the Chinese characters, and shapes the Arabic title with joined glyphs', async () => {
    const response = await fetch(`${suite.server.url}/api/journeys/${journeyId}/book`, { headers: { Cookie: lin.cookie } });
    expect(response.status).toBe(200);
    const pdf = Buffer.from(await response.arrayBuffer());
    const text = pdf.toString('latin1');
    for (const name of ['NotoSansSC', 'NotoNaskhArabic', 'NotoSans-']) expect(text).toMatch(new RegExp(`/FontName /[A-Z]{6}\\+${name}`));
    const all = streams(pdf);
    const mapped = unicodeOf(all.filter((s) => s.includes('begincmap')));
    for (const char of '我们的旅行日记Прогулкаžluťoučkýسلام') expect(mapped).toContain(char);

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
});
