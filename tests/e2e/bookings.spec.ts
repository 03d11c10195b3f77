// The Bookings tab in a real browser: a hotel reservation and a two-leg flight added through the dialogs (with the
// airport picker), seen in the tab and on the days of the plan, in English and in Arabic (right to left).
import { test, expect, type Page, type Locator } from '@playwright/test';
import { mutateFromPage, queryFromPage, registerUser, switchLanguage } from './fixtures';

async function createTrip(page: Page, title: string) {
  const { trip } = await mutateFromPage(page, 'trips.createTrip', { title, startDate: '2027-05-01', endDate: '2027-05-03' });
  return trip.id as number;
}

const day = (page: Page, n: number) => page.getByTestId('day').nth(n - 1);

async function pickAirport(leg: Locator, label: string, code: string) {
  await leg.getByRole('combobox', { name: label }).fill(code);
  await leg.getByRole('option', { name: new RegExp(`^${code} `) }).click();
}

test('add a hotel and a two-leg flight in the Bookings tab; both show in the tab and on their days', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await registerUser(page, { displayName: 'Bea Booker' });
  const tripId = await createTrip(page, 'Iberia');
  await page.goto(`/trips/${tripId}`);
  await expect(page.getByTestId('day')).toHaveCount(3);
  // A click before hydration does nothing: click until the tab shows.
  await expect(async () => {
    await page.getByRole('button', { name: 'Bookings' }).click();
    await expect(page.getByTestId('bookings-tab')).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(page.getByText('No bookings yet')).toBeVisible();

  await page.getByRole('button', { name: 'Add reservation' }).click();
  const dialog = page.getByTestId('booking-dialog');
  await dialog.getByLabel('Type').selectOption('hotel');
  await dialog.getByLabel('Title').fill('Hotel Lisboa');
  await dialog.getByLabel('Starts', { exact: true }).fill('2027-05-01T15:00');
  await dialog.getByLabel('Ends', { exact: true }).fill('2027-05-03T11:00');
  await dialog.getByLabel('Time zone').fill('Europe/Lisbon');
  await dialog.getByLabel('Confirmation number').fill('HL-2027');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const hotel = page.getByTestId('booking').filter({ hasText: 'Hotel Lisboa' }).first();
  await expect(hotel).toContainText('Pending');
  await expect(hotel).toContainText('3:00 PM');
  await expect(hotel).toContainText('Europe/Lisbon');

  await page.getByRole('button', { name: 'Add transport' }).click();
  await dialog.getByLabel('Type').selectOption('flight');
  await dialog.getByLabel('Title').fill('Onward flight');
  await dialog.getByLabel('Status').selectOption('confirmed');
  await dialog.getByRole('button', { name: 'Add leg' }).click();
  const legs = dialog.getByTestId('leg-editor');
  await expect(legs).toHaveCount(2);
  await pickAirport(legs.nth(0), 'From', 'LIS');
  await pickAirport(legs.nth(0), 'To', 'MAD');
  await legs.nth(0).getByRole('textbox', { name: 'Departure', exact: true }).fill('2027-05-02T07:00');
  await legs.nth(0).getByRole('textbox', { name: 'Arrival', exact: true }).fill('2027-05-02T09:20');
  await legs.nth(0).getByLabel('Number (e.g. LH 1234)').fill('IB 3105');
  await pickAirport(legs.nth(1), 'From', 'MAD');
  await pickAirport(legs.nth(1), 'To', 'FRA');
  await legs.nth(1).getByRole('textbox', { name: 'Departure', exact: true }).fill('2027-05-02T11:00');
  await legs.nth(1).getByRole('textbox', { name: 'Arrival', exact: true }).fill('2027-05-02T13:35');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const flight = page.getByTestId('booking').filter({ hasText: 'Onward flight' });
  await expect(flight).toContainText('Confirmed');
  // each time in its airport's zone: 07:00 in Lisbon, 09:20 in Madrid
  await expect(flight.getByTestId('booking-leg')).toHaveCount(2);
  await expect(flight.getByTestId('booking-leg').first()).toContainText('LIS');
  await expect(flight.getByTestId('booking-leg').first()).toContainText('7:00 AM');
  await expect(flight.getByTestId('booking-leg').first()).toContainText('9:20 AM');

  await page.getByRole('button', { name: 'Plan' }).click();
  await expect(day(page, 1).getByTestId('day-booking')).toContainText(['Hotel Lisboa']);
  await expect(day(page, 2).getByTestId('day-booking').filter({ hasText: 'Onward flight' })).toHaveCount(2);
  await expect(day(page, 2).getByTestId('day-booking').filter({ hasText: 'Onward flight' }).first()).toContainText('7:00 AM'); // the reader's clock (decision 033)

  await page.reload();
  await expect(day(page, 2).getByTestId('day-booking').filter({ hasText: 'MAD → FRA' })).toHaveCount(1);
  expect(pageErrors).toEqual([]);
});

test('in Arabic the Bookings tab reads right to left with translated statuses, and the day shows the flight', async ({ page }) => {
  await registerUser(page, { displayName: 'Bea Booker' });
  const tripId = await createTrip(page, 'Iberia');
  await mutateFromPage(page, 'reservations.createReservation', {
    tripId,
    title: 'Hotel Lisboa',
    type: 'hotel',
    reservationTime: '2027-05-01T15:00',
    timeZone: 'Europe/Lisbon',
  });
  await mutateFromPage(page, 'reservations.createTransport', {
    tripId,
    type: 'flight',
    title: 'Onward flight',
    status: 'confirmed',
    legs: [
      { from: { airport: 'LIS' }, to: { airport: 'MAD' }, departureTime: '2027-05-02T07:00', arrivalTime: '2027-05-02T09:20' },
      { from: { airport: 'MAD' }, to: { airport: 'FRA' }, departureTime: '2027-05-02T11:00', arrivalTime: '2027-05-02T13:35' },
    ],
  });
  await switchLanguage(page, 'ar');
  await page.goto(`/trips/${tripId}?tab=bookings`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('button', { name: 'الحجوزات' })).toHaveAttribute('aria-current', 'page');
  const hotel = page.getByTestId('booking').filter({ hasText: 'Hotel Lisboa' });
  await expect(hotel.getByTestId('booking-status')).toHaveText('قيد الانتظار');
  const flight = page.getByTestId('booking').filter({ hasText: 'Onward flight' });
  await expect(flight.getByTestId('booking-status')).toHaveText('مؤكد');
  await expect(flight.getByTestId('booking-leg')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'إضافة وسيلة نقل' })).toBeVisible();

  await page.goto(`/trips/${tripId}`);
  await expect(day(page, 2).getByTestId('day-booking').filter({ hasText: 'Onward flight' })).toHaveCount(2);
  await expect(day(page, 1).getByTestId('day-booking')).toContainText(['Hotel Lisboa']);
});

test('a booking with a price goes into the budget with one click, and then says it is there', async ({ page }) => {
  await registerUser(page, { displayName: 'Pia Price' });
  const tripId = await createTrip(page, 'Douro');
  await mutateFromPage(page, 'reservations.createReservation', { tripId, title: 'Wine cellar tour', type: 'tour', priceMinor: 4250, currency: 'EUR' });
  await page.goto(`/trips/${tripId}?tab=bookings`);
  const booking = page.getByTestId('booking').filter({ hasText: 'Wine cellar tour' });
  await booking.getByRole('button', { name: 'Add to budget' }).click();
  await expect(booking.getByTestId('booking-in-budget')).toHaveText('In the budget');
  const { items } = await queryFromPage(page, 'budget.listBudgetItems', { tripId });
  expect(items).toMatchObject([{ name: 'Wine cellar tour', totalPrice: '42.50', currency: 'EUR' }]);
});
