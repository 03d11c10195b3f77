// get_weather / get_detailed_weather answer in the caller's temperature unit: the units argument, else the user's
// °C/°F setting, else °C for their language; every answer names its units. Through tRPC and through the real MCP SDK
// client, Open-Meteo replaced by the local fake (which answers in °C: 21 / 12 daily, 10 + h/2 hourly).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { toIsoDate } from '~/domain/dates';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { expectTrpcError } from '../helpers/users';
import { FAKE_WEATHER, fakeGeoEnv, startFakeGeoServices, type FakeGeoServices } from '../helpers/fake-geo-services';
import { connect, createStaticToken, enableMcp } from './mcp.helpers';

let fake: FakeGeoServices;
beforeAll(async () => {
  fake = await startFakeGeoServices();
});
afterAll(() => fake.close());

const suite = procedureSuite(2, () => fakeGeoEnv(fake));
let anna: TestUser;
let ben: TestUser;
let client: Client;
beforeAll(async () => {
  [anna, ben] = suite.users;
  await enableMcp(suite.server);
  await ben.trpc.account.updateProfile.mutate({ temperatureUnit: 'fahrenheit' });
  const { token } = await createStaticToken(suite.server, ben.user.id);
  ({ client } = await connect(suite.server, token));
});
afterAll(() => client?.close());

const today = toIsoDate(new Date());
const spot = { lat: 41.9, lng: 12.5, date: today };
const CELSIUS = { temperature: '°C', precipitation: 'mm', windSpeed: 'km/h', probability: '%' };
const FAHRENHEIT = { ...CELSIUS, temperature: '°F' };
const f = (c: number) => Math.round(((c * 9) / 5 + 32) * 10) / 10;

describe('weather units through tRPC', () => {
  it('answers in °C by default, and in °F when asked; precipitation stays in mm', async () => {
    const celsius = await anna.trpc.weather.getWeather.query(spot);
    expect(celsius).toMatchObject({ units: CELSIUS, weather: { tempMax: FAKE_WEATHER.forecast.tempMax, tempMin: FAKE_WEATHER.forecast.tempMin } });
    const fahrenheit = await anna.trpc.weather.getWeather.query({ ...spot, units: 'fahrenheit' });
    expect(fahrenheit).toMatchObject({
      units: FAHRENHEIT,
      weather: { tempMax: f(FAKE_WEATHER.forecast.tempMax), tempMin: f(FAKE_WEATHER.forecast.tempMin), temp: f(16.5), precipitationSum: FAKE_WEATHER.forecast.precipitation },
    });
    expect(f(FAKE_WEATHER.forecast.tempMax)).toBe(69.8);
  });

  it('follows the user’s setting when units is not given, and units overrides it', async () => {
    expect(await ben.trpc.weather.getWeather.query(spot)).toMatchObject({ units: FAHRENHEIT, weather: { tempMax: 69.8 } });
    expect(await ben.trpc.weather.getWeather.query({ ...spot, units: 'celsius' })).toMatchObject({ units: CELSIUS, weather: { tempMax: 21 } });
  });

  it('converts a trip’s days and the detailed hours', async () => {
    const { trip } = await ben.trpc.trips.createTrip.mutate({ title: 'Rome', startDate: today, endDate: today });
    const { days } = await ben.trpc.days.listDays.query({ tripId: trip.id });
    await ben.trpc.places.createAndAssignPlace.mutate({ tripId: trip.id, name: 'Pantheon', lat: spot.lat, lng: spot.lng, dayId: days[0].id });
    const forTrip = await ben.trpc.weather.getWeather.query({ tripId: trip.id });
    expect(forTrip).toMatchObject({ units: FAHRENHEIT, days: [{ weather: { tempMax: 69.8, tempMin: f(12) } }] });

    const detailed = await ben.trpc.weather.getDetailedWeather.query(spot);
    expect(detailed.units).toEqual(FAHRENHEIT);
    expect(detailed.weather).toMatchObject({ tempMax: 69.8, windMax: 14.4 });
    expect(detailed.weather!.hourly[0]).toMatchObject({ temp: f(10), wind: 9.5 });
    expect(detailed.weather!.hourly[4].temp).toBe(f(12));
    const inCelsius = await ben.trpc.weather.getDetailedWeather.query({ ...spot, units: 'celsius' });
    expect(inCelsius).toMatchObject({ units: CELSIUS, weather: { tempMax: 21 } });
    expect(inCelsius.weather!.hourly[0].temp).toBe(10);
  });

  it('refuses other units', async () => {
    const error = await expectTrpcError(anna.trpc.weather.getWeather.query({ ...spot, units: 'kelvin' as never }));
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('units');
    const detailed = await expectTrpcError(anna.trpc.weather.getDetailedWeather.query({ ...spot, units: 'K' as never }));
    expect(detailed.message).toContain('must be celsius or fahrenheit');
  });
});

describe('weather units through MCP', () => {
  type ToolResult = { isError?: boolean; structuredContent?: Record<string, unknown> };
  const call = (name: string, args: Record<string, unknown>) => client.callTool({ name, arguments: args }) as Promise<ToolResult>;

  it('offers units on both tools', async () => {
    const { tools } = await client.listTools();
    for (const name of ['get_weather', 'get_detailed_weather']) {
      const tool = tools.find((t) => t.name === name)!;
      expect(tool.inputSchema.properties).toHaveProperty('units');
      expect(tool.description).toContain('fahrenheit');
    }
  });

  it('answers in the agent user’s unit, or the one asked for, and says which', async () => {
    const mine = await call('get_weather', spot);
    expect(mine.isError).toBeFalsy();
    expect(mine.structuredContent).toMatchObject({ units: FAHRENHEIT, weather: { tempMax: 69.8 } });
    const asked = await call('get_detailed_weather', { ...spot, units: 'celsius' });
    expect(asked.structuredContent).toMatchObject({ units: CELSIUS, weather: { tempMax: 21 } });
    const bad = await call('get_weather', { ...spot, units: 'kelvin' });
    expect(bad.isError).toBe(true);
  });
});
