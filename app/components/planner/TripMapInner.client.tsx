// The Leaflet part of the trip map (browser only, loaded lazily by TripMap): OpenStreetMap tiles with attribution
// and one circle marker per place, coloured by category. Circle markers need no image files.
import { useEffect } from 'react';
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
  const key = points.map((p) => `${p.lat},${p.lng}`).join('|');
  useEffect(() => {
    if (points.length === 1) map.setView([points[0].lat, points[0].lng], 14);
    else if (points.length > 1) map.fitBounds(latLngBounds(points.map((p) => [p.lat, p.lng])), { padding: [24, 24], maxZoom: 15 });
    // Refit only when the set of coordinates changes.
  }, [key, map]);
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
