// Vacay: a leave planner per user. Plan-level operations act on the caller's active plan (the shared plan they
// accepted, else their own). Both doors get the same rules: weekends and company holidays cannot be booked while
// blocking is on, public holidays are shown and not counted, reads never write, settings changes never delete days.
import { z } from 'zod';
import { authedProcedure, router, type Context } from '~/trpc/init';
import type { Actor } from '~/auth/actor.server';
import { hexColor, id, isoDate, text } from '~/trpc/schemas';
import { LANGUAGE_CODES } from '~/i18n/config';
import { fromIsoDate, toIsoDate } from '~/domain/dates';
import { DomainError, badRequest, notFound } from '~/domain/errors';
import { userChannel } from '~/realtime/channels';
import type { DbLike } from '../trip-data.server';
import { vacayEvents } from './events';
import { MAX_YEAR, MIN_YEAR, DEFAULT_CALENDAR_COLOR, bookingBlockedBy, yearRange, type BlockReason } from './rules';
import { listCountries, listRegions, publicHolidays, regionExists, splitRegion } from './holidays.server';
import {
  calendarJson,
  companyHolidayDates,
  dayRules,
  ensureActivePlan,
  ensureOwnPlan,
  entriesOfYear,
  planHolidays,
  planPeople,
  planView,
  planYears,
  readActivePlan,
  statsOfYear,
  type PlanRow,
} from './vacay-data.server';

type Authed = Context & { actor: Actor };

const VACAY = { addon: 'vacay' } as const;
const read = { scope: 'vacay:read', ...VACAY } as const;
const write = { scope: 'vacay:write', ...VACAY } as const;

const year = z
  .number({ error: 'must be a year (a whole number)' })
  .int('must be a year (a whole number)')
  .min(MIN_YEAR, `must be a year from ${MIN_YEAR} to ${MAX_YEAR}`)
  .max(MAX_YEAR, `must be a year from ${MIN_YEAR} to ${MAX_YEAR}`);
const weekday = z.number({ error: 'must be a weekday number' }).int().min(0, 'must be 0 (Sunday) to 6 (Saturday)').max(6, 'must be 0 (Sunday) to 6 (Saturday)');
const region = z
  .string({ error: 'must be a country or region code' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'must be a country code such as "DE" or a region code such as "DE-BY"');
const label = z.string({ error: 'must be text' }).trim().max(100, 'must be at most 100 characters');
const note = text(500);
/** The page's language, when it is not the account's (a browser-chosen language); names follow it. */
const language = z.enum(LANGUAGE_CODES, { error: `must be one of ${LANGUAGE_CODES.join(', ')}` }).optional();

const ok = { success: true as const };

/** Sends an event to the private channel of every person of the plan (and any extra users, e.g. an invitee). */
function tell(ctx: Authed, userIds: number[], event: ReturnType<typeof vacayEvents.make>) {
  for (const userId of new Set(userIds)) ctx.emit(userChannel(userId), event);
}

async function audience(db: DbLike, plan: PlanRow) {
  return (await planPeople(db, plan)).map((p) => p.id);
}

async function planChanged(ctx: Authed, db: DbLike, plan: PlanRow, extra: number[] = []) {
  tell(ctx, [...(await audience(db, plan)), ...extra], vacayEvents.make('vacay.plan.changed', { planId: plan.id }));
}

function requireYear(plan: PlanRow, y: number) {
  if (!planYears(plan).includes(y)) {
    throw badRequest('errors.vacayYearNotInPlan', `year: ${y} is not a year of your plan; add it first (add_vacay_year)`, { year: y });
  }
}

const blockedMessage: Record<BlockReason, [string, string]> = {
  weekend: ['errors.vacayWeekendBlocked', 'is a weekend day, which this plan does not let anyone book (turn blockWeekends off to allow it)'],
  companyHoliday: ['errors.vacayCompanyHolidayBlocked', 'is a company holiday: everyone has it off already'],
};

async function companyHolidaySet(db: DbLike, plan: PlanRow) {
  return new Set((await companyHolidayDates(db, plan)).map((c) => toIsoDate(c.date)));
}

/** Books or frees the caller's days; booking a blocked day is refused with the reason (nothing written). */
async function setEntries(ctx: Authed, dates: string[], booked: boolean) {
  const userId = ctx.actor.user.id;
  return ctx.db.$transaction(async (tx) => {
    const plan = await ensureActivePlan(tx, userId);
    for (const date of dates) requireYear(plan, Number(date.slice(0, 4)));
    const changed: string[] = [];
    if (booked) {
      const company = await companyHolidaySet(tx, plan);
      for (const date of dates) {
        const reason = bookingBlockedBy(date, dayRules(plan), company);
        if (reason) {
          const [key, message] = blockedMessage[reason];
          throw badRequest(key, `date: ${date} ${message}`, { date });
        }
      }
      const existing = new Set(
        (await tx.vacayEntry.findMany({ where: { userId, date: { in: dates.map(fromIsoDate) } }, select: { date: true } })).map((e) => toIsoDate(e.date)),
      );
      const fresh = [...new Set(dates)].filter((d) => !existing.has(d));
      if (fresh.length) await tx.vacayEntry.createMany({ data: fresh.map((d) => ({ userId, date: fromIsoDate(d) })), skipDuplicates: true });
      changed.push(...fresh);
    } else {
      const rows = await tx.vacayEntry.findMany({ where: { userId, date: { in: dates.map(fromIsoDate) } }, select: { id: true, date: true } });
      if (rows.length) await tx.vacayEntry.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
      changed.push(...rows.map((r) => toIsoDate(r.date)));
    }
    if (changed.length) tell(ctx, await audience(tx, plan), vacayEvents.make('vacay.entries.changed', { planId: plan.id, userId, dates: changed.sort() }));
    return changed;
  });
}

async function findCalendar(db: DbLike, plan: PlanRow, calendarId: number) {
  const calendar = plan.id === 0 ? null : await db.vacayHolidayCalendar.findFirst({ where: { id: calendarId, planId: plan.id } });
  if (!calendar) throw notFound('Holiday calendar', calendarId);
  return calendar;
}

const checkRegion = (code: string) => {
  if (!regionExists(code)) throw badRequest('errors.vacayUnknownRegion', `region: ${code} is not a country or region the holiday data knows`, { region: code });
};

const alreadyShared = (name: string) =>
  new DomainError('CONFLICT', 'errors.vacayAlreadyShared', `${name} already shares a plan; they must leave it first`, { name });

export const vacayRouter = router({
  getVacayPlan: authedProcedure
    .meta({
      ...read,
      mcp: {
        name: 'get_vacay_plan',
        kind: 'read',
        description:
          'Your active leave plan (the shared plan you accepted, else your own): settings (blockWeekends, weekendDays 0=Sun…6=Sat, weekStart, holidaysEnabled, companyHolidaysEnabled, carryOverEnabled, holidayCalendars), years, users with colours, pendingInvites (sent), incomingInvites (received), isOwner, isFused. Reading never creates or changes anything.',
        resource: { uri: 'waymark://vacay/plan', name: 'vacay-plan', description: 'Your active leave plan with its people, settings and calendars' },
      },
    })
    .query(({ ctx }) => planView(ctx.db, ctx.actor.user.id)),

  updateVacayPlan: authedProcedure
    .meta({
      ...write,
      mcp: {
        name: 'update_vacay_plan',
        kind: 'idempotent',
        description:
          'Change the active plan’s settings (any member may). Omitted fields stay. Unlike some planners, no setting deletes anyone’s days: days that become weekends, company or public holidays are kept and simply not counted.',
      },
    })
    .input(
      z.object({
        blockWeekends: z.boolean({ error: 'must be true or false' }).optional(),
        weekendDays: z.array(weekday, { error: 'must be a list of weekday numbers' }).max(6, 'must leave at least one working day').optional(),
        weekStart: z.union([z.literal(0), z.literal(1), z.null()], { error: 'must be 0 (Sunday), 1 (Monday) or null (from the language)' }).optional(),
        holidaysEnabled: z.boolean({ error: 'must be true or false' }).optional(),
        companyHolidaysEnabled: z.boolean({ error: 'must be true or false' }).optional(),
        carryOverEnabled: z.boolean({ error: 'must be true or false' }).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      return ctx.db.$transaction(async (tx) => {
        const plan = await ensureActivePlan(tx, ctx.actor.user.id);
        const weekendDays = input.weekendDays ? [...new Set(input.weekendDays)].sort().join(',') : undefined;
        await tx.vacayPlan.update({ where: { id: plan.id }, data: { ...input, weekendDays } });
        await planChanged(ctx, tx, plan);
        return ok;
      });
    }),

  setVacayColor: authedProcedure
    .meta({ ...write, mcp: { name: 'set_vacay_color', kind: 'idempotent', description: 'Set your own colour (#rrggbb) in every plan you are part of.' } })
    .input(z.object({ color: hexColor }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.$transaction(async (tx) => {
        const own = await ensureOwnPlan(tx, ctx.actor.user.id);
        await tx.vacayPlan.update({ where: { id: own.id }, data: { color: input.color } });
        await planChanged(ctx, tx, await readActivePlan(tx, ctx.actor.user.id));
        return ok;
      });
    }),

  getAvailableVacayUsers: authedProcedure
    .meta({
      ...read,
      mcp: {
        name: 'get_available_vacay_users',
        kind: 'read',
        description: 'People you can invite into your plan: everyone on this Waymark who is not in a shared plan and not already invited by you (id, username, displayName; no e-mail addresses).',
      },
    })
    .query(async ({ ctx }) => {
      const userId = ctx.actor.user.id;
      const plan = await readActivePlan(ctx.db, userId);
      const busy = await ctx.db.vacayPlanMember.findMany({
        where: { OR: [{ status: 'accepted' }, ...(plan.id ? [{ planId: plan.id }] : [])] },
        select: { userId: true },
      });
      const owners = await ctx.db.vacayPlanMember.findMany({ where: { status: 'accepted' }, select: { plan: { select: { ownerId: true } } } });
      const excluded = [userId, ...busy.map((b) => b.userId), ...owners.map((o) => o.plan.ownerId)];
      const users = await ctx.db.user.findMany({
        where: { id: { notIn: excluded } },
        select: { id: true, username: true, displayName: true },
        orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
        take: 500,
      });
      return { users };
    }),

  sendVacayInvite: authedProcedure
    .meta({
      ...write,
      mcp: {
        name: 'send_vacay_invite',
        kind: 'write',
        description: 'Invite someone (targetUserId, from get_available_vacay_users) to share your plan. Only the plan’s owner invites; they see the invitation live.',
      },
    })
    .input(z.object({ targetUserId: id('user') }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      if (input.targetUserId === userId) throw badRequest('errors.vacayInviteSelf', 'targetUserId: you cannot invite yourself');
      return ctx.db.$transaction(async (tx) => {
        const target = await tx.user.findUnique({ where: { id: input.targetUserId }, select: { id: true, displayName: true } });
        if (!target) throw notFound('User', input.targetUserId);
        const plan = await ensureActivePlan(tx, userId);
        if (plan.ownerId !== userId) throw new DomainError('FORBIDDEN', 'errors.vacayOwnerOnly', 'Only the owner of the shared plan can invite people');
        const existing = await tx.vacayPlanMember.findUnique({ where: { planId_userId: { planId: plan.id, userId: target.id } } });
        if (existing) throw new DomainError('CONFLICT', 'errors.vacayAlreadyInvited', `${target.displayName} is already invited or part of your plan`, { name: target.displayName });
        const targetShares = await tx.vacayPlanMember.findFirst({ where: { status: 'accepted', OR: [{ userId: target.id }, { plan: { ownerId: target.id } }] } });
        if (targetShares) throw alreadyShared(target.displayName);
        await tx.vacayPlanMember.create({ data: { planId: plan.id, userId: target.id, status: 'pending' } });
        await planChanged(ctx, tx, plan);
        tell(ctx, [target.id], vacayEvents.make('vacay.invite.received', { planId: plan.id, ownerName: ctx.actor.user.displayName }));
        return { success: true as const, planId: plan.id, targetUserId: target.id };
      });
    }),

  acceptVacayInvite: authedProcedure
    .meta({
      ...write,
      mcp: {
        name: 'accept_vacay_invite',
        kind: 'write',
        description: 'Accept an invitation (planId from incomingInvites): your days, allowances and colour show in the shared plan; its years are joined with yours. Refused while you share another plan.',
      },
    })
    .input(z.object({ planId: id('plan') }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      return ctx.db.$transaction(async (tx) => {
        const invite = await tx.vacayPlanMember.findUnique({ where: { planId_userId: { planId: input.planId, userId } }, include: { plan: true } });
        if (!invite || invite.status !== 'pending') throw new DomainError('NOT_FOUND', 'errors.vacayNoInvite', `No pending invite to plan ${input.planId}`, { planId: input.planId });
        const current = await readActivePlan(tx, userId);
        if ((await planPeople(tx, current)).length > 1) throw alreadyShared(ctx.actor.user.displayName);
        if (await tx.vacayPlanMember.findFirst({ where: { userId: invite.plan.ownerId, status: 'accepted' } })) {
          throw new DomainError('CONFLICT', 'errors.vacayInviteStale', 'The person who invited you now shares another plan; this invitation no longer works');
        }
        const own = await ensureOwnPlan(tx, userId);
        const ownYears = await tx.vacayYear.findMany({ where: { planId: own.id } });
        await tx.vacayYear.createMany({ data: ownYears.map((y) => ({ planId: input.planId, year: y.year })), skipDuplicates: true });
        await tx.vacayPlanMember.update({ where: { planId_userId: { planId: input.planId, userId } }, data: { status: 'accepted' } });
        // Invitations into the accepter's own plan are pointless while they share another one: they end (and say so).
        const dropped = await tx.vacayPlanMember.findMany({ where: { planId: own.id }, select: { userId: true } });
        await tx.vacayPlanMember.deleteMany({ where: { planId: own.id } });
        await planChanged(ctx, tx, await readActivePlan(tx, userId), dropped.map((d) => d.userId));
        return { success: true as const, planId: input.planId };
      });
    }),

  declineVacayInvite: authedProcedure
    .meta({ ...write, mcp: { name: 'decline_vacay_invite', kind: 'idempotent', description: 'Decline an invitation (planId from incomingInvites).' } })
    .input(z.object({ planId: id('plan') }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      return ctx.db.$transaction(async (tx) => {
        const invite = await tx.vacayPlanMember.findUnique({ where: { planId_userId: { planId: input.planId, userId } }, include: { plan: { include: { calendars: true, years: true } } } });
        if (!invite || invite.status !== 'pending') throw new DomainError('NOT_FOUND', 'errors.vacayNoInvite', `No pending invite to plan ${input.planId}`, { planId: input.planId });
        await tx.vacayPlanMember.delete({ where: { planId_userId: { planId: input.planId, userId } } });
        await planChanged(ctx, tx, invite.plan, [userId]);
        return ok;
      });
    }),

  cancelVacayInvite: authedProcedure
    .meta({ ...write, mcp: { name: 'cancel_vacay_invite', kind: 'idempotent', description: 'Withdraw an invitation you sent (targetUserId). Only the plan’s owner can.' } })
    .input(z.object({ targetUserId: id('user') }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      return ctx.db.$transaction(async (tx) => {
        const plan = await readActivePlan(tx, userId);
        const invite = plan.id && plan.ownerId === userId ? await tx.vacayPlanMember.findUnique({ where: { planId_userId: { planId: plan.id, userId: input.targetUserId } } }) : null;
        if (!invite || invite.status !== 'pending') throw new DomainError('NOT_FOUND', 'errors.vacayNoSentInvite', `You have no pending invite for user ${input.targetUserId}`, { userId: input.targetUserId });
        await tx.vacayPlanMember.delete({ where: { planId_userId: { planId: plan.id, userId: input.targetUserId } } });
        await planChanged(ctx, tx, plan, [input.targetUserId]);
        return ok;
      });
    }),

  dissolveVacayPlan: authedProcedure
    .meta({
      ...write,
      mcp: {
        name: 'dissolve_vacay_plan',
        kind: 'destructive',
        description:
          'Leave the shared plan (a member) or dissolve it (the owner: everyone leaves and pending invitations end). Nobody loses booked days: each person goes back to their own plan with their days, allowances and colour, and takes a copy of the shared plan’s years and company holidays.',
      },
    })
    .mutation(async ({ ctx }) => {
      const userId = ctx.actor.user.id;
      return ctx.db.$transaction(async (tx) => {
        const plan = await readActivePlan(tx, userId);
        if (plan.id === 0) return { success: true as const, left: [] as number[] };
        const people = await audience(tx, plan);
        const leaving = plan.ownerId === userId ? people.filter((p) => p !== plan.ownerId) : [userId];
        const pending = plan.ownerId === userId ? (await tx.vacayPlanMember.findMany({ where: { planId: plan.id, status: 'pending' } })).map((p) => p.userId) : [];
        if (leaving.length === 0 && pending.length === 0) return { success: true as const, left: [] as number[] };
        const company = await tx.vacayCompanyHoliday.findMany({ where: { planId: plan.id } });
        for (const person of leaving) {
          const own = await ensureOwnPlan(tx, person);
          await tx.vacayYear.createMany({ data: plan.years.map((y) => ({ planId: own.id, year: y.year })), skipDuplicates: true });
          await tx.vacayCompanyHoliday.createMany({ data: company.map((c) => ({ planId: own.id, date: c.date, note: c.note })), skipDuplicates: true });
        }
        await tx.vacayPlanMember.deleteMany({ where: { planId: plan.id, userId: { in: [...leaving, ...pending] } } });
        tell(ctx, [...people, ...pending], vacayEvents.make('vacay.plan.changed', { planId: plan.id }));
        return { success: true as const, left: leaving };
      });
    }),

  listVacayYears: authedProcedure
    .meta({ ...read, mcp: { name: 'list_vacay_years', kind: 'read', description: 'The years of your active plan, ascending.' } })
    .query(async ({ ctx }) => ({ years: planYears(await readActivePlan(ctx.db, ctx.actor.user.id)) })),

  addVacayYear: authedProcedure
    .meta({ ...write, mcp: { name: 'add_vacay_year', kind: 'write', description: 'Add a year (2000–2100) to the active plan; adding one it has already changes nothing. Everyone starts with 30 days plus what they carry over.' } })
    .input(z.object({ year }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.$transaction(async (tx) => {
        const plan = await ensureActivePlan(tx, ctx.actor.user.id);
        const { count } = await tx.vacayYear.createMany({ data: [{ planId: plan.id, year: input.year }], skipDuplicates: true });
        if (count) await planChanged(ctx, tx, plan);
        return { years: planYears(await readActivePlan(tx, ctx.actor.user.id)) };
      });
    }),

  deleteVacayYear: authedProcedure
    .meta({
      ...write,
      mcp: {
        name: 'delete_vacay_year',
        kind: 'destructive',
        description: 'Remove a year from the active plan with its company holidays and the allowances set for it. Booked days are kept with their people (they show again if the year is added back); carry-over into the next year is recomputed.',
      },
    })
    .input(z.object({ year }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.$transaction(async (tx) => {
        const plan = await readActivePlan(tx, ctx.actor.user.id);
        requireYear(plan, input.year);
        if (plan.id === 0) throw badRequest('errors.vacayYearNotInPlan', `year: ${input.year} is not a stored year of your plan`, { year: input.year });
        const people = await audience(tx, plan);
        await tx.vacayYear.delete({ where: { planId_year: { planId: plan.id, year: input.year } } });
        await tx.vacayCompanyHoliday.deleteMany({ where: { planId: plan.id, date: yearRange(input.year) } });
        await tx.vacayAllowance.deleteMany({ where: { userId: { in: people }, year: input.year } });
        await planChanged(ctx, tx, plan);
        return { years: planYears(await readActivePlan(tx, ctx.actor.user.id)) };
      });
    }),

  getVacayEntries: authedProcedure
    .meta({
      ...read,
      mcp: {
        name: 'get_vacay_entries',
        kind: 'read',
        description: 'Booked days of everyone in your active plan for a year ({entries: [{id, userId, date, note, personName, personColor}], companyHolidays: [{id, date, note}]}).',
        resource: { uri: 'waymark://vacay/entries/{year}', name: 'vacay-entries', description: 'Booked days and company holidays of your plan in a year' },
      },
    })
    .input(z.object({ year }))
    .query(async ({ ctx, input }) => entriesOfYear(ctx.db, await readActivePlan(ctx.db, ctx.actor.user.id), input.year)),

  toggleVacayEntry: authedProcedure
    .meta({
      ...write,
      mcp: {
        name: 'toggle_vacay_entry',
        kind: 'write',
        description:
          'Book or free one of your own days (date YYYY-MM-DD, in a year of the plan). The server enforces the plan’s rules for every client: a weekend day (while blockWeekends) or a company holiday (while on) cannot be booked. Answers {action: "added"|"removed"}.',
      },
    })
    .input(z.object({ date: isoDate }))
    .mutation(async ({ ctx, input }) => {
      const existing = await ctx.db.vacayEntry.findUnique({ where: { userId_date: { userId: ctx.actor.user.id, date: fromIsoDate(input.date) } } });
      await setEntries(ctx, [input.date], !existing);
      return { action: existing ? ('removed' as const) : ('added' as const), date: input.date };
    }),

  setVacayEntries: authedProcedure
    .meta({
      ...write,
      mcp: {
        name: 'set_vacay_entries',
        kind: 'idempotent',
        description:
          'Book (booked: true) or free (booked: false) several of your own days at once (dates, up to 366). Booking is all or nothing: if one date is a blocked weekend or company holiday, nothing is booked. Answers the dates that changed.',
      },
    })
    .input(z.object({ dates: z.array(isoDate, { error: 'must be a list of dates' }).min(1, 'must list at least one date').max(366, 'must list at most 366 dates'), booked: z.boolean({ error: 'must be true or false' }) }))
    .mutation(async ({ ctx, input }) => ({ changed: await setEntries(ctx, input.dates, input.booked) })),

  toggleCompanyHoliday: authedProcedure
    .meta({
      ...write,
      mcp: {
        name: 'toggle_company_holiday',
        kind: 'write',
        description: 'Make a date a company holiday for the whole plan, or no longer one (date, optional note). Days people booked on it are kept but no longer counted while company holidays are on.',
      },
    })
    .input(z.object({ date: isoDate, note: note.optional() }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.$transaction(async (tx) => {
        const plan = await ensureActivePlan(tx, ctx.actor.user.id);
        requireYear(plan, Number(input.date.slice(0, 4)));
        const where = { planId_date: { planId: plan.id, date: fromIsoDate(input.date) } };
        const existing = await tx.vacayCompanyHoliday.findUnique({ where });
        if (existing) await tx.vacayCompanyHoliday.delete({ where });
        else await tx.vacayCompanyHoliday.create({ data: { planId: plan.id, date: fromIsoDate(input.date), note: input.note?.trim() ?? '' } });
        tell(ctx, await audience(tx, plan), vacayEvents.make('vacay.entries.changed', { planId: plan.id, userId: ctx.actor.user.id, dates: [input.date] }));
        return { action: existing ? ('removed' as const) : ('added' as const), date: input.date };
      });
    }),

  getVacayStats: authedProcedure
    .meta({
      ...read,
      mcp: {
        name: 'get_vacay_stats',
        kind: 'read',
        description:
          'Figures of everyone in your active plan for a year: vacationDays, carriedOver (what remained of the plan year before, when carry-over is on), totalAvailable, used (booked days that are not weekends, company or public holidays), remaining (may be negative). Truly read-only: carry-over is computed, never stored.',
      },
    })
    .input(z.object({ year }))
    .query(async ({ ctx, input }) => ({
      year: input.year,
      stats: await statsOfYear(ctx.db, await readActivePlan(ctx.db, ctx.actor.user.id), input.year, ctx.actor.user.language),
    })),

  updateVacayStats: authedProcedure
    .meta({ ...write, mcp: { name: 'update_vacay_stats', kind: 'idempotent', description: 'Set your own leave allowance (vacationDays, 0–366) for a year of the plan.' } })
    .input(z.object({ year, vacationDays: z.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(0, 'must be at least 0').max(366, 'must be at most 366') }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      return ctx.db.$transaction(async (tx) => {
        const plan = await ensureActivePlan(tx, userId);
        requireYear(plan, input.year);
        await tx.vacayAllowance.upsert({
          where: { userId_year: { userId, year: input.year } },
          create: { userId, year: input.year, vacationDays: input.vacationDays },
          update: { vacationDays: input.vacationDays },
        });
        tell(ctx, await audience(tx, plan), vacayEvents.make('vacay.entries.changed', { planId: plan.id, userId, dates: [] }));
        return ok;
      });
    }),

  addHolidayCalendar: authedProcedure
    .meta({
      ...write,
      mcp: {
        name: 'add_holiday_calendar',
        kind: 'write',
        description:
          'Show the public holidays of a country ("US") or region ("DE-BY") in the plan (offline data; see list_holiday_countries), with an optional label and colour. Several calendars can be shown at once. Turns public holidays on. Deletes nothing.',
      },
    })
    .input(z.object({ region, label: label.nullish(), color: hexColor.optional(), sortOrder: z.number({ error: 'must be a whole number' }).int().min(0).max(1000).optional() }))
    .mutation(async ({ ctx, input }) => {
      checkRegion(input.region);
      return ctx.db.$transaction(async (tx) => {
        const plan = await ensureActivePlan(tx, ctx.actor.user.id);
        if (plan.calendars.length >= 20) throw badRequest('errors.vacayTooManyCalendars', 'region: a plan shows at most 20 holiday calendars');
        const calendar = await tx.vacayHolidayCalendar.create({
          data: { planId: plan.id, region: input.region, label: input.label || null, color: input.color ?? DEFAULT_CALENDAR_COLOR, sortOrder: input.sortOrder ?? plan.calendars.length },
        });
        if (!plan.holidaysEnabled) await tx.vacayPlan.update({ where: { id: plan.id }, data: { holidaysEnabled: true } });
        await planChanged(ctx, tx, plan);
        return { calendar: calendarJson(calendar) };
      });
    }),

  updateHolidayCalendar: authedProcedure
    .meta({ ...write, mcp: { name: 'update_holiday_calendar', kind: 'idempotent', description: 'Change a holiday calendar’s label, colour or order (calendarId from get_vacay_plan).' } })
    .input(z.object({ calendarId: id('holiday calendar'), label: label.nullish(), color: hexColor.optional(), sortOrder: z.number({ error: 'must be a whole number' }).int().min(0).max(1000).optional() }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.$transaction(async (tx) => {
        const plan = await readActivePlan(tx, ctx.actor.user.id);
        await findCalendar(tx, plan, input.calendarId);
        const calendar = await tx.vacayHolidayCalendar.update({
          where: { id: input.calendarId },
          data: { label: input.label === undefined ? undefined : input.label || null, color: input.color, sortOrder: input.sortOrder },
        });
        await planChanged(ctx, tx, plan);
        return { calendar: calendarJson(calendar) };
      });
    }),

  deleteHolidayCalendar: authedProcedure
    .meta({ ...write, mcp: { name: 'delete_holiday_calendar', kind: 'destructive', description: 'Stop showing a holiday calendar (calendarId). Booked days are not touched.' } })
    .input(z.object({ calendarId: id('holiday calendar') }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.$transaction(async (tx) => {
        const plan = await readActivePlan(tx, ctx.actor.user.id);
        await findCalendar(tx, plan, input.calendarId);
        await tx.vacayHolidayCalendar.delete({ where: { id: input.calendarId } });
        await planChanged(ctx, tx, plan);
        return { deleted: true as const, calendarId: input.calendarId };
      });
    }),

  listHolidayCountries: authedProcedure
    .meta({
      ...read,
      mcp: {
        name: 'list_holiday_countries',
        kind: 'read',
        description: 'Countries with public-holiday data (offline), named in your language; with country ("DE") also its regions ("DE-BY") for add_holiday_calendar.',
      },
    })
    .input(z.object({ country: z.string({ error: 'must be a country code' }).trim().toUpperCase().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as DE').optional(), language }).optional())
    .query(({ ctx, input }) => {
      const language = input?.language ?? ctx.actor.user.language;
      const countries = listCountries(language);
      if (!input?.country) return { countries, regions: [] as { region: string; name: string }[] };
      checkRegion(input.country);
      return { countries, regions: listRegions(input.country, language) };
    }),

  listHolidays: authedProcedure
    .meta({
      ...read,
      mcp: {
        name: 'list_holidays',
        kind: 'read',
        description: 'Public holidays of a country ("FR") or region ("DE-BY") in a year, from offline data: {holidays: [{date, localName, name, global}]}, name in your language where the data has it; global = the whole country has the day off.',
      },
    })
    .input(z.object({ country: region, year }))
    .query(({ ctx, input }) => {
      checkRegion(input.country);
      const { country, state } = splitRegion(input.country);
      return {
        country,
        region: state ? input.country : null,
        year: input.year,
        // global: the whole country has the day off (not only the region asked for)
        holidays: (() => {
          const national = new Set(publicHolidays(country, input.year, ctx.actor.user.language).map((h) => h.date));
          return publicHolidays(input.country, input.year, ctx.actor.user.language).map((h) => ({ ...h, global: national.has(h.date) }));
        })(),
      };
    }),

  getPlanHolidays: authedProcedure
    .meta({
      ...read,
      mcp: {
        name: 'get_vacay_plan_holidays',
        kind: 'read',
        description: 'Public holidays of every calendar of your plan in a year, each with its calendar, label and colour (none while public holidays are off).',
        resource: {
          uri: 'waymark://vacay/holidays/{year}',
          name: 'vacay-holidays',
          description: 'Public holidays of all calendars of your plan in a year',
          onlyResource: true,
        },
      },
    })
    .input(z.object({ year, language }))
    .query(async ({ ctx, input }) => ({
      year: input.year,
      holidays: planHolidays(await readActivePlan(ctx.db, ctx.actor.user.id), input.year, input.language ?? ctx.actor.user.language),
    })),
});
