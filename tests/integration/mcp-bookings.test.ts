// An agent books a flight through the real MCP SDK client: it looks up two airports, books a two-leg flight, and
// reads the booking back through the trip's reservations resource. Also: the bookings tools carry their annotations
// and a token without reservations:write does not see the write tools.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createOAuthToken, enableMcp } from './mcp.helpers';

let server: TestServer;
let agent: Client;
let reader: Client;
let owner: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  server = await startTestServer();
  await enableMcp(server);
  owner = await makeUser(server);
  const { token } = await createOAuthToken(server, owner.user.id, ['trips:read', 'reservations:write', 'geo:read']);
  ({ client: agent } = await connect(server, token));
  const { token: readOnly } = await createOAuthToken(server, owner.user.id, ['trips:read', 'reservations:read']);
  ({ client: reader } = await connect(server, readOnly));
});
afterAll(async () => {
  await agent?.close();
  await reader?.close();
  await server?.close();
});

type Result = { isError?: boolean; structuredContent?: Record<string, unknown> };
const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as Result;

describe('MCP: bookings', () => {
  it('lists the bookings tools with their kinds; a read-only grant sees no write tool', async () => {
    const { tools } = await agent.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    for (const name of ['create_reservation', 'update_reservation', 'delete_reservation', 'reorder_reservations', 'link_hotel_accommodation', 'list_reservations', 'create_transport', 'update_transport', 'delete_transport', 'search_airports', 'get_airport']) {
      expect(byName.has(name), name).toBe(true);
    }
    expect(byName.get('delete_transport')!.annotations?.destructiveHint).toBe(true);
    expect(byName.get('search_airports')!.annotations?.readOnlyHint).toBe(true);
    const readerTools = (await reader.listTools()).tools.map((t) => t.name);
    expect(readerTools).toContain('list_reservations');
    expect(readerTools).not.toContain('create_transport');
    expect(readerTools).not.toContain('search_airports');
  });

  it('an agent looks up two airports, books a two-leg flight and reads it back through the resource', async () => {
    const { trip } = await owner.trpc.trips.createTrip.mutate({ title: 'Singapore', startDate: '2027-06-10', endDate: '2027-06-14' });

    const search = await call(agent, 'search_airports', { query: 'munich', limit: 5 });
    expect(search.isError).toBeFalsy();
    const munich = (search.structuredContent!.airports as Array<{ iata: string; tz: string }>).find((a) => a.iata === 'MUC')!;
    expect(munich.tz).toBe('Europe/Berlin');
    const singapore = (await call(agent, 'get_airport', { iata: 'sin' })).structuredContent!.airport as { iata: string; tz: string };
    expect(singapore).toMatchObject({ iata: 'SIN', tz: 'Asia/Singapore' });

    const booked = await call(agent, 'create_transport', {
      tripId: trip.id,
      type: 'flight',
      title: 'MUC → SIN via IST',
      confirmationNumber: 'TK7QX2',
      legs: [
        { from: { airport: munich.iata }, to: { airport: 'IST' }, departureTime: '2027-06-10T13:35', arrivalTime: '2027-06-10T17:40', carrier: 'Turkish Airlines', number: 'TK 1630' },
        { from: { airport: 'IST' }, to: { airport: singapore.iata }, departureTime: '2027-06-10T20:35', arrivalTime: '2027-06-11T12:45', carrier: 'Turkish Airlines', number: 'TK 54', seat: '22A' },
      ],
    });
    expect(booked.isError).toBeFalsy();
    const reservationId = (booked.structuredContent!.reservation as { id: number }).id;

    const resource = await agent.readResource({ uri: `waymark://trips/${trip.id}/reservations` });
    const doc = JSON.parse((resource.contents[0] as { text: string }).text) as { reservations: Array<Record<string, unknown>> };
    const flight = doc.reservations.find((r) => r.id === reservationId)!;
    expect(flight).toMatchObject({
      type: 'flight',
      confirmationNumber: 'TK7QX2',
      legs: [
        { from: { code: 'MUC' }, to: { code: 'IST' }, departureTime: '2027-06-10T13:35', departureTimeZone: 'Europe/Berlin', number: 'TK 1630' },
        { from: { code: 'IST' }, to: { code: 'SIN' }, arrivalTime: '2027-06-11T12:45', arrivalTimeZone: 'Asia/Singapore', departsAt: '2027-06-10T17:35:00.000Z', seat: '22A' },
      ],
    });
    expect((flight.dayIds as number[]).length).toBe(2);
  });

  it('a bad booking is an error result that names the field, and nothing is written', async () => {
    const { trip } = await owner.trpc.trips.createTrip.mutate({ title: 'Nowhere' });
    const result = await call(agent, 'create_transport', {
      tripId: trip.id,
      type: 'flight',
      title: 'Ghost',
      legs: [{ from: { airport: 'MUC' }, to: { airport: 'ZZZ' }, departureTime: '2027-06-10T13:35', arrivalTime: '2027-06-10T17:40' }],
    });
    expect(result.isError).toBe(true);
    expect(await server.services.db.reservation.count({ where: { tripId: trip.id } })).toBe(0);
  });
});
