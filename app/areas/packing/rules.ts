// Pure rules of the packing list: the one default category, limits, the bulk-import line format ("Clothes: 3x socks"),
// progress per category, packed weight per bag, template merging without duplicates, and ordering by a partial list.

export const DEFAULT_CATEGORY = 'General';
export const NAME_MAX = 200;
export const CATEGORY_MAX = 100;
export const BAG_NAME_MAX = 100;
export const TEMPLATE_NAME_MAX = 100;
export const QUANTITY_MAX = 999;
/** 1 000 kg: anything heavier is a typo. */
export const WEIGHT_MAX = 1_000_000;
export const DEFAULT_BAG_COLOR = '#6366f1';
export const IMPORT_MAX = 500;

export interface ImportLine {
  name: string;
  category?: string;
  quantity: number;
}

/**
 * One item per line: an optional "Category:" prefix and an optional quantity ("3x socks", "3 x socks", "socks x3"; a bare "100 ml shampoo" stays a name).
 * Blank lines are skipped; a line that is only a category ("Clothes:") sets the category for the lines after it.
 */
export function parseImportLines(text: string): ImportLine[] {
  const items: ImportLine[] = [];
  let current: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/^\s*(?:[-*•]|\[[ xX]?\])\s*/, '').trim();
    if (!line) continue;
    let category = current;
    const colon = line.indexOf(':');
    if (colon > 0 && colon <= CATEGORY_MAX) {
      const prefix = line.slice(0, colon).trim();
      const rest = line.slice(colon + 1).trim();
      if (!rest) {
        current = prefix;
        continue;
      }
      category = prefix;
      line = rest;
    }
    let quantity = 1;
    const leading = /^(\d{1,3})\s*[x×]\s+(.+)$/i.exec(line);
    const trailing = /^(.+?)\s+[x×]\s*(\d{1,3})$/i.exec(line);
    if (leading) {
      quantity = Number(leading[1]);
      line = leading[2].trim();
    } else if (trailing) {
      quantity = Number(trailing[2]);
      line = trailing[1].trim();
    }
    if (!line) continue;
    items.push({ name: line.slice(0, NAME_MAX), category: category?.slice(0, CATEGORY_MAX) || undefined, quantity: Math.min(Math.max(quantity, 1), QUANTITY_MAX) });
  }
  return items;
}

export interface Progress {
  total: number;
  checked: number;
}

/** Checked and total items overall and per category (categories in first-appearance order of the list). */
export function packingProgress(items: readonly { category: string; checked: boolean }[]) {
  const byCategory = new Map<string, Progress>();
  for (const item of items) {
    const p = byCategory.get(item.category) ?? { total: 0, checked: 0 };
    p.total += 1;
    if (item.checked) p.checked += 1;
    byCategory.set(item.category, p);
  }
  return {
    total: items.length,
    checked: items.filter((i) => i.checked).length,
    categories: [...byCategory].map(([category, p]) => ({ category, ...p })),
  };
}

/** Percent done, 0 for an empty list. */
export const percent = (p: Progress) => (p.total === 0 ? 0 : Math.round((p.checked / p.total) * 100));

/** The weight in a bag (weight × quantity of its items with a weight) and of that, how much is checked (packed). */
export function bagWeight(items: readonly { bagId: number | null; weightGrams: number | null; quantity: number; checked: boolean }[], bagId: number) {
  let total = 0;
  let packed = 0;
  for (const item of items) {
    if (item.bagId !== bagId || item.weightGrams === null) continue;
    total += item.weightGrams * item.quantity;
    if (item.checked) packed += item.weightGrams * item.quantity;
  }
  return { total, packed };
}

/** Two items are the same when their names and categories match, ignoring case and surrounding space. */
export const itemKey = (item: { name: string; category: string }) => `${item.category.trim().toLowerCase()}\u0001${item.name.trim().toLowerCase()}`;

/** The template items that are not on the list yet (nor twice in the template), in template order. */
export function itemsToAdd<T extends { name: string; category: string }>(existing: readonly { name: string; category: string }[], template: readonly T[]): T[] {
  const seen = new Set(existing.map(itemKey));
  const out: T[] = [];
  for (const item of template) {
    const key = itemKey(item);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

/** The reorder rule lives with the other ordering helpers (to-dos use it too). */

/** Grams as the UI shows them in the reader's language: "850 g", "1.2 kg", "1,2 кг", "850 غرام". */
export function formatWeight(grams: number, language: string) {
  const [value, unit] = grams < 1000 ? [grams, 'gram'] : [grams / 1000, 'kilogram'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
