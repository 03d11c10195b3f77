import { describe, expect, it, vi } from 'vitest';
import { searchPlaces, toResult } from './place-search.server';

const item = { osm_type: 'node', osm_id: 42, lat: '38.6916', lon: '-9.2160', name: 'Torre de Belém', display_name: 'Torre de Belém, Lisboa, Portugal', category: 'tourism', type: 'attraction' };

describe('place search', () => {
  it('maps a Nominatim item to a result', () => {
    expect(toResult(item)).toEqual({ name: 'Torre de Belém', address: 'Torre de Belém, Lisboa, Portugal', lat: 38.6916, lng: -9.216, osmId: 'N42', category: 'tourism:attraction', categoryKey: 'sight' });
    expect(toResult({ ...item, category: 'amenity', type: 'cafe', extratags: { wikimedia_commons: 'File:Café A.jpg' } })).toMatchObject({
      categoryKey: 'cafe',
      photoUrl: 'https://commons.wikimedia.org/wiki/Special:FilePath/Caf%C3%A9_A.jpg?width=640',
    });
    expect(toResult({ lat: 'x', lon: '1' })).toBeNull();
  });
  it('caches by query and refuses a private service when not allowed', async () => {
    const config = { nominatimUrl: 'http://127.0.0.1:1', outboundAllowPrivate: true };
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify([item]), { status: 200 }));
    const first = await searchPlaces(config, 'Belem', 5, fetchImpl as unknown as typeof fetch);
    const second = await searchPlaces(config, ' belem ', 5, fetchImpl as unknown as typeof fetch);
    expect(first).toEqual(second);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    const guarded = { nominatimUrl: 'http://127.0.0.1:1', outboundAllowPrivate: false };
    await expect(searchPlaces(guarded, 'Belem', 5, fetchImpl as unknown as typeof fetch)).rejects.toThrow(/refused to contact 127\.0\.0\.1/);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });
  it('says clearly when the service cannot be reached', async () => {
    const config = { nominatimUrl: 'http://127.0.0.1:1', outboundAllowPrivate: true };
    await expect(searchPlaces(config, 'Anything', 5)).rejects.toThrow('Place search is unavailable right now (the search service cannot be reached)');
  });
});
