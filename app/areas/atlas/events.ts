// Realtime events of the Atlas, on the user's own channel (the Atlas is personal). The bucket list is patched in
// place; everything computed from the marks (visited countries, stats, a country's regions and places) refetches.
import type { inferRouterOutputs } from '@trpc/server';
import { cacheView, defineEvents, INVALIDATE, onView } from '~/realtime/events';
import type { atlasRouter } from './procedures.server';
import type { BucketItemJson, RegionMarkJson } from './atlas-data.server';

type Outputs = inferRouterOutputs<typeof atlasRouter>;
export type AtlasStatsResult = Outputs['getAtlasStats'];
export type BucketList = Outputs['listBucketList'];
export type VisitedRegions = Outputs['listVisitedRegions'];
export type CountryPlaces = Outputs['getCountryAtlasPlaces'];
export type CountryRegions = Outputs['listCountryRegions'];
export type VisitedCountries = Outputs['listVisitedCountries'];

export const atlasStatsView = cacheView<AtlasStatsResult>('atlas.getAtlasStats', 'user');
export const visitedCountriesView = cacheView<VisitedCountries>('atlas.listVisitedCountries', 'user');
export const bucketListView = cacheView<BucketList>('atlas.listBucketList', 'user');
export const visitedRegionsView = cacheView<VisitedRegions>('atlas.listVisitedRegions', 'user');
export const countryPlacesView = cacheView<CountryPlaces>('atlas.getCountryAtlasPlaces', 'user');
export const countryRegionsView = cacheView<CountryRegions>('atlas.listCountryRegions', 'user');

/** Everything computed from the marks: refetched after any mark changes. */
const refetchMarks = [
  onView(atlasStatsView, () => INVALIDATE),
  onView(visitedCountriesView, () => INVALIDATE),
  onView(visitedRegionsView, () => INVALIDATE),
  onView(countryPlacesView, () => INVALIDATE),
  onView(countryRegionsView, () => INVALIDATE),
];

const newestFirst = (a: BucketItemJson, b: BucketItemJson) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id;
function withItem(list: BucketList, item: BucketItemJson): BucketList {
  const others = list.items.filter((i) => i.id !== item.id);
  return { ...list, items: [...others, item].sort(newestFirst) };
}

export const atlasEvents = defineEvents<{
  'atlas.country.marked': { countryCode: string };
  'atlas.country.unmarked': { countryCode: string; regionCodes: string[] };
  'atlas.region.marked': { region: RegionMarkJson };
  'atlas.region.unmarked': { regionCode: string; countryCode: string };
  'atlas.bucket.created': { item: BucketItemJson };
  'atlas.bucket.updated': { item: BucketItemJson };
  'atlas.bucket.deleted': { itemId: number };
}>()({
  'atlas.country.marked': { views: refetchMarks, notice: () => null },
  'atlas.country.unmarked': { views: refetchMarks, notice: () => null },
  'atlas.region.marked': { views: refetchMarks, notice: () => null },
  'atlas.region.unmarked': { views: refetchMarks, notice: () => null },
  'atlas.bucket.created': { views: [onView(bucketListView, (list, p) => withItem(list, p.item))], notice: () => null },
  'atlas.bucket.updated': { views: [onView(bucketListView, (list, p) => withItem(list, p.item))], notice: () => null },
  'atlas.bucket.deleted': { views: [onView(bucketListView, (list, p) => ({ ...list, items: list.items.filter((i) => i.id !== p.itemId) }))], notice: () => null },
});
