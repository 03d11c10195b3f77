// An agent with the official MCP SDK client plans leave: it sees the 22 Vacay tools with honest annotations, adds a
// year and two holiday calendars, is refused a weekend day (the server's rule, not the UI's) with nothing written,
// books days, reads stats without writing, reads the three vacay resources (all calendars included) and invites a
// colleague, who sees the invitation in the browser. A read-only grant and a switched-off addon hide the write tools.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createOAuthToken, enableMcp } from './mcp.helpers';

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };

const VACAY_TOOLS = [
  'get_vacay_plan',
  'update_vacay_plan',
  'set_vacay_color',
  'get_available_vacay_users',
  'send_vacay_invite',
  'accept_vacay_invite',
  'decline_vacay_invite',
  'cancel_vacay_invite',
  'dissolve_vacay_plan',
  'list_vacay_years',
  'add_vacay_year',
  'delete_vacay_year',
  'get_vacay_entries',
  'toggle_vacay_entry',
  'toggle_company_holiday',
  'get_vacay_stats',
  'update_vacay_stats',
  'add_holiday_calendar',
  'update_holiday_calendar',
  'delete_holiday_calendar',
  'list_holiday_countries',
  'list_holidays',
];

let server: TestServer;
let client: Client;
let anna: Awaited<ReturnType<typeof makeUser>>;
let ben: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  server = await startTestServer();
  await enableMcp(server);
  anna = await makeUser(server, { displayName: 'Anna' });
  ben = await makeUser(server, { displayName: 'Ben' });
  const { token } = await createOAuthToken(server, anna.user.id, ['vacay:write']);
  ({ client } = await connect(server, token));
});
afterAll(async () => {
  await client?.close();
  await server?.close();
});

const call = (name: string, args: Record<string, unknown> = {}) => client.callTool({ name, arguments: args }) as Promise<ToolResult>;
const ok = async (name: string, args: Record<string, unknown> = {}) => {
  const result = await call(name, args);
  expect(result.isError, `${name}: ${result.content[0]?.text}`).toBeFalsy();
  return result.structuredContent as Record<string, any>;
};
const read = async (uri: string) => JSON.parse(((await client.readResource({ uri })).contents[0] as { text: string }).text);
const countRows = async () => {
  const db = server.services.db;
  return [await db.vacayPlan.count(), await db.vacayEntry.count(), await db.vacayAllowance.count(), await db.vacayYear.count()];
};

describe('an agent plans leave', () => {
  it('offers all 22 Vacay tools; reads are read-only, dissolving and deleting are destructive', async () => {
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(VACAY_TOOLS.filter((name) => !byName.has(name))).toEqual([]);
    expect(byName.get('get_vacay_stats')!.annotations).toMatchObject({ readOnlyHint: true });
    expect(byName.get('get_vacay_stats')!.description).toMatch(/never stored/);
    expect(byName.get('dissolve_vacay_plan')!.annotations).toMatchObject({ destructiveHint: true });
    expect(byName.get('delete_vacay_year')!.annotations).toMatchObject({ destructiveHint: true });
    expect(byName.get('toggle_vacay_entry')!.description).toMatch(/server enforces/);
  });

  it('reading a fresh plan writes nothing', async () => {
    const before = await countRows();
    expect(await ok('get_vacay_plan')).toMatchObject({ plan: { id: null }, isOwner: true });
    await ok('get_vacay_stats', { year: 2027 });
    await read('waymark://vacay/plan');
    expect(await countRows()).toEqual(before);
  });

  it('adds a year and two calendars, is refused a weekend, books a weekday, and reads the resources', async () => {
    expect((await ok('add_vacay_year', { year: 2027 })).years).toContain(2027);
    const { calendar: bavaria } = await ok('add_holiday_calendar', { region: 'DE-BY', label: 'Munich', color: '#ff9900' });
    const { calendar: us } = await ok('add_holiday_calendar', { region: 'US', label: 'New York office' });

    const before = await countRows();
    const weekend = await call('toggle_vacay_entry', { date: '2027-07-03' }); // a Saturday
    expect(weekend.isError).toBe(true);
    expect(weekend.content[0]?.text).toMatch(/weekend/);
    expect(await countRows()).toEqual(before);

    expect(await ok('toggle_vacay_entry', { date: '2027-07-05' })).toEqual({ action: 'added', date: '2027-07-05' }); // Independence Day observed
    await ok('set_vacay_entries', { dates: ['2027-07-06', '2027-07-07'], booked: true });
    const afterBooking = await countRows();
    const { stats } = await ok('get_vacay_stats', { year: 2027 });
    // The public holiday is not counted (what carries over into 2027 depends on the plan's earlier years).
    expect(stats).toEqual([expect.objectContaining({ userId: anna.user.id, used: 2 })]);
    expect(stats[0].remaining).toBe(stats[0].totalAvailable - 2);
    expect(await countRows()).toEqual(afterBooking);

    const plan = await read('waymark://vacay/plan');
    expect(plan.plan.holidayCalendars.map((c: { id: number }) => c.id)).toEqual([bavaria.id, us.id]);
    const entries = await read('waymark://vacay/entries/2027');
    expect(entries.entries.map((e: { date: string }) => e.date)).toEqual(['2027-07-05', '2027-07-06', '2027-07-07']);
    const holidays = await read('waymark://vacay/holidays/2027');
    const calendarsSeen = new Set(holidays.holidays.map((h: { calendarId: number }) => h.calendarId));
    expect(calendarsSeen).toEqual(new Set([bavaria.id, us.id]));
    expect(holidays.holidays).toContainEqual(expect.objectContaining({ date: '2027-07-05', label: 'New York office' }));

    const { holidays: french } = await ok('list_holidays', { country: 'FR', year: 2027 });
    expect(french).toContainEqual(expect.objectContaining({ date: '2027-07-14', global: true }));
    const bad = await call('list_holidays', { country: 'Atlantis', year: 2027 });
    expect(bad.isError).toBe(true);
  });

  it('invites a colleague, who sees it in the browser and accepts there', async () => {
    const { users } = await ok('get_available_vacay_users');
    expect(users).toContainEqual(expect.objectContaining({ id: ben.user.id }));
    const { planId } = await ok('send_vacay_invite', { targetUserId: ben.user.id });
    expect((await ben.trpc.vacay.getVacayPlan.query()).incomingInvites).toEqual([expect.objectContaining({ planId, ownerName: 'Anna' })]);
    await ben.trpc.vacay.acceptVacayInvite.mutate({ planId });
    expect((await ok('get_vacay_plan')).users.map((u: { displayName: string }) => u.displayName)).toEqual(['Anna', 'Ben']);
  });

  it('a read-only grant sees no write tools; with the addon off there are no vacay tools at all', async () => {
    const { token } = await createOAuthToken(server, anna.user.id, ['vacay:read']);
    const { client: reader } = await connect(server, token);
    try {
      const names = (await reader.listTools()).tools.map((t) => t.name);
      expect(names).toContain('get_vacay_plan');
      expect(names).not.toContain('toggle_vacay_entry');
    } finally {
      await reader.close();
    }
    await server.services.addons.set('vacay', false);
    try {
      const { token: full } = await createOAuthToken(server, anna.user.id, ['vacay:write']);
      const { client: off } = await connect(server, full);
      try {
        expect((await off.listTools()).tools.map((t) => t.name).filter((n) => VACAY_TOOLS.includes(n))).toEqual([]);
      } finally {
        await off.close();
      }
    } finally {
      await server.services.addons.set('vacay', true);
    }
  });
});
