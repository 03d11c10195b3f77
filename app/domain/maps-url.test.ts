import { describe, expect, it } from 'vitest';
import { coordinateName, parseMapUrl } from './maps-url';

describe('parseMapUrl', () => {
  it('reads a Google Maps place link (name and pin)', () => {
    expect(
      parseMapUrl('https://www.google.com/maps/place/Eiffel+Tower/@48.8583701,2.2944813,17z/data=!3m1!4b1!4m6!3m5!1s0x0:0x0!8m2!3d48.8583701!4d2.2944813'),
    ).toEqual({ name: 'Eiffel Tower', lat: 48.8583701, lng: 2.2944813, source: 'google' });
  });
  it('reads ?q=lat,lng and ?query= from Google Maps', () => {
    expect(parseMapUrl('https://maps.google.com/maps?q=38.7223,-9.1393')).toMatchObject({ lat: 38.7223, lng: -9.1393, name: null });
    expect(parseMapUrl('https://www.google.com/maps/search/?api=1&query=Belem+Tower')).toMatchObject({ name: 'Belem Tower', lat: null });
    expect(parseMapUrl('https://www.google.de/maps/@52.52,13.405,14z')).toMatchObject({ lat: 52.52, lng: 13.405 });
  });
  it('reads OpenStreetMap marker and map-hash links', () => {
    expect(parseMapUrl('https://www.openstreetmap.org/?mlat=41.3851&mlon=2.1734#map=16/41.3851/2.1734')).toEqual({
      name: null,
      lat: 41.3851,
      lng: 2.1734,
      source: 'openstreetmap',
    });
    expect(parseMapUrl('https://www.openstreetmap.org/#map=12/-33.8688/151.2093')).toMatchObject({ lat: -33.8688, lng: 151.2093 });
  });
  it('reads geo: URIs with and without a label', () => {
    expect(parseMapUrl('geo:37.786971,-122.399677')).toEqual({ name: null, lat: 37.786971, lng: -122.399677, source: 'geo' });
    expect(parseMapUrl('geo:0,0?q=35.6586,139.7454(Tokyo Tower)')).toEqual({ name: 'Tokyo Tower', lat: 35.6586, lng: 139.7454, source: 'geo' });
    expect(parseMapUrl('geo:47.1,8.2;u=35')).toMatchObject({ lat: 47.1, lng: 8.2 });
  });
  it('returns null for links it cannot read', () => {
    expect(parseMapUrl('https://example.com/somewhere')).toBeNull();
    expect(parseMapUrl('not a url')).toBeNull();
    expect(parseMapUrl('https://www.google.com/maps')).toBeNull();
    expect(parseMapUrl('https://www.openstreetmap.org/?mlat=200&mlon=1')).toBeNull();
    expect(parseMapUrl('javascript:alert(1)')).toBeNull();
  });
  it('names a coordinate-only place by its coordinates', () => {
    expect(coordinateName(41.3851, 2.1734)).toBe('Place at 41.38510, 2.17340');
  });
});
