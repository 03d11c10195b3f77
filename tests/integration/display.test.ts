// Display preferences over tRPC: saved per user, bad input refused with nothing written, and the pages follow them
// from the first byte (the theme class on <html>, no script needed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { expectTrpcError, makeUser } from '../helpers/users';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const page = async (cookie: string, acceptLanguage = 'en-US') => (await fetch(`${server.url}/settings`, { headers: { Cookie: cookie, 'Accept-Language': acceptLanguage } })).text();

describe('display preferences', () => {
  it('start unset, are saved field by field, and null returns one to the language’s default', async () => {
    const anna = await makeUser(server);
    expect((await anna.trpc.account.me.query()).user).toMatchObject({ theme: null, timeFormat: null, weekStart: null, distanceUnit: null, temperatureUnit: null });
    const { display } = await anna.trpc.account.updateDisplay.mutate({ theme: 'dark', timeFormat: '12h', weekStart: 'saturday', distanceUnit: 'mi', temperatureUnit: 'fahrenheit' });
    expect(display).toEqual({ theme: 'dark', timeFormat: '12h', weekStart: 'saturday', distanceUnit: 'mi', temperatureUnit: 'fahrenheit' });
    await anna.trpc.account.updateDisplay.mutate({ weekStart: null });
    const row = await server.services.db.user.findUniqueOrThrow({ where: { id: anna.user.id } });
    expect(row).toMatchObject({ theme: 'dark', timeFormat: '12h', weekStart: null, distanceUnit: 'mi', temperatureUnit: 'fahrenheit' });
    expect((await anna.trpc.account.me.query()).user).toMatchObject({ theme: 'dark', weekStart: null });
  });

  it('refuses an unknown value naming the field, and writes nothing of the call', async () => {
    const anna = await makeUser(server);
    await anna.trpc.account.updateDisplay.mutate({ timeFormat: '24h' });
    const error = await expectTrpcError(anna.trpc.account.updateDisplay.mutate({ theme: 'dark', timeFormat: '13h' as never }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('timeFormat');
    for (const bad of [{ theme: 'sepia' }, { weekStart: 'tuesday' }, { distanceUnit: 'leagues' }, { temperatureUnit: 'kelvin' }]) {
      expect((await expectTrpcError(anna.trpc.account.updateDisplay.mutate(bad as never))).code).toBe('BAD_REQUEST');
    }
    const row = await server.services.db.user.findUniqueOrThrow({ where: { id: anna.user.id } });
    expect(row).toMatchObject({ theme: null, timeFormat: '24h', weekStart: null, distanceUnit: null, temperatureUnit: null });
  });

  it('the page is dark from its first byte once chosen, and follows the device otherwise', async () => {
    const anna = await makeUser(server);
    expect(await page(anna.cookie)).toMatch(/<html lang="en" dir="ltr" class="h-full" data-theme="system"/);
    await anna.trpc.account.updateDisplay.mutate({ theme: 'dark' });
    expect(await page(anna.cookie)).toMatch(/<html lang="en" dir="ltr" class="h-full dark" data-theme="dark"/);
    await anna.trpc.account.updateDisplay.mutate({ theme: 'light' });
    expect(await page(anna.cookie)).toMatch(/class="h-full" data-theme="light"/);
  });

  it('the settings page offers the regional defaults of the browser’s region, named', async () => {
    const anna = await makeUser(server);
    const us = await page(anna.cookie, 'en-US');
    expect(us).toContain('Automatic: 2:30 PM');
    expect(us).toContain('Automatic: Sunday');
    const gb = await page(anna.cookie, 'en-GB,en;q=0.8');
    expect(gb).toContain('Automatic: 14:30');
    expect(gb).toContain('Automatic: Monday');
    expect(gb).toContain('Automatic: Miles');
  });
});
