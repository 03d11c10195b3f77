// Places from map files through real HTTP and a real database: GPX waypoints, KML and KMZ placemarks, GeoJSON points
// (tracks, routes, lines and areas are skipped and counted); unreadable or empty files add nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { expectTrpcError } from '../helpers/users';

const suite = procedureSuite(1);
let anna: TestUser;
beforeAll(() => {
  [anna] = suite.users;
});

async function newTrip() {
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Walks', startDate: '2027-05-01', endDate: '2027-05-02' });
  suite.clearEvents();
  return trip.id;
}
const placesOf = async (tripId: number) => (await anna.trpc.places.listPlaces.query({ tripId })).places.map((p) => [p.name, p.lat, p.lng, p.description]);

const GPX = `<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <wpt lat="38.6916" lon="-9.2160"><name>Torre de Belém</name><desc>Go early</desc></wpt>
  <wpt lat="38.6979" lon="-9.2065"><name>Jerónimos</name></wpt>
  <trk><name>The walk</name><trkseg><trkpt lat="38.69" lon="-9.21"/><trkpt lat="38.70" lon="-9.20"/></trkseg></trk>
</gpx>`;

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
  <Placemark><name>Castelo</name><description><![CDATA[<b>View</b> over the city]]></description><Point><coordinates>-9.1334,38.7139,0</coordinates></Point></Placemark>
  <Placemark><name>Tram 28</name><LineString><coordinates>-9.14,38.71 -9.13,38.72</coordinates></LineString></Placemark>
</Document></kml>`;

describe('places.importPlacesFromFile', () => {
  it('adds GPX waypoints as places and skips the track', async () => {
    const tripId = await newTrip();
    const result = await anna.trpc.places.importPlacesFromFile.mutate({ tripId, fileName: 'Lisbon walk.GPX', content: GPX });
    expect(result).toMatchObject({ format: 'gpx', skipped: 1 });
    expect(await placesOf(tripId)).toEqual([
      ['Jerónimos', 38.6979, -9.2065, ''],
      ['Torre de Belém', 38.6916, -9.216, 'Go early'],
    ]);
    expect(suite.tripEvents().map((e) => e.event)).toEqual(['place.created', 'place.created']);
  });

  it('adds KML placemarks with a point, in plain text, and the same from a KMZ archive', async () => {
    const tripId = await newTrip();
    const kml = await anna.trpc.places.importPlacesFromFile.mutate({ tripId, fileName: 'castle.kml', content: KML });
    expect(kml).toMatchObject({ format: 'kml', skipped: 1, places: [{ name: 'Castelo', lat: 38.7139, lng: -9.1334, description: 'View over the city' }] });
    const kmz = Buffer.from(zipSync({ 'doc.kml': strToU8(KML), 'files/icon.png': new Uint8Array([1, 2, 3]) })).toString('base64');
    const fromZip = await anna.trpc.places.importPlacesFromFile.mutate({ tripId, fileName: 'castle.kmz', content: kmz, encoding: 'base64' });
    expect(fromZip).toMatchObject({ format: 'kmz', places: [{ name: 'Castelo', lat: 38.7139 }] });
  });

  it('adds GeoJSON points (and multipoints), skipping polygons', async () => {
    const tripId = await newTrip();
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [-9.1458, 38.7069] }, properties: { name: 'Time Out Market' } },
        { type: 'Feature', geometry: { type: 'MultiPoint', coordinates: [[-9.13, 38.71], [-9.12, 38.72]] }, properties: { title: 'Viewpoints' } },
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }, properties: { name: 'Park' } },
      ],
    });
    const result = await anna.trpc.places.importPlacesFromFile.mutate({ tripId, fileName: 'favourites.geojson', content: geojson });
    expect(result.skipped).toBe(1);
    expect(result.places.map((p) => p.name)).toEqual(['Time Out Market', 'Viewpoints', 'Viewpoints']);
  });

  it('adds nothing from an unreadable, empty or unknown file, and says why', async () => {
    const tripId = await newTrip();
    const broken = await expectTrpcError(anna.trpc.places.importPlacesFromFile.mutate({ tripId, fileName: 'walk.gpx', content: '<gpx><wpt lat="1"' }));
    expect(broken).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('The GPX file could not be read') });
    expect(broken.data?.i18n?.key).toBe('errors.placeFileUnreadable');
    const notZip = await expectTrpcError(anna.trpc.places.importPlacesFromFile.mutate({ tripId, fileName: 'x.kmz', content: 'bm90IGEgemlw', encoding: 'base64' }));
    expect(notZip.data?.i18n?.key).toBe('errors.placeFileUnreadable');
    const trackOnly = GPX.replace(/<wpt[\s\S]*?<\/wpt>/g, '');
    const empty = await expectTrpcError(anna.trpc.places.importPlacesFromFile.mutate({ tripId, fileName: 'track.gpx', content: trackOnly }));
    expect(empty.data?.i18n?.key).toBe('errors.placeFileEmpty');
    const unknown = await expectTrpcError(anna.trpc.places.importPlacesFromFile.mutate({ tripId, fileName: 'walk.shp', content: 'x' }));
    expect(unknown.message).toContain('fileName');
    expect(await placesOf(tripId)).toEqual([]);
    expect(suite.tripEvents()).toEqual([]);
  });
});
