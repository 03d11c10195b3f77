// Input pieces shared by every router, with messages that name the field's limit.
import { z } from 'zod';
import { isIsoDate } from '~/domain/dates';

export const LIMITS = { title: 200, text: 5000, shortText: 500, listItems: 500 } as const;

/** Row ids are PostgreSQL integers: anything outside 1…2³¹−1 cannot name a row. */
export const MAX_ID = 2_147_483_647;

export const id = (what: string) =>
  z
    .number({ error: `must be a ${what} id (a whole number)` })
    .int()
    .positive()
    .max(MAX_ID, `must be a ${what} id (a whole number up to ${MAX_ID})`);

export const title = (max: number = LIMITS.title) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

export const text = (max: number = LIMITS.text) =>
  z.string({ error: 'must be text' }).max(max, `must be at most ${max} characters`);

export const isoDate = z
  .string({ error: 'must be a date (YYYY-MM-DD)' })
  .refine(isIsoDate, 'must be a real date in the form YYYY-MM-DD');

/** 24-hour time "HH:MM". */
export const timeOfDay = z
  .string({ error: 'must be a time (HH:MM)' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time in the form HH:MM (00:00–23:59)');

export const currency = z
  .string({ error: 'must be a currency code' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 currency code such as EUR');

/** A colour as #rrggbb, stored lower-case. */
export const hexColor = z
  .string({ error: 'must be a colour' })
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour in the form #rrggbb')
  .transform((c) => c.toLowerCase());
export const latitude = z.number({ error: 'must be a number' }).min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90');
export const longitude = z.number({ error: 'must be a number' }).min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180');

export const idList = (what: string) =>
  z
    .array(id(what), { error: `must be a list of ${what} ids` })
    .max(LIMITS.listItems, `must list at most ${LIMITS.listItems} items per call`);
