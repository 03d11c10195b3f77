// The browser side of the Atlas's realtime events: the bucket list is patched in place (newest first), and what is
// computed from the marks (stats, visited countries, regions) is refetched.
import { describe, expect, it } from 'vitest';
import { applyEventToView, INVALIDATE, joinHandlers } from '~/realtime/events';
import { atlasEvents, atlasStatsView, bucketListView, visitedRegionsView, type BucketList, type AtlasStatsResult } from './events';
import type { BucketItemJson } from './atlas-data.server';

const handlers = joinHandlers([atlasEvents]);
const none = () => undefined;
const item = (id: number, createdAt: string, name = `Item ${id}`): BucketItemJson => ({
  id, name, lat: null, lng: null, countryCode: null, notes: '', targetDate: null, createdAt,
});
const list = (): BucketList => ({ items: [item(2, '2026-02-01T00:00:00.000Z'), item(1, '2026-01-01T00:00:00.000Z')] });

describe('atlas events in the browser cache', () => {
  it('a new item goes first, an update replaces its row, a delete removes it', () => {
    expect(applyEventToView(handlers, bucketListView, list(), 'atlas.bucket.created', { item: item(3, '2026-03-01T00:00:00.000Z') }, none)).toMatchObject({
      items: [{ id: 3 }, { id: 2 }, { id: 1 }],
    });
    expect(applyEventToView(handlers, bucketListView, list(), 'atlas.bucket.updated', { item: item(1, '2026-01-01T00:00:00.000Z', 'Kyoto') }, none)).toMatchObject({
      items: [{ id: 2 }, { id: 1, name: 'Kyoto' }],
    });
    expect(applyEventToView(handlers, bucketListView, list(), 'atlas.bucket.deleted', { itemId: 2 }, none)).toMatchObject({ items: [{ id: 1 }] });
  });

  it('marks refetch the stats and the regions, and leave the bucket list alone', () => {
    const stats = { stats: {} } as AtlasStatsResult;
    expect(applyEventToView(handlers, atlasStatsView, stats, 'atlas.region.unmarked', { regionCode: 'US-CA', countryCode: 'US' }, none)).toBe(INVALIDATE);
    expect(applyEventToView(handlers, visitedRegionsView, { regions: [] }, 'atlas.country.marked', { countryCode: 'IT' }, none)).toBe(INVALIDATE);
    expect(applyEventToView(handlers, bucketListView, list(), 'atlas.country.marked', { countryCode: 'IT' }, none)).toBeUndefined();
  });
});
