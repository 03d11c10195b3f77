import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../tests/helpers/server';
import { expectTrpcError, makeUser } from '../../../tests/helpers/users';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('trips', () => {
  it('creating a trip with a date range creates one day per date', async () => {
    const anna = await makeUser(server);
    const { trip, dayCount } = await anna.trpc.trips.createTrip.mutate({
      title: 'Lisbon',
      startDate: '2027-05-01',
      endDate: '2027-05-04',
      currency: 'eur',
    });
    expect(dayCount).toBe(4);
    expect(trip.currency).toBe('EUR');
    const summary = await anna.trpc.trips.getTripSummary.query({ tripId: trip.id });
    expect(summary.days.map((d) => d.date)).toEqual(['2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04']);
  });

  it('rejects a title over 200 characters, naming the field, and writes nothing', async () => {
    const anna = await makeUser(server);
    const before = await server.services.db.trip.count();
    const error = await expectTrpcError(anna.trpc.trips.createTrip.mutate({ title: 'x'.repeat(201) }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('title');
    expect(error.message).toContain('200');
    expect(await server.services.db.trip.count()).toBe(before);
  });

  it('a non-member gets the same not-found as for a trip that does not exist', async () => {
    const anna = await makeUser(server);
    const ben = await makeUser(server);
    const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Private' });
    const denied = await expectTrpcError(ben.trpc.trips.getTripSummary.query({ tripId: trip.id }));
    const missing = await expectTrpcError(ben.trpc.trips.getTripSummary.query({ tripId: 999999 }));
    expect(denied.code).toBe('NOT_FOUND');
    expect(denied.message).toBe(`Trip ${trip.id} not found or you are not a member`);
    expect(missing.message).toBe('Trip 999999 not found or you are not a member');
  });
});
