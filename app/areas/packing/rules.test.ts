// The packing list's pure rules: the bulk-import line format, progress, bag weights, template merging, ordering; and
// that the built-in templates in code are the ones the migration seeds.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bagWeight, formatWeight, itemsToAdd, packingProgress, parseImportLines } from './rules';
import { orderWith } from '~/domain/ordering';
import { BUILT_IN_TEMPLATES, translateTemplate } from './templates';

describe('parseImportLines', () => {
  it('reads "Category:" prefixes, category headings and quantities like "3x socks"', () => {
    expect(parseImportLines('Clothes: 3x socks\n\n- shirt x2\nToiletries:\n  toothbrush\n[x] 2 × towels\n100 ml shampoo')).toEqual([
      { name: 'socks', category: 'Clothes', quantity: 3 },
      { name: 'shirt', category: undefined, quantity: 2 },
      { name: 'toothbrush', category: 'Toiletries', quantity: 1 },
      { name: 'towels', category: 'Toiletries', quantity: 2 },
      { name: '100 ml shampoo', category: 'Toiletries', quantity: 1 },
    ]);
  });

  it('skips blank lines and clamps quantities to 1–999', () => {
    expect(parseImportLines('  \n0x pens\n')).toEqual([{ name: 'pens', category: undefined, quantity: 1 }]);
  });
});

describe('progress and weights', () => {
  it('counts checked items overall and per category in first-appearance order', () => {
    const p = packingProgress([
      { category: 'Clothes', checked: true },
      { category: 'Gear', checked: false },
      { category: 'Clothes', checked: false },
    ]);
    expect(p).toEqual({ total: 3, checked: 1, categories: [{ category: 'Clothes', total: 2, checked: 1 }, { category: 'Gear', total: 1, checked: 0 }] });
  });

  it('weighs a bag by weight × quantity, and what of it is packed', () => {
    const items = [
      { bagId: 1, weightGrams: 200, quantity: 3, checked: true },
      { bagId: 1, weightGrams: null, quantity: 1, checked: true },
      { bagId: 1, weightGrams: 1000, quantity: 1, checked: false },
      { bagId: 2, weightGrams: 5000, quantity: 1, checked: true },
    ];
    expect(bagWeight(items, 1)).toEqual({ total: 1600, packed: 600 });
  });
});

describe('templates', () => {
  it('adds only what is not on the list yet (name and category, ignoring case and spaces), nor twice', () => {
    const existing = [{ name: 'Socks', category: 'Clothes' }];
    const template = [
      { name: ' socks ', category: 'clothes' },
      { name: 'Socks', category: 'Gear' },
      { name: 'Hat', category: 'Clothes' },
      { name: 'hat', category: 'Clothes' },
    ];
    expect(itemsToAdd(existing, template)).toEqual([template[1], template[2]]);
  });

  it('shows a built-in template in the reader’s language, and an edited one as written', () => {
    const row = { name: 'Beach holiday', builtInKey: 'beach', items: [{ key: 'documents.passport', name: 'Passport', category: 'Documents' }] };
    const texts = { builtIn: { templates: { beach: 'Strandurlaub' }, categories: { documents: 'Dokumente' }, items: { passport: 'Reisepass' } } };
    expect(translateTemplate(row, texts)).toMatchObject({ name: 'Strandurlaub', items: [{ name: 'Reisepass', category: 'Dokumente' }] });
    expect(translateTemplate({ ...row, builtInKey: null }, texts)).toMatchObject({ name: 'Beach holiday', items: [{ name: 'Passport' }] });
  });

  it('the migration seeds exactly the built-in templates defined in code, and every one has texts in English', () => {
    const dir = path.resolve(import.meta.dirname, '../../../prisma/migrations');
    const sql = fs.readdirSync(dir).filter((d) => d.endsWith('_lists')).map((d) => fs.readFileSync(path.join(dir, d, 'migration.sql'), 'utf8')).join('\n');
    const english = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../public/locales/en/packing.json'), 'utf8'));
    for (const template of BUILT_IN_TEMPLATES) {
      expect(sql).toContain(`VALUES ('${template.name}', '${template.key}')`);
      expect(english.builtIn.templates[template.key]).toBe(template.name);
      for (const item of template.items) {
        expect(sql).toContain(`'${item.name}', '${item.category}', ${item.quantity}`);
        const [category, name] = item.key.split('.');
        expect([english.builtIn.categories[category], english.builtIn.items[name]]).toEqual([item.category, item.name]);
      }
    }
  });
});

describe('orderWith', () => {
  it('puts the listed ids first, then the rest as they were', () => {
    expect(orderWith([1, 2, 3, 4], [3, 1])).toEqual([3, 1, 2, 4]);
  });
});

describe('formatWeight', () => {
  it('formats grams and kilograms in the reader’s language', () => {
    expect([formatWeight(600, 'de'), formatWeight(1000, 'de'), formatWeight(1250, 'de')]).toEqual(['600 g', '1 kg', '1,3 kg']);
    expect(formatWeight(1250, 'ru')).toBe('1,3 кг');
  });
});
