// Natural Earth's 1:110m country shapes (world-atlas's countries-110m.json, TopoJSON) as plain polygons of [lng, lat]
// rings: what the Atlas's world map (in the browser) and the journey book's map page (on the server) draw.
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export interface CountryOutline {
  /** ISO 3166-1 numeric code as world-atlas gives it ("620"), undefined for shapes without one */
  id: string | undefined;
  name: string;
  /** each polygon: its outer ring, then its holes; a ring is closed (last position = first) */
  polygons: Position[][][];
}

/** The countries of the parsed countries-110m.json. */
export function countryOutlines(world: unknown): CountryOutline[] {
  const topology = world as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return feature(topology, topology.objects.countries).features.flatMap((f) => {
    if (!f.geometry) return [];
    const geometry = f.geometry as Polygon | MultiPolygon;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    return [{ id: f.id === undefined ? undefined : String(f.id), name: f.properties?.name ?? '', polygons }];
  });
}
