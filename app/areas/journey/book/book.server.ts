// The journey as a printable PDF book, made on the server with pdfkit: a cover (title, subtitle, dates, cover photo),
// one section per written entry the reader may see (date, title, place, mood and weather, story, photos with captions)
// and a closing map page (the entries' positions on the countries around them, joined in time order, and listed).
// The PDF is streamed while it is written: pages leave as soon as they are done, photos are read one at a time, and
// the writing stops when the download is cancelled.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { TFunction } from 'i18next';
import type { Services } from '~/services/types.server';
import { toIsoDate } from '~/domain/dates';
import { printableImage } from '~/storage/images.server';
import { photoOrder, photosVisibleTo } from '../photos/photos.server';
import { readableEntryWhere } from '../access.server';
import { worldCountryOutlines } from '~/domain/world-countries.server';
import { log } from '~/utils/log.server';
import { landInView, mapProjection, type FramePoint } from './map';
import { bookFontChains, hasRightToLeft, lineRanges, paragraphBidi, textRuns, visualRuns, type BookFont } from './fonts.server';

/** Without the book's own fonts (fonts.server.ts): a Unicode font when the system has one (Debian: fonts-dejavu-core); the PDF core font covers Western Europe only. */
const UNICODE_FONTS = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/TTF/DejaVuSans.ttf'];
const UNICODE_BOLD_FONTS = ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', '/usr/share/fonts/TTF/DejaVuSans-Bold.ttf'];
const firstExisting = (paths: string[]) => paths.find((p) => fs.existsSync(p)) ?? null;

/** The fallback fonts registered with the document; the names for body text and headings. */
function fallbackFonts(doc: PDFKit.PDFDocument) {
  const regular = firstExisting(UNICODE_FONTS);
  const bold = firstExisting(UNICODE_BOLD_FONTS) ?? regular;
  if (regular) doc.registerFont('body', regular);
  if (bold) doc.registerFont('heading', bold);
  return { body: regular ? 'body' : 'Helvetica', heading: bold ? 'heading' : 'Helvetica-Bold' };
}

const MARGIN = 56;
const ACCENT = '#4f46e5';
const MUTED = '#64748b';
const LAND = '#e5e7eb';
const BORDER = '#a8b0bc';
const FRAME = '#cbd5e1';
/** The reader went away (the download was cancelled or the connection dropped): the book stops being written. */
class BookAbandoned extends Error {}

/** Markdown as plain text for print: headings, emphasis, code marks and link targets go, the words stay. */
export function markdownAsText(markdown: string) {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')
    .replace(/^[ \t]*[-*+][ \t]+/gm, '• ')
    .replace(/(\*\*|__|\*|_|~~|`)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

async function loadBook(services: Pick<Services, 'db'>, journeyId: number, userId: number) {
  const journey = await services.db.journey.findUniqueOrThrow({ where: { id: journeyId } });
  const entries = await services.db.journeyEntry.findMany({
    where: { journeyId, type: { not: 'skeleton' }, ...readableEntryWhere(userId) },
    orderBy: [{ entryDate: 'asc' }, { sortOrder: 'asc' }, { id: 'asc' }],
  });
  const photos = await services.db.journeyPhoto.findMany({ where: { journeyId, ...photosVisibleTo(userId) }, orderBy: photoOrder });
  return { journey, entries, photos };
}

/**
 * The book of a journey as the given contributor sees it, as a stream of PDF bytes. The caller has checked the role.
 * Data is read before the first byte; photos are read and shrunk while pages are written.
 */
export async function journeyBookStream(
  services: Pick<Services, 'db' | 'storage' | 'config'>,
  input: { journeyId: number; userId: number; t: TFunction; language: string },
  /** aborted when the reader goes away (the request's signal): the writing stops at the next page or photo */
  signal?: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  const { journey, entries, photos } = await loadBook(services, input.journeyId, input.userId);
  const { t, language } = input;
  // pdfkit is loaded when a book is made, not at start-up (about a quarter second of CPU; decision 036).
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: journey.title, Creator: 'Waymark' }, bufferPages: false, autoFirstPage: true });
  if (signal?.aborted) doc.destroy();
  else signal?.addEventListener('abort', () => doc.destroy(), { once: true });
  /** Before each page and photo (the heavy part): nobody reads the book any more, so it is not written on. */
  const stillWanted = () => {
    if ((doc as unknown as Readable).destroyed) throw new BookAbandoned();
  };
  const pageWidth = doc.page.width - 2 * MARGIN;
  // Every script: the text goes out in runs, each in a font that has its characters; a line with Arabic (or Hebrew)
  // is laid out here, in visual order, and a right-to-left paragraph aligns right.
  const chains = await bookFontChains(language);
  let chainOf: (bold: boolean) => readonly BookFont[];
  /** for the map's numbers (digits) */
  let headingFont: string;
  if (chains) {
    // a Chinese heading face is its regular font again (synthetic bold): each file is registered once
    const fonts = new Map([...chains.regular, ...chains.bold].map((font) => [font.id, font]));
    for (const font of fonts.values()) doc.registerFont(font.id, font.bytes);
    chainOf = (bold) => (bold ? chains.bold : chains.regular);
    headingFont = chains.bold[0]!.id;
  } else {
    const fonts = fallbackFonts(doc);
    const only = (id: string): BookFont => ({ id, bytes: Buffer.alloc(0), has: () => true, ascender: 0 });
    const [body, heading] = [only(fonts.body), only(fonts.heading)];
    chainOf = (bold) => [bold ? heading : body];
    headingFont = fonts.heading;
  }
  type Style = { size: number; color: string; bold?: boolean };
  /** A heading face without a bold file is filled and stroked in its own colour (synthetic bold). */
  const strokeFor = (font: BookFont, style: Style) => {
    if (!font.syntheticBold) return { fill: true, stroke: false };
    doc.lineWidth(style.size * 0.04).strokeColor(style.color);
    return { fill: true, stroke: true };
  };
  /** A paragraph with right-to-left letters: cut into lines here, each line's runs drawn in visual order. */
  const sayInVisualOrder = (text: string, style: Style, options: PDFKit.Mixins.TextOptions, at?: { x: number; y: number }) => {
    const chain = chainOf(!!style.bold);
    const paragraph = paragraphBidi(text);
    const left = at?.x ?? doc.x;
    let y = at?.y ?? doc.y;
    const width = options.width ?? doc.page.width - left - doc.page.margins.right;
    const align = paragraph.rightToLeft && (options.align ?? 'left') === 'left' ? 'right' : (options.align ?? 'left');
    const widthOf = (run: { font: BookFont; text: string }) => doc.font(run.font.id).widthOfString(run.text);
    const logicalWidth = (start: number, end: number) => textRuns(text.slice(start, end + 1), chain).reduce((sum, run) => sum + widthOf(run), 0);
    for (const [start, end] of lineRanges(text, width, logicalWidth)) {
      const runs = visualRuns(paragraph, start, end, chain);
      const widths = runs.map(widthOf);
      const lineWidth = widths.reduce((a, b) => a + b, 0);
      const lineHeight = Math.max(...runs.map((run) => doc.font(run.font.id).currentLineHeight(true))) + (options.lineGap ?? 0);
      if (y + lineHeight > doc.page.height - doc.page.margins.bottom) {
        doc.addPage();
        y = doc.y;
      }
      // one baseline for the line: a run in a font with a smaller ascent is moved down by the difference
      const ascent = Math.max(...runs.map((run) => run.font.ascender));
      let x = left + (align === 'right' ? width - lineWidth : align === 'center' ? (width - lineWidth) / 2 : 0);
      runs.forEach((run, i) => {
        doc.font(run.font.id).text(run.text, x, y + ((ascent - run.font.ascender) / 1000) * style.size, { lineBreak: false, ...strokeFor(run.font, style) });
        x += widths[i]!;
      });
      y += lineHeight;
    }
    doc.x = left;
    doc.y = y;
  };
  const say = (text: string, style: Style, options: PDFKit.Mixins.TextOptions = {}, at?: { x: number; y: number }) => {
    doc.fontSize(style.size).fillColor(style.color);
    if (hasRightToLeft(text)) sayInVisualOrder(text, style, options, at);
    else {
      const runs = textRuns(text, chainOf(!!style.bold));
      runs.forEach((run, i) => {
        const runOptions = { ...options, ...strokeFor(run.font, style), continued: i < runs.length - 1 };
        doc.font(run.font.id);
        if (i === 0 && at) doc.text(run.text, at.x, at.y, runOptions);
        else doc.text(run.text, runOptions);
      });
    }
    doc.lineWidth(1);
    return doc;
  };
  const formatDate = (date: Date) => new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(date);
  const image = async (key: string, edge: number) => {
    stillWanted();
    const object = await services.storage.get(key);
    return object ? printableImage(object.bytes, edge).catch(() => null) : null;
  };

  async function write() {
    // Cover
    const cover = photos.find((p) => p.id === journey.coverPhotoId) ?? photos[0];
    say(journey.title, { size: 30, color: '#0f172a', bold: true }, { align: 'center' });
    if (journey.subtitle) say(journey.subtitle, { size: 15, color: MUTED }, { align: 'center' }, { x: MARGIN, y: doc.moveDown(0.3).y });
    if (entries.length) {
      const range = `${formatDate(entries[0].entryDate)} – ${formatDate(entries[entries.length - 1].entryDate)}`;
      doc.moveDown(0.6);
      say(range, { size: 11, color: MUTED }, { align: 'center' });
    }
    doc.moveDown(0.3);
    say(t('book.counts', { entries: t('book.entryCount', { count: entries.length }), photos: t('book.photoCount', { count: photos.length }) }), { size: 11, color: MUTED }, { align: 'center' });
    if (cover) {
      const bytes = await image(cover.storageKey, 1600);
      if (bytes) doc.moveDown(1.5).image(bytes, MARGIN, doc.y, { fit: [pageWidth, doc.page.height - doc.y - MARGIN - 20], align: 'center' });
    }

    // Entries
    for (const entry of entries) {
      stillWanted();
      doc.addPage();
      say([formatDate(entry.entryDate), entry.entryTime].filter(Boolean).join(' · '), { size: 10, color: ACCENT });
      doc.moveDown(0.2);
      say(entry.title || entry.locationName || t('book.untitled'), { size: 20, color: '#0f172a', bold: true });
      const facts = [
        entry.locationName && t('book.location', { name: entry.locationName }),
        entry.mood && t('book.mood', { mood: t(`book.moods.${entry.mood}`, { defaultValue: entry.mood }) }),
        entry.weather && t('book.weather', { weather: t(`book.weathers.${entry.weather}`, { defaultValue: entry.weather }) }),
      ].filter(Boolean);
      if (facts.length) say(facts.join('   '), { size: 10, color: MUTED }, {}, { x: MARGIN, y: doc.moveDown(0.2).y });
      // paragraph by paragraph, so that each one reads in its own direction
      const story = markdownAsText(entry.story);
      if (story) doc.moveDown(0.8);
      for (const paragraph of story ? story.split('\n') : []) say(paragraph || ' ', { size: 11.5, color: '#1e293b' }, { align: 'left', lineGap: 2 });
      if (entry.pros.length) say(`${t('book.pros')}: ${entry.pros.join(' · ')}`, { size: 10.5, color: '#166534' }, {}, { x: MARGIN, y: doc.moveDown(0.5).y });
      if (entry.cons.length) say(`${t('book.cons')}: ${entry.cons.join(' · ')}`, { size: 10.5, color: '#9f1239' }, {}, { x: MARGIN, y: doc.moveDown(0.2).y });
      for (const photo of photos.filter((p) => p.entryId === entry.id)) {
        const bytes = await image(photo.storageKey, 1400);
        if (!bytes) continue;
        const height = Math.min(320, (pageWidth * photo.height) / Math.max(photo.width, 1));
        if (doc.y + height + 40 > doc.page.height - MARGIN) doc.addPage();
        doc.moveDown(0.8).image(bytes, MARGIN, doc.y, { fit: [pageWidth, height], align: 'center' });
        doc.y += height + 4;
        if (photo.caption) say(photo.caption, { size: 9, color: MUTED }, { width: pageWidth, align: 'center' }, { x: MARGIN, y: doc.y });
      }
    }

    // Map: the written entries with a position, in time order.
    const located = entries.filter((e) => e.lat !== null && e.lng !== null);
    stillWanted();
    doc.addPage();
    say(t('book.mapTitle'), { size: 20, color: '#0f172a', bold: true });
    if (!located.length) {
      say(t('book.noPositions'), { size: 11, color: MUTED }, {}, { x: MARGIN, y: doc.moveDown(0.5).y });
      return;
    }
    const frame = { x: MARGIN, y: doc.y + 12, w: pageWidth, h: 300 };
    const projection = mapProjection(located.map((e) => ({ lat: e.lat!, lng: e.lng! })), frame.w, frame.h)!;
    const onPage = (p: FramePoint) => [frame.x + p.x, frame.y + p.y] as const;
    // The land behind the points (water stays white), cut off at the frame: one path per country.
    doc.save();
    doc.rect(frame.x, frame.y, frame.w, frame.h).clip();
    doc.lineWidth(0.5).lineJoin('round');
    for (const { rings } of landInView(worldCountryOutlines(), projection)) {
      for (const ring of rings) {
        ring.forEach((p, i) => (i === 0 ? doc.moveTo(...onPage(p)) : doc.lineTo(...onPage(p))));
        doc.closePath();
      }
      doc.fillAndStroke(LAND, BORDER, 'even-odd');
    }
    doc.restore();
    doc.lineWidth(1).rect(frame.x, frame.y, frame.w, frame.h).stroke(FRAME);
    const at = located.map((e) => projection.project({ lat: e.lat!, lng: e.lng! }));
    doc.lineWidth(1.5).strokeColor(ACCENT);
    at.forEach((p, i) => (i === 0 ? doc.moveTo(...onPage(p)) : doc.lineTo(...onPage(p))));
    if (at.length > 1) doc.stroke();
    at.forEach((p, i) => {
      const [x, y] = onPage(p);
      doc.circle(x, y, 7).fill(ACCENT);
      doc.font(headingFont).fontSize(7).fillColor('#ffffff').text(String(i + 1), x - 7, y - 3.5, { width: 14, align: 'center', lineBreak: false });
    });
    doc.y = frame.y + frame.h + 16;
    located.forEach((e, i) => {
      say(`${i + 1}. ${e.title || e.locationName || t('book.untitled')} — ${toIsoDate(e.entryDate)} (${e.lat!.toFixed(4)}, ${e.lng!.toFixed(4)})`, { size: 10, color: '#1e293b' }, { width: pageWidth }, { x: MARGIN, y: doc.y });
    });
  }

  write().then(
    () => doc.end(),
    (error: unknown) => {
      if (error instanceof BookAbandoned) {
        log(services.config, 'info', `journey ${input.journeyId}: the book stopped: its download was cancelled`);
        return;
      }
      // The download fails (the connection is cut) rather than waiting or ending as a short file; the log says why,
      // from the message alone (no stack, no request data).
      const cause = error instanceof Error ? error : new Error(String(error));
      log(services.config, 'error', `journey ${input.journeyId}: the book stopped: ${cause.message}`);
      doc.destroy(cause);
    },
  );
  return Readable.toWeb(doc as unknown as Readable) as ReadableStream<Uint8Array>;
}
