// The Atlas world map: an SVG drawn from Natural Earth's 1:110m country shapes (world-atlas, offline), visited
// countries filled, bucket-list places pinned. Visited countries are buttons a keyboard can reach; the map keeps
// its west-to-east orientation in right-to-left languages.
import { useEffect, useState } from 'react';
import type { Position } from 'geojson';
import { iso31661NumericToAlpha2 } from 'iso-3166/1-n-to-1-a2.js';
import { countryOutlines } from '~/domain/world-countries';

const WIDTH = 960;
const NORTH = 84;
const SOUTH = -58;
const HEIGHT = Math.round((WIDTH * (NORTH - SOUTH)) / 360);

const x = (lng: number) => ((lng + 180) / 360) * WIDTH;
const y = (lat: number) => ((NORTH - Math.max(SOUTH, Math.min(NORTH, lat))) / (NORTH - SOUTH)) * HEIGHT;

function ringPath(ring: Position[]) {
  return `M${ring.map(([lng, lat]) => `${x(lng).toFixed(1)},${y(lat).toFixed(1)}`).join('L')}Z`;
}

/** Shapes without a numeric code in the data, by their name there. */
const BY_NAME: Record<string, string> = { Kosovo: 'XK' };

interface CountryShape {
  code: string;
  d: string;
}

function countryShapes(world: unknown): CountryShape[] {
  return countryOutlines(world).flatMap((country) => {
    const code = (country.id !== undefined ? iso31661NumericToAlpha2[country.id] : undefined) ?? BY_NAME[country.name];
    if (!code || code === 'AQ') return [];
    return [{ code, d: country.polygons.flatMap((rings) => rings.map(ringPath)).join('') }];
  });
}

/** The shapes are loaded in the browser only, as a chunk of their own (about 100 kB), once per page load. */
let loading: Promise<CountryShape[]> | null = null;
function useCountryShapes() {
  const [shapes, setShapes] = useState<CountryShape[] | null>(null);
  useEffect(() => {
    let live = true;
    loading ??= import('world-atlas/countries-110m.json').then((module) => countryShapes(module.default));
    loading.then((loaded) => live && setShapes(loaded)).catch(() => {
      loading = null;
    });
    return () => {
      live = false;
    };
  }, []);
  return shapes;
}

export type VisitKind = 'trips' | 'hand';

export interface MapPin {
  id: number;
  name: string;
  lat: number;
  lng: number;
}

export function WorldMap({
  visited,
  wished,
  pins,
  selected,
  onSelect,
  nameOf,
  label,
  pinLabel,
}: {
  visited: Map<string, VisitKind>;
  /** countries on the bucket list (drawn lightly when not visited yet) */
  wished: Set<string>;
  pins: MapPin[];
  selected: string | null;
  onSelect(code: string): void;
  nameOf(code: string): string;
  label: string;
  pinLabel(name: string): string;
}) {
  const all = useCountryShapes() ?? [];
  return (
    <div dir="ltr" className="overflow-hidden rounded-lg border border-slate-200 bg-sky-50">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={label} aria-busy={all.length === 0} className="block h-auto w-full" data-testid="atlas-map">
        {all.map((shape, i) => {
          const kind = visited.get(shape.code);
          const isSelected = selected === shape.code;
          const wish = !kind && wished.has(shape.code);
          const fill = kind === 'trips' ? 'fill-indigo-600' : kind === 'hand' ? 'fill-indigo-300' : wish ? 'fill-amber-200' : 'fill-slate-200';
          const common = {
            d: shape.d,
            className: `${fill} stroke-white outline-none transition-colors hover:fill-indigo-400 focus-visible:fill-amber-400 ${isSelected ? 'stroke-amber-500' : ''}`,
            strokeWidth: isSelected ? 1.5 : 0.5,
            'data-country': shape.code,
            'data-visited': kind ?? undefined,
            'data-wished': wish || undefined,
            onClick: () => onSelect(shape.code),
          };
          return kind ? (
            <path
              key={`${shape.code}-${i}`}
              {...common}
              role="button"
              tabIndex={0}
              aria-label={nameOf(shape.code)}
              aria-pressed={isSelected}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onSelect(shape.code);
                }
              }}
            >
              <title>{nameOf(shape.code)}</title>
            </path>
          ) : (
            <path key={`${shape.code}-${i}`} {...common} aria-hidden>
              <title>{nameOf(shape.code)}</title>
            </path>
          );
        })}
        {pins.map((pin) => (
          <g key={pin.id} transform={`translate(${x(pin.lng).toFixed(1)},${y(pin.lat).toFixed(1)})`} data-testid="atlas-pin" role="img" aria-label={pinLabel(pin.name)}>
            <title>{pin.name}</title>
            <circle r={5} className="fill-amber-500 stroke-white" strokeWidth={1.5} />
          </g>
        ))}
      </svg>
    </div>
  );
}
