// Data every installation starts with: the ten place categories and the addon switches. Idempotent.
import type { Db } from './client.server';
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

export async function seedDatabase(db: Db) {
  for (const [position, category] of SEED_CATEGORIES.entries()) {
    await db.category.upsert({ where: { key: category.key }, update: {}, create: { ...category, position } });
  }
  for (const addon of ADDONS) {
    await db.addon.upsert({ where: { id: addon.id }, update: {}, create: { id: addon.id, enabled: addon.defaultEnabled } });
  }
}
