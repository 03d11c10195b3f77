// Reading OpenStreetMap tags: which Waymark category (seeded keys) an OSM class:type belongs to, and a photo URL from
// the image / wikimedia_commons tags. Pure.

const BY_TYPE: Record<string, string> = {
  'tourism:museum': 'museum',
  'tourism:gallery': 'museum',
  'amenity:arts_centre': 'museum',
  'tourism:hotel': 'hotel',
  'tourism:hostel': 'hotel',
  'tourism:guest_house': 'hotel',
  'tourism:motel': 'hotel',
  'tourism:apartment': 'hotel',
  'tourism:chalet': 'hotel',
  'tourism:camp_site': 'hotel',
  'tourism:zoo': 'activity',
  'tourism:theme_park': 'activity',
  'tourism:aquarium': 'activity',
  'amenity:theatre': 'activity',
  'amenity:cinema': 'activity',
  'leisure:stadium': 'activity',
  'leisure:water_park': 'activity',
  'amenity:restaurant': 'restaurant',
  'amenity:fast_food': 'restaurant',
  'amenity:food_court': 'restaurant',
  'amenity:cafe': 'cafe',
  'amenity:ice_cream': 'cafe',
  'shop:bakery': 'cafe',
  'amenity:bar': 'bar',
  'amenity:pub': 'bar',
  'amenity:nightclub': 'bar',
  'amenity:biergarten': 'bar',
  'amenity:place_of_worship': 'sight',
  'amenity:bus_station': 'transport',
  'amenity:ferry_terminal': 'transport',
  'leisure:park': 'nature',
  'leisure:garden': 'nature',
  'leisure:nature_reserve': 'nature',
  'leisure:beach_resort': 'nature',
};

const BY_CLASS: Record<string, string> = {
  tourism: 'sight',
  historic: 'sight',
  natural: 'nature',
  shop: 'shopping',
  railway: 'transport',
  aeroway: 'transport',
  public_transport: 'transport',
};

/** "tourism:museum" → "museum"; null when no seeded category fits. */
export function categoryKeyOf(osmCategory: string | undefined | null): string | null {
  if (!osmCategory) return null;
  const [cls] = osmCategory.split(':');
  return BY_TYPE[osmCategory] ?? BY_CLASS[cls] ?? null;
}

/** Wikimedia Commons serves a scaled file under Special:FilePath (it redirects to the current upload URL). */
export const commonsFileUrl = (file: string, width = 640) =>
  `https://commons.wikimedia.org/wiki/Special:FilePath/${encodeURIComponent(file.replace(/^File:/i, '').replace(/ /g, '_'))}?width=${width}`;

/** A photo from OSM tags: image (a web address), or wikimedia_commons (File:…). */
export function photoFromTags(tags: Record<string, string> | undefined | null): string | null {
  if (!tags) return null;
  const commons = tags.wikimedia_commons;
  if (commons && /^File:/i.test(commons)) return commonsFileUrl(commons);
  const image = tags.image;
  if (image && /^https:\/\//i.test(image)) {
    const file = /commons\.wikimedia\.org\/wiki\/(File:[^?#]+)/i.exec(image);
    return file ? commonsFileUrl(decodeURIComponent(file[1])) : image;
  }
  if (image && /^File:/i.test(image)) return commonsFileUrl(image);
  return null;
}

/** "N42" / "node:42" / "node/42" → { type: "node", id: "42", letter: "N" }; null when not an OSM reference. */
export function parseOsmRef(ref: string): { type: 'node' | 'way' | 'relation'; id: string; letter: 'N' | 'W' | 'R' } | null {
  const m = /^(?:([NWR])(\d{1,15})|(node|way|relation)[:/](\d{1,15}))$/i.exec(ref.trim());
  if (!m) return null;
  const letter = (m[1] ?? m[3][0]).toUpperCase() as 'N' | 'W' | 'R';
  const type = letter === 'N' ? 'node' : letter === 'W' ? 'way' : 'relation';
  return { type, id: m[2] ?? m[4], letter };
}
