// A trip's public link in real browsers: the owner makes it in the planner's Share dialog (the full link is shown
// once), a signed-out browser in German opens it and sees the read-only trip in German, and rotating the link kills
// the old one at once while the new one works.
import { test, expect } from '@playwright/test';
import { makePerson, signedInContext, startOwnServer, type RunningServer } from './own-server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => {
  await server?.close();
});

test('a shared link opens signed out; rotating kills the old one', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna');
  const db = server.services.db;
  const trip = await db.trip.create({
    data: { ownerId: anna.user.id, title: 'Kyoto in spring', days: { create: [{ position: 0, date: new Date('2027-04-01T00:00:00Z') }] } },
    include: { days: true },
  });
  const place = await db.place.create({ data: { tripId: trip.id, name: 'Fushimi Inari', lat: 34.967, lng: 135.772 } });
  await db.assignment.create({ data: { dayId: trip.days[0].id, placeId: place.id, position: 0 } });
  await db.reservation.create({ data: { tripId: trip.id, type: 'restaurant', title: 'Ryokan dinner', confirmationNumber: 'SECRET-77' } });

  const ownerContext = await signedInContext(browser, server, anna.token, { locale: 'en-US' });
  const visitorContext = await browser.newContext({ locale: 'de-DE', extraHTTPHeaders: { 'Accept-Language': 'de-DE,de;q=0.9' } });
  try {
    const owner = await ownerContext.newPage();
    const pageErrors: string[] = [];
    owner.on('pageerror', (error) => pageErrors.push(error.message));
    await owner.goto(`${server.url}/trips/${trip.id}`);
    const dialog = owner.getByRole('dialog', { name: 'Share this trip' });
    // A click before the page has hydrated does nothing, so click until the dialog opens.
    await expect(async () => {
      await owner.getByTestId('share-button').click();
      await expect(dialog).toBeVisible({ timeout: 1000 });
    }).toPass();
    await expect(dialog.getByText('This trip has no public link yet.')).toBeVisible();
    await dialog.getByLabel('Bookings and stays').check();
    await dialog.getByRole('button', { name: 'Create link' }).click();
    const urlField = dialog.getByTestId('share-url');
    await expect(urlField).toHaveValue(new RegExp(`^${server.url}/s/wms_[a-z2-7]{32}$`));
    const firstUrl = await urlField.inputValue();
    await expect(dialog.getByTestId('share-active')).toContainText(firstUrl.split('/s/')[1].slice(0, 8));

    // Signed out, in German: the read-only trip, bookings without their code, no way to edit.
    const visitor = await visitorContext.newPage();
    await visitor.goto(firstUrl);
    await expect(visitor.locator('html')).toHaveAttribute('lang', 'de');
    await expect(visitor.getByTestId('shared-title')).toHaveText('Kyoto in spring');
    await expect(visitor.getByTestId('shared-readonly')).toHaveText('Geteilte Reise · nur lesen');
    await expect(visitor.getByTestId('shared-days')).toContainText('Fushimi Inari');
    await expect(visitor.getByTestId('shared-bookings')).toContainText('Ryokan dinner');
    await expect(visitor.locator('body')).not.toContainText('SECRET-77');
    await expect(visitor.locator('body')).not.toContainText(anna.email);
    // Nothing to edit: no fields, no planner buttons (the map's zoom buttons are all there is).
    await expect(visitor.getByRole('textbox')).toHaveCount(0);
    await expect(visitor.getByRole('button', { name: /Bearbeiten|Teilen|Mitglieder/ })).toHaveCount(0);

    // Rotate (after a confirmation): the old link is dead at once, the new one works.
    await dialog.getByRole('button', { name: 'New link' }).click();
    const confirm = owner.getByRole('alertdialog', { name: 'Replace the link?' });
    await confirm.getByRole('button', { name: 'Replace link' }).click();
    await expect(urlField).not.toHaveValue(firstUrl);
    const secondUrl = await urlField.inputValue();
    expect(secondUrl).toMatch(/\/s\/wms_/);

    const gone = await visitor.goto(firstUrl);
    expect(gone?.status()).toBe(404);
    await expect(visitor.getByTestId('shared-gone')).toContainText('Dieser Link funktioniert nicht');
    await visitor.goto(secondUrl);
    await expect(visitor.getByTestId('shared-title')).toHaveText('Kyoto in spring');

    // Stop sharing: the new link dies too.
    await dialog.getByRole('button', { name: 'Stop sharing' }).click();
    await owner.getByRole('alertdialog', { name: 'Stop sharing this trip?' }).getByRole('button', { name: 'Stop sharing' }).click();
    await expect(dialog.getByText('This trip has no public link yet.')).toBeVisible();
    expect((await visitor.goto(secondUrl))?.status()).toBe(404);
    expect(pageErrors).toEqual([]);
  } finally {
    await ownerContext.close();
    await visitorContext.close();
  }
});
