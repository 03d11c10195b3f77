// The Leaflet part of the trip map (browser only, loaded lazily by TripMap): OpenStreetMap tiles with attribution,
// one circle marker per place (coloured by its day, numbered in visiting order; places on no day in their category's
// colour), count bubbles where markers would overlap, and a line through each day's places in order. Circle markers
// and the bubbles (div icons) need no image files.
import { useCallback, useEffect, useRef, useState } from 'react';
import { CircleMarker, MapContainer, Marker, Polyline, TileLayer, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import { divIcon, latLngBounds, type Marker as LeafletMarker } from 'leaflet';
import { clusterPoints } from './map-points';
import { OSM_TILES } from '~/domain/map-tiles';

export interface MapPoint {
  id: number;
  name: string;
  lat: number;
  lng: number;
  color: string;
  label?: string;
  /** position in its day's visiting order, from 1 */
  number?: number;
}

/** A line drawn on the map (a transport leg: a great-circle arc for flights, dashed for the rest). */
export interface MapLine {
  id: string;
  positions: [number, number][];
  dashed: boolean;
  label: string;
  /** default: indigo (transport) */
  color?: string;
}

function FitToPoints({ points }: { points: MapPoint[] }) {
  const map = useMap();
  const latest = useRef(points);
  latest.current = points;
  const fit = useCallback(() => {
    const current = latest.current;
    if (current.length === 1) map.setView([current[0].lat, current[0].lng], 14);
    else if (current.length > 1) map.fitBounds(latLngBounds(current.map((p) => [p.lat, p.lng])), { padding: [24, 24], maxZoom: 15 });
  }, [map]);
  const key = points.map((p) => `${p.lat},${p.lng}`).join('|');
  // Refit only when the set of coordinates changes.
  useEffect(fit, [key, fit]);

  // Leaflet measures its container once and only re-measures on window resizes. The container can be hidden
  // (the phone layout's Map tab) or change size without one, so re-measure whenever it does, and refit once it
  // becomes visible: a fit done while hidden was done for a 0×0 map.
  useEffect(() => {
    const container = map.getContainer();
    let wasHidden = container.clientWidth === 0 || container.clientHeight === 0;
    const observer = new ResizeObserver(() => {
      const hidden = container.clientWidth === 0 || container.clientHeight === 0;
      if (hidden) {
        wasHidden = true;
        return;
      }
      map.invalidateSize();
      if (wasHidden) fit();
      wasHidden = false;
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, [map, fit]);
  return null;
}

/** Markers closer than this many pixels (on a grid) are grouped; from CLUSTER_UNTIL_ZOOM on, every place is drawn. */
const CLUSTER_CELL_PX = 36;
const CLUSTER_UNTIL_ZOOM = 17;

function PlaceMarker({ p }: { p: MapPoint }) {
  return (
    <CircleMarker center={[p.lat, p.lng]} radius={9} pathOptions={{ color: '#ffffff', weight: 2, fillColor: p.color, fillOpacity: 0.95 }}>
      {p.number !== undefined ? (
        <Tooltip permanent direction="center" className="wm-map-number" opacity={1}>
          <span aria-label={`${p.label ?? ''} · ${p.name}`}>{p.number}</span>
        </Tooltip>
      ) : (
        <Tooltip>
          {p.label ? `${p.label} · ` : ''}
          {p.name}
        </Tooltip>
      )}
    </CircleMarker>
  );
}

/**
 * The places, with markers that would overlap at the current zoom grouped into a count bubble; the bubble is a
 * keyboard-focusable button (Leaflet markers: Tab, then Enter) that zooms in to its places.
 */
function ClusteredMarkers({ points, clusterLabel }: { points: MapPoint[]; clusterLabel: (count: number) => string }) {
  const map = useMap();
  const [zoom, setZoom] = useState(() => map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  const zoomTo = (members: MapPoint[]) =>
    map.fitBounds(latLngBounds(members.map((p) => [p.lat, p.lng])), { padding: [32, 32], maxZoom: CLUSTER_UNTIL_ZOOM + 1 });
  const clusters =
    zoom >= CLUSTER_UNTIL_ZOOM
      ? points.map((p) => ({ key: `p${p.id}`, lat: p.lat, lng: p.lng, members: [p] }))
      : clusterPoints(points, (p) => map.project([p.lat, p.lng], zoom), CLUSTER_CELL_PX);
  return (
    <>
      {clusters.map((c) =>
        c.members.length === 1 ? (
          <PlaceMarker key={`p${c.members[0].id}`} p={c.members[0]} />
        ) : (
          <Marker
            key={`c${c.members.map((p) => p.id).join('-')}`}
            position={[c.lat, c.lng]}
            title={clusterLabel(c.members.length)}
            icon={divIcon({
              className: 'wm-map-cluster',
              html: `<span class="flex h-full w-full items-center justify-center rounded-full border-2 border-white bg-slate-800/90 text-xs font-bold text-white shadow">${c.members.length}</span>`,
              iconSize: [30, 30],
            })}
            eventHandlers={{
              // the bubble's accessible name says what it is, not just its number
              add: (event) => (event.target as LeafletMarker).getElement()?.setAttribute('aria-label', clusterLabel(c.members.length)),
              click: () => zoomTo(c.members),
              // Leaflet makes markers focusable but does not click them on Enter
              keydown: (event) => {
                const key = (event as unknown as { originalEvent: KeyboardEvent }).originalEvent.key;
                if (key === 'Enter' || key === ' ') {
                  (event as unknown as { originalEvent: KeyboardEvent }).originalEvent.preventDefault();
                  zoomTo(c.members);
                }
              },
            }}
          />
        ),
      )}
    </>
  );
}


export default function TripMapInner({
  points,
  lines = [],
  tiles = OSM_TILES,
  onTilesFailed,
  clusterLabel,
}: {
  clusterLabel: (count: number) => string;
  points: MapPoint[];
  lines?: MapLine[];
  tiles?: { url: string; attribution: string };
  onTilesFailed: () => void;
}) {
  // without places, the map is framed by the transport lines' ends
  const framed = points.length > 0 ? points : lines.flatMap((l) => [l.positions[0], l.positions[l.positions.length - 1]]).map(([lat, lng], i) => ({ id: -i - 1, name: '', lat, lng, color: '' }));
  return (
    <MapContainer center={[framed[0].lat, framed[0].lng]} zoom={13} scrollWheelZoom={false} className="h-full w-full bg-slate-200">
      <TileLayer
        key={tiles.url}
        url={tiles.url}
        attribution={tiles.attribution}
        maxZoom={19}
        eventHandlers={{ tileerror: onTilesFailed }}
      />
      <ClusteredMarkers points={points} clusterLabel={clusterLabel} />
      {lines.map((l) => (
        <Polyline key={l.id} positions={l.positions} pathOptions={{ color: l.color ?? '#4f46e5', weight: l.color ? 3 : 2, opacity: 0.8, dashArray: l.dashed ? '6 6' : undefined }}>
          <Tooltip sticky>{l.label}</Tooltip>
        </Polyline>
      ))}
      <FitToPoints points={framed} />
    </MapContainer>
  );
}
