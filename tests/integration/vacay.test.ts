// Vacay through real HTTP and a real database: the booking rules hold for the browser and for a bearer token alike,
// reading never writes (a fresh user gets defaults, stats derive carry-over), settings never delete booked days,
// public holidays from offline data in the reader's language, and shared plans (invite, accept, decline, cancel,
// leave, dissolve) keep everyone's days and tell every person of the plan on their private channel.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import { procedureSuite } from '../helpers/procedure-suite';
import { bearerCaller, expectTrpcError, makeUser } from '../helpers/users';
import { createOAuthToken } from './mcp.helpers';

const suite = procedureSuite(0);
let server: TestServer;
beforeAll(() => {
  server = suite.server;
});

const person = (displayName: string) => makeUser(server, { displayName });
const vacayRows = async () => {
  const db = server.services.db;
  return {
    plans: await db.vacayPlan.count(),
    members: await db.vacayPlanMember.count(),
    years: await db.vacayYear.count(),
    allowances: await db.vacayAllowance.count(),
    entries: await db.vacayEntry.count(),
    company: await db.vacayCompanyHoliday.count(),
    calendars: await db.vacayHolidayCalendar.count(),
  };
};
const eventsTo = (userId: number) => suite.events.filter((e) => e.channel === `private-user-${userId}`).map((e) => e.event);

/** A user with a plan holding 2026 and 2027. */
async function planner(name: string) {
  const u = await person(name);
  await u.trpc.vacay.addVacayYear.mutate({ year: 2026 });
  await u.trpc.vacay.addVacayYear.mutate({ year: 2027 });
  suite.clearEvents();
  return u;
}

describe('reading never writes', () => {
  it('a user without a plan reads the defaults, this year and zero figures, and nothing is stored', async () => {
    const u = await person('Fresh');
    const before = await vacayRows();
    const plan = await u.trpc.vacay.getVacayPlan.query();
    expect(plan).toMatchObject({
      plan: { id: null, blockWeekends: true, weekendDays: [0, 6], holidaysEnabled: false, companyHolidaysEnabled: true, carryOverEnabled: true },
      years: [new Date().getUTCFullYear()],
      users: [{ id: u.user.id }],
      isOwner: true,
      isFused: false,
    });
    const { stats } = await u.trpc.vacay.getVacayStats.query({ year: 2030 });
    expect(stats).toEqual([expect.objectContaining({ userId: u.user.id, vacationDays: 30, carriedOver: 0, used: 0, remaining: 30 })]);
    await u.trpc.vacay.getVacayEntries.query({ year: 2030 });
    await u.trpc.vacay.listVacayYears.query();
    expect(await vacayRows()).toEqual(before);
  });

  it('carry-over is derived from the year before and follows later changes; reading stats stores nothing', async () => {
    const u = await planner('Carry');
    await u.trpc.vacay.updateVacayStats.mutate({ year: 2026, vacationDays: 10 });
    await u.trpc.vacay.setVacayEntries.mutate({ dates: ['2026-03-02', '2026-03-03', '2026-03-04'], booked: true });
    const before = await vacayRows();
    const first = await u.trpc.vacay.getVacayStats.query({ year: 2027 });
    expect(first.stats[0]).toMatchObject({ vacationDays: 30, carriedOver: 7, totalAvailable: 37, used: 0, remaining: 37 });
    expect(await vacayRows()).toEqual(before);
    // Booking more in 2026 lowers 2027's carry at once (nothing stale was stored).
    await u.trpc.vacay.toggleVacayEntry.mutate({ date: '2026-03-05' });
    expect((await u.trpc.vacay.getVacayStats.query({ year: 2027 })).stats[0]).toMatchObject({ carriedOver: 6 });
    await u.trpc.vacay.updateVacayPlan.mutate({ carryOverEnabled: false });
    expect((await u.trpc.vacay.getVacayStats.query({ year: 2027 })).stats[0]).toMatchObject({ carriedOver: 0, totalAvailable: 30 });
  });
});

describe('booking rules, whichever door', () => {
  it('a weekend day cannot be booked while blocking is on, in the browser and over a bearer token; nothing is written', async () => {
    const u = await planner('Weekend');
    const { token } = await createOAuthToken(server, u.user.id, ['vacay:write']);
    const agent = await bearerCaller(server, token);
    const before = await vacayRows();
    const fromBrowser = await expectTrpcError(u.trpc.vacay.toggleVacayEntry.mutate({ date: '2027-05-01' })); // a Saturday
    expect(fromBrowser).toMatchObject({ code: 'BAD_REQUEST', data: { i18n: { key: 'errors.vacayWeekendBlocked', params: { date: '2027-05-01' } } } });
    await expect(agent.vacay.toggleVacayEntry({ date: '2027-05-02' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('weekend') });
    // All or nothing: one blocked day in a batch books none of them.
    await expect(agent.vacay.setVacayEntries({ dates: ['2027-04-30', '2027-05-01'], booked: true })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await vacayRows()).toEqual(before);
    expect(suite.events).toEqual([]);
  });

  it('weekend days are configurable, and turning blocking off allows weekends', async () => {
    const u = await planner('Fridays');
    await u.trpc.vacay.updateVacayPlan.mutate({ weekendDays: [5, 6] });
    await expect(u.trpc.vacay.toggleVacayEntry.mutate({ date: '2027-04-30' })).rejects.toMatchObject({ data: { i18n: { key: 'errors.vacayWeekendBlocked' } } }); // a Friday
    expect(await u.trpc.vacay.toggleVacayEntry.mutate({ date: '2027-05-02' })).toEqual({ action: 'added', date: '2027-05-02' }); // a Sunday is a working day now
    await u.trpc.vacay.updateVacayPlan.mutate({ blockWeekends: false });
    expect(await u.trpc.vacay.toggleVacayEntry.mutate({ date: '2027-04-30' })).toMatchObject({ action: 'added' });
  });

  it('a company holiday cannot be booked; days booked before it became one are kept but not counted', async () => {
    const u = await planner('Company');
    await u.trpc.vacay.toggleVacayEntry.mutate({ date: '2027-12-23' });
    await u.trpc.vacay.toggleCompanyHoliday.mutate({ date: '2027-12-23', note: 'Closed' });
    await u.trpc.vacay.toggleCompanyHoliday.mutate({ date: '2027-12-24' });
    await expect(u.trpc.vacay.toggleVacayEntry.mutate({ date: '2027-12-24' })).rejects.toMatchObject({ data: { i18n: { key: 'errors.vacayCompanyHolidayBlocked' } } });
    const entries = await u.trpc.vacay.getVacayEntries.query({ year: 2027 });
    expect(entries.entries.map((e) => e.date)).toEqual(['2027-12-23']);
    expect(entries.companyHolidays).toEqual([expect.objectContaining({ date: '2027-12-23', note: 'Closed' }), expect.objectContaining({ date: '2027-12-24', note: '' })]);
    expect((await u.trpc.vacay.getVacayStats.query({ year: 2027 })).stats[0]).toMatchObject({ used: 0 });
    // Turning company holidays off makes the kept day count again, and the 24th bookable.
    await u.trpc.vacay.updateVacayPlan.mutate({ companyHolidaysEnabled: false });
    expect((await u.trpc.vacay.getVacayStats.query({ year: 2027 })).stats[0]).toMatchObject({ used: 1 });
    expect(await u.trpc.vacay.toggleVacayEntry.mutate({ date: '2027-12-24' })).toMatchObject({ action: 'added' });
  });

  it('a date outside the plan years is refused with the reason', async () => {
    const u = await planner('Years');
    await expect(u.trpc.vacay.toggleVacayEntry.mutate({ date: '2031-03-03' })).rejects.toMatchObject({ data: { i18n: { key: 'errors.vacayYearNotInPlan' } } });
  });

  it('the addon switched off refuses every vacay call', async () => {
    const u = await person('Off');
    await server.services.addons.set('vacay', false);
    try {
      await expect(u.trpc.vacay.getVacayPlan.query()).rejects.toMatchObject({ data: { code: 'FORBIDDEN', i18n: { key: 'errors.addonDisabled' } } });
    } finally {
      await server.services.addons.set('vacay', true);
    }
  });
});

describe('public holidays', () => {
  it('several calendars with labels and colours; names in the reader’s language; holidays are not counted and never deleted', async () => {
    const u = await planner('Holidays');
    await u.trpc.vacay.toggleVacayEntry.mutate({ date: '2027-01-06' }); // Epiphany, a holiday in Bavaria
    await u.trpc.vacay.toggleVacayEntry.mutate({ date: '2027-01-07' });
    const { calendar: bavaria } = await u.trpc.vacay.addHolidayCalendar.mutate({ region: 'de-by', label: 'Munich office', color: '#FF0000' });
    const { calendar: france } = await u.trpc.vacay.addHolidayCalendar.mutate({ region: 'FR' });
    expect(bavaria).toMatchObject({ region: 'DE-BY', label: 'Munich office', color: '#ff0000' });
    expect((await u.trpc.vacay.getVacayPlan.query()).plan).toMatchObject({ holidaysEnabled: true, holidayCalendars: [{ id: bavaria.id }, { id: france.id, color: '#fecaca' }] });

    const { holidays } = await u.trpc.vacay.getPlanHolidays.query({ year: 2027 });
    expect(holidays).toContainEqual(expect.objectContaining({ date: '2027-01-06', name: 'Epiphany', localName: 'Heilige Drei Könige', calendarId: bavaria.id, label: 'Munich office', color: '#ff0000' }));
    expect(holidays).toContainEqual(expect.objectContaining({ date: '2027-07-14', calendarId: france.id }));
    expect((await u.trpc.vacay.getVacayStats.query({ year: 2027 })).stats[0]).toMatchObject({ used: 1 });

    // Settings changes keep every booked day, holidays included.
    await u.trpc.vacay.updateVacayPlan.mutate({ holidaysEnabled: false });
    await u.trpc.vacay.updateVacayPlan.mutate({ holidaysEnabled: true, blockWeekends: true });
    expect((await u.trpc.vacay.getVacayEntries.query({ year: 2027 })).entries.map((e) => e.date)).toEqual(['2027-01-06', '2027-01-07']);

    await server.services.db.user.update({ where: { id: u.user.id }, data: { language: 'de' } });
    const german = await u.trpc.vacay.listHolidays.query({ country: 'DE-BY', year: 2027 });
    expect(german.holidays).toContainEqual(expect.objectContaining({ date: '2027-01-06', name: 'Heilige Drei Könige', global: false }));
    expect(german.holidays).toContainEqual(expect.objectContaining({ date: '2027-10-03', name: 'Tag der Deutschen Einheit', global: true }));
    const countries = await u.trpc.vacay.listHolidayCountries.query();
    expect(countries.countries).toContainEqual({ countryCode: 'DE', name: 'Deutschland' });
    // The page may speak another language than the account (chosen by the browser): names follow the page.
    expect((await u.trpc.vacay.getPlanHolidays.query({ year: 2027 })).holidays).toContainEqual(expect.objectContaining({ date: '2027-01-06', name: 'Heilige Drei Könige' }));
    expect((await u.trpc.vacay.getPlanHolidays.query({ year: 2027, language: 'en' })).holidays).toContainEqual(expect.objectContaining({ date: '2027-01-06', name: 'Epiphany' }));
  });

  it('an unknown region is a clear BAD_REQUEST and nothing is written', async () => {
    const u = await planner('Nowhere');
    const before = await vacayRows();
    await expect(u.trpc.vacay.addHolidayCalendar.mutate({ region: 'XX' })).rejects.toMatchObject({ data: { code: 'BAD_REQUEST', i18n: { key: 'errors.vacayUnknownRegion' } } });
    await expect(u.trpc.vacay.addHolidayCalendar.mutate({ region: 'DE-ZZ' })).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });
    expect(await vacayRows()).toEqual(before);
  });
});

describe('shared plans', () => {
  it('invite → accept fuses the plans live; both see both; leaving keeps everyone’s days', async () => {
    const anna = await planner('Anna');
    const ben = await planner('Ben');
    await anna.trpc.vacay.setVacayColor.mutate({ color: '#112233' });
    await ben.trpc.vacay.toggleVacayEntry.mutate({ date: '2027-06-01' });
    suite.clearEvents();

    const { users } = await anna.trpc.vacay.getAvailableVacayUsers.query();
    expect(users).toContainEqual({ id: ben.user.id, username: ben.user.username, displayName: 'Ben' });
    expect(JSON.stringify(users)).not.toContain('@example.test');
    const { planId } = await anna.trpc.vacay.sendVacayInvite.mutate({ targetUserId: ben.user.id });
    expect(eventsTo(ben.user.id)).toEqual(['vacay.invite.received']);
    expect((await ben.trpc.vacay.getVacayPlan.query()).incomingInvites).toEqual([expect.objectContaining({ planId, ownerName: 'Anna' })]);
    await expect(anna.trpc.vacay.sendVacayInvite.mutate({ targetUserId: ben.user.id })).rejects.toMatchObject({ data: { code: 'CONFLICT' } });

    suite.clearEvents();
    await ben.trpc.vacay.acceptVacayInvite.mutate({ planId });
    expect(eventsTo(anna.user.id)).toContain('vacay.plan.changed');
    expect(eventsTo(ben.user.id)).toContain('vacay.plan.changed');
    const shared = await ben.trpc.vacay.getVacayPlan.query();
    expect(shared).toMatchObject({ plan: { id: planId }, isOwner: false, isFused: true });
    expect(shared.users.map((p) => [p.displayName, p.color])).toEqual([['Anna', '#112233'], ['Ben', expect.stringMatching(/^#/)]]);

    suite.clearEvents();
    await anna.trpc.vacay.toggleVacayEntry.mutate({ date: '2027-06-02' });
    expect(eventsTo(ben.user.id)).toEqual(['vacay.entries.changed']);
    const seen = await ben.trpc.vacay.getVacayEntries.query({ year: 2027 });
    expect(seen.entries.map((e) => [e.personName, e.date])).toEqual([['Ben', '2027-06-01'], ['Anna', '2027-06-02']]);
    expect((await anna.trpc.vacay.getVacayStats.query({ year: 2027 })).stats.map((s) => s.used)).toEqual([1, 1]);

    await anna.trpc.vacay.toggleCompanyHoliday.mutate({ date: '2027-12-24' });
    await ben.trpc.vacay.dissolveVacayPlan.mutate();
    const alone = await ben.trpc.vacay.getVacayPlan.query();
    expect(alone).toMatchObject({ isOwner: true, isFused: false });
    expect(alone.plan.id).not.toBe(planId);
    const bensOwn = await ben.trpc.vacay.getVacayEntries.query({ year: 2027 });
    expect(bensOwn.entries.map((e) => e.date)).toEqual(['2027-06-01']);
    expect(bensOwn.companyHolidays.map((c) => c.date)).toEqual(['2027-12-24']);
    expect((await anna.trpc.vacay.getVacayEntries.query({ year: 2027 })).entries.map((e) => e.date)).toEqual(['2027-06-02']);
  });

  it('the owner dissolving sends everyone home with their days; pending invitations end', async () => {
    const owner = await planner('Olga');
    const member = await planner('Milo');
    const invited = await planner('Ines');
    const { planId } = await owner.trpc.vacay.sendVacayInvite.mutate({ targetUserId: member.user.id });
    await owner.trpc.vacay.sendVacayInvite.mutate({ targetUserId: invited.user.id });
    await member.trpc.vacay.acceptVacayInvite.mutate({ planId });
    await member.trpc.vacay.toggleVacayEntry.mutate({ date: '2027-03-01' });
    suite.clearEvents();
    const { left } = await owner.trpc.vacay.dissolveVacayPlan.mutate();
    expect(left).toEqual([member.user.id]);
    expect(eventsTo(member.user.id)).toContain('vacay.plan.changed');
    expect(eventsTo(invited.user.id)).toContain('vacay.plan.changed');
    expect((await invited.trpc.vacay.getVacayPlan.query()).incomingInvites).toEqual([]);
    expect((await member.trpc.vacay.getVacayEntries.query({ year: 2027 })).entries.map((e) => e.date)).toEqual(['2027-03-01']);
  });

  it('decline and cancel end a pending invitation; only the owner invites; someone sharing a plan cannot accept another', async () => {
    const a = await planner('Ada');
    const b = await planner('Bo');
    const c = await planner('Cy');
    const { planId } = await a.trpc.vacay.sendVacayInvite.mutate({ targetUserId: b.user.id });
    await b.trpc.vacay.declineVacayInvite.mutate({ planId });
    await expect(b.trpc.vacay.acceptVacayInvite.mutate({ planId })).rejects.toMatchObject({ data: { code: 'NOT_FOUND', i18n: { key: 'errors.vacayNoInvite' } } });

    await a.trpc.vacay.sendVacayInvite.mutate({ targetUserId: c.user.id });
    await a.trpc.vacay.cancelVacayInvite.mutate({ targetUserId: c.user.id });
    expect((await c.trpc.vacay.getVacayPlan.query()).incomingInvites).toEqual([]);

    const { planId: cPlan } = await c.trpc.vacay.sendVacayInvite.mutate({ targetUserId: a.user.id });
    await a.trpc.vacay.sendVacayInvite.mutate({ targetUserId: b.user.id });
    await b.trpc.vacay.acceptVacayInvite.mutate({ planId });
    await expect(b.trpc.vacay.sendVacayInvite.mutate({ targetUserId: c.user.id })).rejects.toMatchObject({ data: { code: 'FORBIDDEN', i18n: { key: 'errors.vacayOwnerOnly' } } });
    // Someone in a shared plan (as member or as its owner) can neither accept another nor be invited into one.
    await expect(a.trpc.vacay.acceptVacayInvite.mutate({ planId: cPlan })).rejects.toMatchObject({ data: { code: 'CONFLICT', i18n: { key: 'errors.vacayAlreadyShared' } } });
    await expect(c.trpc.vacay.sendVacayInvite.mutate({ targetUserId: b.user.id })).rejects.toMatchObject({ data: { code: 'CONFLICT', i18n: { key: 'errors.vacayAlreadyShared' } } });
    await c.trpc.vacay.cancelVacayInvite.mutate({ targetUserId: a.user.id });
    await expect(c.trpc.vacay.sendVacayInvite.mutate({ targetUserId: a.user.id })).rejects.toMatchObject({ data: { code: 'CONFLICT', i18n: { key: 'errors.vacayAlreadyShared' } } });
  });
});
