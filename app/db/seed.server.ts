// Data every installation starts with: the ten place categories and the addon switches. Idempotent.
import type { SqlRunner } from './migrate.server';
import { ADDONS } from '~/domain/addons';

export const SEED_CATEGORIES = [
  { key: 'sight', name: 'Sight', icon: 'landmark', color: '#f59e0b' },
  { key: 'museum', name: 'Museum', icon: 'museum', color: '#8b5cf6' },
  { key: 'restaurant', name: 'Restaurant', icon: 'utensils', color: '#ef4444' },
  { key: 'cafe', name: 'Café', icon: 'coffee', color: '#a16207' },
  { key: 'bar', name: 'Bar & nightlife', icon: 'wine', color: '#db2777' },
  { key: 'shopping', name: 'Shopping', icon: 'bag', color: '#0ea5e9' },
  { key: 'nature', name: 'Nature & parks', icon: 'tree', color: '#16a34a' },
  { key: 'activity', name: 'Activity', icon: 'ticket', color: '#f97316' },
  { key: 'hotel', name: 'Hotel', icon: 'bed', color: '#6366f1' },
  { key: 'transport', name: 'Transport', icon: 'train', color: '#64748b' },
] as const;

// One statement, one round trip at every start: rows that exist stay as they are (an admin may have switched an addon
// off); missing ones are added. Filtering before the insert keeps the category id sequence from advancing on each start.
const SEED = `WITH categories AS (
    INSERT INTO "Category" ("key", "name", "icon", "color", "position")
    SELECT v.* FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) AS v("key", "name", "icon", "color", "position")
     WHERE NOT EXISTS (SELECT 1 FROM "Category" c WHERE c."key" = v."key")
    ON CONFLICT ("key") DO NOTHING
  )
  INSERT INTO "Addon" ("id", "enabled")
  SELECT v.* FROM unnest($6::text[], $7::boolean[]) AS v("id", "enabled")
   WHERE NOT EXISTS (SELECT 1 FROM "Addon" a WHERE a."id" = v."id")
  ON CONFLICT ("id") DO NOTHING`;

export async function seedDatabase(sql: Pick<SqlRunner, 'query'>) {
  const column = <K extends keyof (typeof SEED_CATEGORIES)[number]>(key: K) => SEED_CATEGORIES.map((c) => c[key]);
  await sql.query(SEED, [
    column('key'),
    column('name'),
    column('icon'),
    column('color'),
    SEED_CATEGORIES.map((_, position) => position),
    ADDONS.map((a) => a.id),
    ADDONS.map((a) => a.defaultEnabled),
  ]);
}
