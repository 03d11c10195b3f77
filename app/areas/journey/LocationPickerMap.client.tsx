// The Leaflet part of an entry's location picker (browser only, loaded lazily by LocationPicker): a click on the map
// sets the pin, the pin can be dragged (or focused and moved with the arrow keys), and the view follows the position
// when it changes from outside (typed coordinates, a search result).
import { useEffect } from 'react';
import { MapContainer, Marker, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import { divIcon, type LeafletKeyboardEvent, type Marker as LeafletMarker } from 'leaflet';

export interface LatLng {
  lat: number;
  lng: number;
}

const PIN = divIcon({
  className: 'wm-journey-pin',
  html: '<span class="block h-5 w-5 rounded-full border-2 border-white bg-indigo-600 shadow-md"></span>',
  iconSize: [20, 20],
});

/** Arrow keys move a focused pin by this fraction of the visible map. */
const KEY_STEP = 0.05;
const round = (n: number) => Math.round(n * 1e6) / 1e6;

function Follow({ at }: { at: LatLng | null }) {
  const map = useMap();
  const lat = at?.lat;
  const lng = at?.lng;
  useEffect(() => {
    if (lat !== undefined && lng !== undefined) map.setView([lat, lng], Math.max(map.getZoom(), 12));
  }, [map, lat, lng]);
  return null;
}

function ClickToSet({ onPick }: { onPick(at: LatLng): void }) {
  useMapEvents({ click: (e) => onPick({ lat: round(e.latlng.lat), lng: round(e.latlng.wrap().lng) }) });
  return null;
}

export default function LocationPickerMap({
  value,
  onPick,
  pinLabel,
  tiles,
  onTilesFailed,
}: {
  value: LatLng | null;
  onPick(at: LatLng): void;
  pinLabel: string;
  tiles: { url: string; attribution: string };
  onTilesFailed(): void;
}) {
  return (
    <MapContainer center={value ? [value.lat, value.lng] : [20, 0]} zoom={value ? 12 : 1} scrollWheelZoom={false} className="h-full w-full bg-slate-200">
      <TileLayer key={tiles.url} url={tiles.url} attribution={tiles.attribution} maxZoom={19} eventHandlers={{ tileerror: onTilesFailed }} />
      <ClickToSet onPick={onPick} />
      <Follow at={value} />
      {value && <PinMarker value={value} onPick={onPick} label={pinLabel} />}
    </MapContainer>
  );
}

function PinMarker({ value, onPick, label }: { value: LatLng; onPick(at: LatLng): void; label: string }) {
  const map = useMap();
  return (
    <Marker
      position={[value.lat, value.lng]}
      icon={PIN}
      draggable
      keyboard
      title={label}
      eventHandlers={{
        add: (event) => (event.target as LeafletMarker).getElement()?.setAttribute('aria-label', label),
        dragend: (event) => {
          const at = (event.target as LeafletMarker).getLatLng();
          onPick({ lat: round(at.lat), lng: round(at.wrap().lng) });
        },
        keydown: (event) => {
          const key = (event as LeafletKeyboardEvent).originalEvent.key;
          const bounds = map.getBounds();
          const dLat = (bounds.getNorth() - bounds.getSouth()) * KEY_STEP;
          const dLng = (bounds.getEast() - bounds.getWest()) * KEY_STEP;
          const move = { ArrowUp: [dLat, 0], ArrowDown: [-dLat, 0], ArrowLeft: [0, -dLng], ArrowRight: [0, dLng] }[key];
          if (!move) return;
          (event as LeafletKeyboardEvent).originalEvent.preventDefault();
          (event as LeafletKeyboardEvent).originalEvent.stopPropagation();
          const lat = Math.max(-90, Math.min(90, value.lat + move[0]));
          onPick({ lat: round(lat), lng: round(((((value.lng + move[1] + 180) % 360) + 360) % 360) - 180) });
        },
      }}
    />
  );
}
