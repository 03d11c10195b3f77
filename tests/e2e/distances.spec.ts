// Issue 19: distances on screen in the reader's unit and language. A day with three Lisbon places shows its route
// length and the distance from place to place in km; when a member moves a place the figures follow without reload;
// a switch to miles in Settings turns them into miles; German writes a decimal comma, in Bookings too.
import { test, expect } from '@playwright/test';
import { hydrated, makePerson, signedInContext, startOwnServer, type RunningServer } from './own-server';
import { mutateFromPage } from './fixtures';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => {
  await server?.close();
});

const year = new Date().getUTCFullYear() + 1;
const day1 = new Date(`${year}-05-01T00:00:00Z`);

/** Belém → Baixa is 7.2 km, Baixa → Alfama 446 m: the day's route 7.6 km (4.7 mi). */
async function lisbonDay(ownerId: number, memberId?: number) {
  const db = server.services.db;
  const trip = await db.trip.create({
    data: {
      ownerId,
      title: 'Lisbon',
      startDate: day1,
      endDate: day1,
      days: { create: [{ position: 0, date: day1 }] },
      ...(memberId ? { members: { create: [{ userId: memberId }] } } : {}),
    },
    include: { days: true },
  });
  const places = [
    { name: 'Belém Tower', lat: 38.6916, lng: -9.2157 },
    { name: 'Baixa', lat: 38.7107, lng: -9.1366 },
    { name: 'Alfama', lat: 38.7139, lng: -9.1335 },
  ];
  const created = [];
  for (const [position, place] of places.entries()) {
    const row = await db.place.create({ data: { tripId: trip.id, ...place } });
    await db.assignment.create({ data: { dayId: trip.days[0].id, placeId: row.id, position } });
    created.push(row);
  }
  return { trip, alfama: created[2] };
}

test('the day shows its route and each leg in km, follows a moved place live, and turns to miles in Settings', async ({ browser }) => {
  const sam = await makePerson(server, 'Sam Metric');
  const mia = await makePerson(server, 'Mia Mover');
  const { trip, alfama } = await lisbonDay(sam.user.id, mia.user.id);
  // An Irish browser reading English: kilometres by the region's custom.
  const context = await signedInContext(browser, server, sam.token, { locale: 'en-IE' });
  const miaContext = await signedInContext(browser, server, mia.token, { locale: 'en-IE' });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/trips/${trip.id}`);
    const day = page.getByTestId('day');
    await expect(day.getByTestId('day-route')).toContainText('7.6 km');
    await expect(day.getByTestId('day-route')).toHaveAttribute('title', 'Route of the day: 7.6 km in straight lines between its places');
    const legs = day.getByTestId('leg-distance');
    await expect(legs).toHaveCount(2);
    await expect(legs.nth(0)).toContainText('↓ 7.2 km');
    await expect(legs.nth(0)).toHaveAttribute('title', '7.2 km to Baixa in a straight line');
    await expect(legs.nth(1)).toContainText('↓ 446 m');

    // Mia moves the last place out to Cabo da Roca: Sam's open planner follows (Baixa → Cabo da Roca is 32.4 km).
    const miaPage = await miaContext.newPage();
    await miaPage.goto(`${server.url}/trips/${trip.id}`);
    await hydrated(miaPage);
    // Sam's planner is listening once it sees Mia there.
    await expect(page.getByTestId('presence-avatar').filter({ hasText: 'MM' })).toBeVisible();
    await mutateFromPage(miaPage, 'places.updatePlace', { tripId: trip.id, placeId: alfama.id, lat: 38.7804, lng: -9.4989 });
    await expect(day.getByTestId('day-route')).toContainText('39.5 km');
    await expect(legs.nth(1)).toContainText('↓ 32.4 km');

    await page.goto(`${server.url}/settings`);
    await hydrated(page);
    await page.getByLabel('Distances').selectOption('mi');
    await page.getByRole('button', { name: 'Save display settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Display settings saved.' })).toBeVisible();
    await page.goto(`${server.url}/trips/${trip.id}`);
    await expect(day.getByTestId('day-route')).toContainText('24.6 mi');
    await expect(legs.nth(0)).toContainText('↓ 4.5 mi');
    await expect(legs.nth(1)).toContainText('↓ 20.1 mi');
  } finally {
    await context.close();
    await miaContext.close();
  }
});

test('a transport leg to a place follows it: another member moves the place and the open Bookings tab shows the new distance', async ({ browser }) => {
  const tom = await makePerson(server, 'Tom Taxi');
  const mia = await makePerson(server, 'Mia Mover');
  const { trip, alfama } = await lisbonDay(tom.user.id, mia.user.id);
  // saved when Alfama was still in Alfama: the leg's own copy of its coordinates stays there (decision 044)
  await server.services.db.reservation.create({
    data: {
      tripId: trip.id,
      type: 'car',
      title: 'Taxi from the airport',
      status: 'confirmed',
      legs: {
        create: {
          sequence: 0,
          fromName: 'Lisbon Airport',
          fromCode: 'LIS',
          fromLat: 38.7813,
          fromLng: -9.1359,
          toName: alfama.name,
          toPlaceId: alfama.id,
          toLat: alfama.lat,
          toLng: alfama.lng,
          departsAt: new Date(`${year}-05-01T09:00:00Z`),
          departureZone: 'Europe/Lisbon',
          arrivesAt: new Date(`${year}-05-01T09:30:00Z`),
          arrivalZone: 'Europe/Lisbon',
        },
      },
    },
  });
  const context = await signedInContext(browser, server, tom.token, { locale: 'en-IE' });
  const miaContext = await signedInContext(browser, server, mia.token, { locale: 'en-IE' });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/trips/${trip.id}?tab=bookings`);
    const leg = page.getByTestId('booking-leg').filter({ hasText: 'LIS' }).getByTestId('leg-distance');
    await expect(leg).toContainText('7.5 km');

    const miaPage = await miaContext.newPage();
    await miaPage.goto(`${server.url}/trips/${trip.id}`);
    await hydrated(miaPage);
    await expect(page.getByTestId('presence-avatar').filter({ hasText: 'MM' })).toBeVisible();
    // out to Cabo da Roca: LIS → Cabo da Roca is 31.5 km
    await mutateFromPage(miaPage, 'places.updatePlace', { tripId: trip.id, placeId: alfama.id, lat: 38.7804, lng: -9.4989 });
    await expect(leg).toContainText('31.5 km');
    await page.reload();
    await expect(leg).toContainText('31.5 km');
  } finally {
    await context.close();
    await miaContext.close();
  }
});

test('German: a decimal comma in the planner and on a flight in Bookings', async ({ browser }) => {
  const jonas = await makePerson(server, 'Jonas Komma');
  await server.services.db.user.update({ where: { id: jonas.user.id }, data: { language: 'de' } });
  const { trip } = await lisbonDay(jonas.user.id);
  await server.services.db.reservation.create({
    data: {
      tripId: trip.id,
      type: 'flight',
      title: 'Nach Frankfurt',
      status: 'confirmed',
      legs: {
        create: {
          sequence: 0,
          fromName: 'Lisbon Airport',
          fromCode: 'LIS',
          fromLat: 38.7813,
          fromLng: -9.1359,
          toName: 'Frankfurt Airport',
          toCode: 'FRA',
          toLat: 50.0379,
          toLng: 8.5622,
          departsAt: new Date(`${year}-05-01T07:00:00Z`),
          departureZone: 'Europe/Lisbon',
          arrivesAt: new Date(`${year}-05-01T10:35:00Z`),
          arrivalZone: 'Europe/Berlin',
        },
      },
    },
  });
  const context = await signedInContext(browser, server, jonas.token, { locale: 'de-DE' });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/trips/${trip.id}`);
    const day = page.getByTestId('day');
    await expect(day.getByTestId('day-route')).toContainText('7,6 km');
    await expect(day.getByTestId('day-route')).toHaveAttribute('title', 'Strecke des Tages: 7,6 km Luftlinie zwischen seinen Orten');
    await expect(day.getByTestId('leg-distance').first()).toContainText('↓ 7,2 km');

    await page.goto(`${server.url}/trips/${trip.id}?tab=bookings`);
    const leg = page.getByTestId('booking-leg').filter({ hasText: 'LIS' });
    await expect(leg.getByTestId('leg-distance')).toContainText('1.874 km');
    await expect(leg.getByTestId('leg-distance')).toHaveAttribute('title', 'Entfernung (Großkreis): 1.874 km');
  } finally {
    await context.close();
  }
});
