// The packing templates Waymark ships. They are rows of PackingTemplate (seeded by the lists migration, so they have
// ids an agent can pass to apply_packing_template and an admin can edit or delete them); while unedited, their names
// are shown in the reader's language from packing:builtIn.*. Keys here and in the migration must match (tested).

export interface BuiltInTemplate {
  key: string;
  name: string;
  /** "<category key>.<item key>" with the English texts, and a quantity */
  items: { key: string; category: string; name: string; quantity: number }[];
}

const item = (key: string, category: string, name: string, quantity = 1) => ({ key, category, name, quantity });

export const BUILT_IN_TEMPLATES: BuiltInTemplate[] = [
  {
    key: 'beach',
    name: 'Beach holiday',
    items: [
      item('documents.passport', 'Documents', 'Passport'),
      item('clothes.swimsuit', 'Clothes', 'Swimsuit', 2),
      item('clothes.sandals', 'Clothes', 'Sandals'),
      item('clothes.sunHat', 'Clothes', 'Sun hat'),
      item('toiletries.sunscreen', 'Toiletries', 'Sunscreen'),
      item('gear.beachTowel', 'Gear', 'Beach towel'),
    ],
  },
  {
    key: 'city',
    name: 'City break',
    items: [
      item('documents.passport', 'Documents', 'Passport'),
      item('clothes.walkingShoes', 'Clothes', 'Walking shoes'),
      item('clothes.rainJacket', 'Clothes', 'Rain jacket'),
      item('electronics.phoneCharger', 'Electronics', 'Phone charger'),
      item('electronics.powerBank', 'Electronics', 'Power bank'),
      item('gear.dayBag', 'Gear', 'Day bag'),
    ],
  },
  {
    key: 'winter',
    name: 'Winter trip',
    items: [
      item('documents.passport', 'Documents', 'Passport'),
      item('clothes.thermals', 'Clothes', 'Thermal underwear'),
      item('clothes.woolSocks', 'Clothes', 'Wool socks', 3),
      item('clothes.gloves', 'Clothes', 'Gloves'),
      item('clothes.warmHat', 'Clothes', 'Warm hat'),
      item('toiletries.lipBalm', 'Toiletries', 'Lip balm'),
    ],
  },
];

type Texts = { builtIn?: { templates?: Record<string, string>; categories?: Record<string, string>; items?: Record<string, string> } };

/** A built-in template's name and items in the language of `texts` (the packing namespace), English where missing. */
export function translateTemplate<T extends { name: string; builtInKey: string | null; items: { key: string | null; name: string; category: string }[] }>(template: T, texts: Texts): T {
  if (!template.builtInKey) return template;
  const b = texts.builtIn ?? {};
  return {
    ...template,
    name: b.templates?.[template.builtInKey] ?? template.name,
    items: template.items.map((i) => {
      if (!i.key) return i;
      const [category, name] = i.key.split('.');
      return { ...i, category: b.categories?.[category] ?? i.category, name: b.items?.[name] ?? i.name };
    }),
  };
}
