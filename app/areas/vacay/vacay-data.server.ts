// Vacay's queries: the active plan of a user (the shared plan they accepted, else their own), its people, years,
// entries, company holidays and public holidays, and the figures per person. Reads never write: a user without a
// plan reads the defaults; the first write creates their plan (ensureActivePlan).
import type { Prisma, VacayPlan } from '~/generated/prisma/client';
import type { DbLike } from '../trip-data.server';
import { toIsoDate } from '~/domain/dates';
import { DEFAULT_VACATION_DAYS, countsAgainstAllowance, defaultColorFor, yearFigures, yearRange, type DayRules } from './rules';
import { publicHolidays } from './holidays.server';

const planInclude = { calendars: { orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] }, years: { orderBy: { year: 'asc' } } } satisfies Prisma.VacayPlanInclude;
export type PlanRow = Prisma.VacayPlanGetPayload<{ include: typeof planInclude }>;

/** A plan as a user without one sees it: the defaults, this year, nothing stored. */
function defaultPlan(userId: number): PlanRow {
  return {
    id: 0,
    ownerId: userId,
    color: defaultColorFor(userId),
    blockWeekends: true,
    weekendDays: '0,6',
    weekStart: null,
    holidaysEnabled: false,
    companyHolidaysEnabled: true,
    carryOverEnabled: true,
    createdAt: new Date(0),
    calendars: [],
    years: [{ planId: 0, year: new Date().getUTCFullYear() }],
  };
}

/** The plan the user acts on: the shared plan they accepted, else their own, else (for reading) the defaults. */
export async function readActivePlan(db: DbLike, userId: number): Promise<PlanRow> {
  const membership = await db.vacayPlanMember.findFirst({ where: { userId, status: 'accepted' }, include: { plan: { include: planInclude } } });
  if (membership) return membership.plan;
  return (await db.vacayPlan.findUnique({ where: { ownerId: userId }, include: planInclude })) ?? defaultPlan(userId);
}

/** The user's own plan, created (with this year) on their first write. */
export async function ensureOwnPlan(db: DbLike, userId: number): Promise<VacayPlan> {
  const own = await db.vacayPlan.findUnique({ where: { ownerId: userId } });
  if (own) return own;
  return db.vacayPlan.create({
    data: { ownerId: userId, color: defaultColorFor(userId), years: { create: { year: new Date().getUTCFullYear() } } },
  });
}

/** The plan the user acts on, created when it does not exist yet. */
export async function ensureActivePlan(db: DbLike, userId: number): Promise<PlanRow> {
  const plan = await readActivePlan(db, userId);
  if (plan.id !== 0) return plan;
  await ensureOwnPlan(db, userId);
  return readActivePlan(db, userId);
}

export interface Person {
  id: number;
  username: string;
  displayName: string;
  color: string;
}

/** The owner and the accepted members, owner first, each with their colour (kept on their own plan). */
export async function planPeople(db: DbLike, plan: PlanRow): Promise<Person[]> {
  const members = plan.id === 0 ? [] : await db.vacayPlanMember.findMany({ where: { planId: plan.id, status: 'accepted' }, select: { userId: true } });
  const ids = [plan.ownerId, ...members.map((m) => m.userId).sort((a, b) => a - b)];
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, username: true, displayName: true, vacayPlan: { select: { color: true } } } });
  const byId = new Map(users.map((u) => [u.id, u]));
  return ids.flatMap((id) => {
    const u = byId.get(id);
    return u ? [{ id, username: u.username, displayName: u.displayName, color: u.vacayPlan?.color ?? defaultColorFor(id) }] : [];
  });
}

/** The stored "0,6" as weekday numbers. */
export const weekendDaysOf = (plan: Pick<VacayPlan, 'weekendDays'>) =>
  plan.weekendDays.split(',').filter((d) => /^[0-6]$/.test(d)).map(Number);

export const planYears = (plan: PlanRow) => plan.years.map((y) => y.year);

export const dayRules = (plan: PlanRow): DayRules => ({
  blockWeekends: plan.blockWeekends,
  weekendDays: weekendDaysOf(plan),
  companyHolidaysEnabled: plan.companyHolidaysEnabled,
  holidaysEnabled: plan.holidaysEnabled,
});

export function calendarJson(c: PlanRow['calendars'][number]) {
  return { id: c.id, planId: c.planId, region: c.region, label: c.label, color: c.color, sortOrder: c.sortOrder };
}

export function planSettingsJson(plan: PlanRow) {
  return {
    id: plan.id === 0 ? null : plan.id,
    ownerId: plan.ownerId,
    blockWeekends: plan.blockWeekends,
    weekendDays: weekendDaysOf(plan),
    weekStart: plan.weekStart,
    holidaysEnabled: plan.holidaysEnabled,
    companyHolidaysEnabled: plan.companyHolidaysEnabled,
    carryOverEnabled: plan.carryOverEnabled,
    holidayCalendars: plan.calendars.map(calendarJson),
  };
}

/** Everything get_vacay_plan answers. */
export async function planView(db: DbLike, userId: number) {
  const plan = await readActivePlan(db, userId);
  const users = await planPeople(db, plan);
  const pending = plan.id === 0 ? [] : await db.vacayPlanMember.findMany({
    where: { planId: plan.id, status: 'pending' },
    include: { user: { select: { id: true, username: true, displayName: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const incoming = await db.vacayPlanMember.findMany({
    where: { userId, status: 'pending' },
    include: { plan: { select: { id: true, owner: { select: { id: true, username: true, displayName: true } } } } },
    orderBy: { createdAt: 'asc' },
  });
  return {
    plan: planSettingsJson(plan),
    years: planYears(plan),
    users,
    pendingInvites: pending.map((p) => ({ userId: p.user.id, username: p.user.username, displayName: p.user.displayName })),
    incomingInvites: incoming.map((i) => ({ planId: i.plan.id, ownerId: i.plan.owner.id, ownerName: i.plan.owner.displayName, ownerUsername: i.plan.owner.username })),
    isOwner: plan.ownerId === userId,
    isFused: users.length > 1,
  };
}

/** Public holidays of every calendar of the plan in a year (none while public holidays are off). */
export function planHolidays(plan: PlanRow, year: number, language: string) {
  if (!plan.holidaysEnabled) return [];
  return plan.calendars.flatMap((c) =>
    publicHolidays(c.region, year, language).map((h) => ({ ...h, calendarId: c.id, region: c.region, label: c.label, color: c.color })),
  );
}

export async function companyHolidayDates(db: DbLike, plan: PlanRow, range?: { gte: Date; lt: Date }) {
  if (plan.id === 0) return [];
  return db.vacayCompanyHoliday.findMany({ where: { planId: plan.id, ...(range ? { date: range } : {}) }, orderBy: { date: 'asc' } });
}

/** The entries of the plan's people in a year, and the plan's company holidays that year. */
export async function entriesOfYear(db: DbLike, plan: PlanRow, year: number) {
  const people = await planPeople(db, plan);
  const byId = new Map(people.map((p) => [p.id, p]));
  const entries = await db.vacayEntry.findMany({
    where: { userId: { in: people.map((p) => p.id) }, date: yearRange(year) },
    orderBy: [{ date: 'asc' }, { userId: 'asc' }],
  });
  const companyHolidays = await companyHolidayDates(db, plan, yearRange(year));
  return {
    year,
    entries: entries.map((e) => ({
      id: e.id,
      userId: e.userId,
      date: toIsoDate(e.date),
      note: e.note,
      personName: byId.get(e.userId)?.displayName ?? '',
      personColor: byId.get(e.userId)?.color ?? defaultColorFor(e.userId),
    })),
    companyHolidays: companyHolidays.map((c) => ({ id: c.id, date: toIsoDate(c.date), note: c.note })),
  };
}

/** Each person's figures for a year; carry-over follows from the plan years before it. Writes nothing. */
export async function statsOfYear(db: DbLike, plan: PlanRow, year: number, language: string) {
  const people = await planPeople(db, plan);
  const years = planYears(plan);
  const first = Math.min(year, ...years);
  const range = { gte: yearRange(first).gte, lt: yearRange(year).lt };
  const ids = people.map((p) => p.id);
  const [entries, allowances, company] = await Promise.all([
    db.vacayEntry.findMany({ where: { userId: { in: ids }, date: range }, select: { userId: true, date: true } }),
    db.vacayAllowance.findMany({ where: { userId: { in: ids }, year: { gte: first, lte: year } } }),
    companyHolidayDates(db, plan, range),
  ]);
  const companySet = new Set(company.map((c) => toIsoDate(c.date)));
  const publicSet = new Set<string>();
  for (let y = first; y <= year; y += 1) if (y === year || years.includes(y)) for (const h of planHolidays(plan, y, language)) publicSet.add(h.date);
  const rules = dayRules(plan);
  return people.map((person) => {
    const usedByYear = new Map<number, number>();
    for (const e of entries) {
      if (e.userId !== person.id) continue;
      const date = toIsoDate(e.date);
      if (!countsAgainstAllowance(date, rules, companySet, publicSet)) continue;
      const y = e.date.getUTCFullYear();
      usedByYear.set(y, (usedByYear.get(y) ?? 0) + 1);
    }
    const figures = yearFigures({
      year,
      planYears: years,
      carryOverEnabled: plan.carryOverEnabled,
      allowance: (y) => allowances.find((a) => a.userId === person.id && a.year === y)?.vacationDays ?? DEFAULT_VACATION_DAYS,
      used: (y) => usedByYear.get(y) ?? 0,
    });
    return { userId: person.id, personName: person.displayName, personColor: person.color, ...figures };
  });
}
