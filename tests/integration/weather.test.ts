// Weather through real HTTP and a real database, with Open-Meteo replaced by a local fake server: a trip's days get
// forecast, observed or climate weather at the right place (first place, else the stay), answers are cached, a
// service that is down or refused by the outbound guard gives one clear translated error, and the °C/°F setting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toIsoDate } from '~/domain/dates';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { startTestServer } from '../helpers/server';
import { expectTrpcError, makeUser, notMemberMessage } from '../helpers/users';
import { FAKE_WEATHER, fakeGeoEnv, startFakeGeoServices, type FakeGeoServices } from '../helpers/fake-geo-services';

let fake: FakeGeoServices;
beforeAll(async () => {
  fake = await startFakeGeoServices();
});
afterAll(() => fake.close());

const suite = procedureSuite(2, () => fakeGeoEnv(fake));
let anna: TestUser;
let ben: TestUser;
beforeAll(() => {
  [anna, ben] = suite.users;
});

const today = toIsoDate(new Date());
const thisYear = Number(today.slice(0, 4));
/** Distinct coordinates per test, so no test is answered from another's cache. */
let nextLat = 10;
const freshSpot = () => ({ lat: (nextLat += 1), lng: 20.5 });

/** A trip from `start` to `end` with one place (coordinates given) on its first day and a stay over the rest. */
async function tripWithPlaces(start: string, end: string) {
  const t = anna.trpc;
  const { trip } = await t.trips.createTrip.mutate({ title: 'Weather trip', startDate: start, endDate: end });
  const { days } = await t.days.listDays.query({ tripId: trip.id });
  const museum = freshSpot();
  const hotel = freshSpot();
  const { place } = await t.places.createAndAssignPlace.mutate({ tripId: trip.id, name: 'Museum', ...museum, dayId: days[0].id });
  await t.places.createAndAssignPlace.mutate({ tripId: trip.id, name: 'Bench without coordinates', dayId: days[1].id });
  const { place: stay } = await t.places.createPlace.mutate({ tripId: trip.id, name: 'Hotel', ...hotel });
  await t.accommodations.createAccommodation.mutate({ tripId: trip.id, placeId: stay.id, checkInDayId: days[1].id, checkOutDayId: days[days.length - 1].id });
  return { trip, days, place, stay, museum, hotel };
}

describe('weather.getWeather for a trip', () => {
  it('gives far-off days climate averages of the three previous years, at the first place or else the stay', async () => {
    const { trip, days, place, stay } = await tripWithPlaces(`${thisYear + 2}-06-10`, `${thisYear + 2}-06-12`);
    const result = await anna.trpc.weather.getWeather.query({ tripId: trip.id });
    expect(result).toMatchObject({
      tripId: trip.id,
      days: [
        { dayId: days[0].id, place: { id: place.id, source: 'place' }, weather: { kind: 'climate', tempMax: 18.5, tempMin: 10.5, temp: 14.5, precipitationProbability: 0, condition: 'Clear' } },
        // day 2's only place has no coordinates: the stay that night
        { dayId: days[1].id, place: { id: stay.id, source: 'accommodation' }, weather: { kind: 'climate', years: [thisYear - 3, thisYear - 2, thisYear - 1] } },
        // the check-out day with nothing else planned: still the stay
        { dayId: days[2].id, place: { id: stay.id, source: 'accommodation' }, weather: { kind: 'climate' } },
      ],
    });
    const archive = fake.requests.filter((r) => r.startsWith('/v1/archive'));
    expect(archive.some((r) => r.includes(`start_date=${thisYear - 3}-01-01`) && r.includes(`end_date=${thisYear - 1}-12-31`))).toBe(true);
  });

  it('labels each day forecast, observed or climate by its distance from today', async () => {
    const start = addDays(today, -4);
    const end = addDays(today, 20);
    const { trip, days } = await tripWithPlaces(start, end);
    // everything at the museum: put it on every day first
    const { place } = await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Everywhere', ...freshSpot() });
    for (const day of days) await anna.trpc.assignments.assignPlaceToDay.mutate({ tripId: trip.id, placeId: place.id, dayId: day.id, position: 0 });
    const { days: weather } = (await anna.trpc.weather.getWeather.query({ tripId: trip.id })) as { days: Array<{ date: string; weather: { kind: string; tempMax: number; precipitationProbability: number | null; condition: string } | null }> };
    const byDate = new Map(weather.map((d) => [d.date, d.weather]));
    expect(byDate.get(addDays(today, -4))).toMatchObject({ kind: 'observed', tempMax: FAKE_WEATHER.archive.tempMax, precipitationProbability: null });
    expect(byDate.get(today)).toMatchObject({ kind: 'forecast', tempMax: 21, precipitationProbability: 80, condition: 'Rain' });
    expect(byDate.get(addDays(today, 15))).toMatchObject({ kind: 'forecast' });
    expect(byDate.get(addDays(today, 16))).toMatchObject({ kind: 'climate', tempMax: 18.5 });
  });

  it('answers a repeated question from its cache', async () => {
    const { trip } = await tripWithPlaces(`${thisYear + 2}-08-01`, `${thisYear + 2}-08-02`);
    await anna.trpc.weather.getWeather.query({ tripId: trip.id });
    const before = fake.requests.length;
    await anna.trpc.weather.getWeather.query({ tripId: trip.id });
    expect(fake.requests.length).toBe(before);
  });

  it('is only for members: a stranger gets the same answer as for a missing trip', async () => {
    const { trip } = await tripWithPlaces(`${thisYear + 2}-09-01`, `${thisYear + 2}-09-02`);
    const error = await expectTrpcError(ben.trpc.weather.getWeather.query({ tripId: trip.id }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: notMemberMessage(trip.id) });
  });

  it('refuses a trip and coordinates together, and coordinates without a date', async () => {
    const both = await expectTrpcError(anna.trpc.weather.getWeather.query({ tripId: 1, lat: 1, lng: 1, date: today }));
    expect(both.code).toBe('BAD_REQUEST');
    expect(both.message).toContain('tripId');
    const noDate = await expectTrpcError(anna.trpc.weather.getWeather.query({ lat: 1, lng: 1 }));
    expect(noDate.message).toContain('date');
  });
});

describe('weather.getWeather for one place and date', () => {
  it('describes the weather in the asked language', async () => {
    const spot = freshSpot();
    const { weather } = (await anna.trpc.weather.getWeather.query({ ...spot, date: addDays(today, 2), lang: 'de' })) as { weather: { description: string; kind: string } };
    expect(weather).toMatchObject({ kind: 'forecast', description: 'Regen' });
    const forecastCall = fake.requests.filter((r) => r.startsWith('/v1/forecast')).at(-1)!;
    expect(forecastCall).toContain(`latitude=${spot.lat.toFixed(2)}`);
    expect(forecastCall).toContain('forecast_days=16');
  });
});

describe('weather.getDetailedWeather', () => {
  it('gives the forecast hour by hour with sunrise and sunset', async () => {
    const { weather } = await anna.trpc.weather.getDetailedWeather.query({ ...freshSpot(), date: addDays(today, 1) });
    expect(weather).toMatchObject({ kind: 'forecast', sunrise: expect.stringContaining('06:52'), hoursFrom: addDays(today, 1) });
    expect(weather!.hourly).toHaveLength(24);
    expect(weather!.hourly[15]).toMatchObject({ hour: '15:00', precipitation: 1.2, precipitationProbability: 70, condition: 'Rain' });
  });

  it('for a far date, gives last year’s hours of that date, labelled climate, without a chance of rain', async () => {
    const date = `${thisYear + 1}-07-14`;
    const { weather } = await anna.trpc.weather.getDetailedWeather.query({ ...freshSpot(), date });
    expect(weather).toMatchObject({ date, kind: 'climate', hoursFrom: `${thisYear}-07-14` });
    expect(weather!.hourly.every((h) => h.precipitationProbability === null)).toBe(true);
    expect(fake.requests.at(-1)).toMatch(/^\/v1\/archive\?.*start_date=\d{4}-07-14/);
  });
});

describe('when the weather service is unreachable', () => {
  it('answers with one clear, translated error and the rest of Waymark keeps working', async () => {
    const { trip } = await tripWithPlaces(`${thisYear + 2}-10-01`, `${thisYear + 2}-10-02`);
    fake.down = true;
    try {
      const error = await expectTrpcError(anna.trpc.weather.getWeather.query({ tripId: trip.id }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toMatch(/^Weather is unavailable right now \(the service answered HTTP 503\)/);
      expect(error.data?.i18n?.key).toBe('errors.weatherUnavailable');
      const { places } = await anna.trpc.places.listPlaces.query({ tripId: trip.id });
      expect(places.length).toBeGreaterThan(0);
    } finally {
      fake.down = false;
    }
  });

  it('refuses to contact a private address unless OUTBOUND_ALLOW_PRIVATE allows it', async () => {
    const guarded = await startTestServer({ OPEN_METEO_URL: fake.url, OPEN_METEO_ARCHIVE_URL: fake.url, OUTBOUND_ALLOW_PRIVATE: 'false' });
    try {
      const user = await makeUser(guarded);
      const before = fake.requests.length;
      const error = await expectTrpcError(user.trpc.weather.getDetailedWeather.query({ lat: 1, lng: 2, date: today }));
      expect(error.message).toContain('refused to contact 127.0.0.1');
      expect(error.data?.i18n?.key).toBe('errors.weatherUnavailable');
      expect(fake.requests.length).toBe(before);
    } finally {
      await guarded.close();
    }
  });
});

describe('the temperature unit setting', () => {
  it('is automatic until chosen, and can be set back to automatic', async () => {
    expect((await anna.trpc.account.me.query()).user.temperatureUnit).toBeNull();
    await anna.trpc.account.updateProfile.mutate({ temperatureUnit: 'fahrenheit' });
    expect((await anna.trpc.account.me.query()).user.temperatureUnit).toBe('fahrenheit');
    const bad = await expectTrpcError(anna.trpc.account.updateProfile.mutate({ temperatureUnit: 'kelvin' as never }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect((await anna.trpc.account.me.query()).user.temperatureUnit).toBe('fahrenheit');
    await anna.trpc.account.updateProfile.mutate({ temperatureUnit: null });
    expect((await anna.trpc.account.me.query()).user.temperatureUnit).toBeNull();
  });
});
