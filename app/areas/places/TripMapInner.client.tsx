// The Leaflet part of the trip map (browser only, loaded lazily by TripMap): OpenStreetMap tiles with attribution
// and one circle marker per place, coloured by category. Circle markers need no image files.
import { useCallback, useEffect, useRef } from 'react';
import { CircleMarker, MapContainer, TileLayer, Tooltip, useMap } from 'react-leaflet';
import { latLngBounds } from 'leaflet';

export interface MapPoint {
  id: number;
  name: string;
  lat: number;
  lng: number;
  color: string;
  label?: string;
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

export default function TripMapInner({ points, onTilesFailed }: { points: MapPoint[]; onTilesFailed: () => void }) {
  return (
    <MapContainer center={[points[0].lat, points[0].lng]} zoom={13} scrollWheelZoom={false} className="h-full w-full bg-slate-200">
      <TileLayer
        url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
        attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
        maxZoom={19}
        eventHandlers={{ tileerror: onTilesFailed }}
      />
      {points.map((p) => (
        <CircleMarker
          key={p.id}
          center={[p.lat, p.lng]}
          radius={9}
          pathOptions={{ color: '#ffffff', weight: 2, fillColor: p.color, fillOpacity: 0.95 }}
        >
          <Tooltip>
            {p.label ? `${p.label} · ` : ''}
            {p.name}
          </Tooltip>
        </CircleMarker>
      ))}
      <FitToPoints points={points} />
    </MapContainer>
  );
}
