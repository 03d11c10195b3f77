// The signed-in user's own account: who am I, profile (display name, language) and password.
import { z } from 'zod';
import { router, authedProcedure, webSessionProcedure } from '../init';
import { DomainError } from '~/domain/errors';
import { displayNameSchema, passwordSchema } from '~/auth/users.server';
import { hashPassword, verifyPassword } from '~/auth/password.server';
import { LANGUAGE_CODES } from '~/i18n/config';
import type { User } from '~/generated/prisma/client';
import { displayPreferencesOf } from '~/domain/display-preferences';
import { displayProcedures } from './account-display';
import { accountDeletionProcedures } from './account-deletion';

export function accountJson(user: User) {
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    displayName: user.displayName,
    language: user.language,
    // temperatureUnit, theme, distanceUnit, timeFormat, weekStart: null = the language's regional default
    ...displayPreferencesOf(user),
    isAdmin: user.isAdmin,
    createdAt: user.createdAt.toISOString(),
  };
}

export const accountRouter = router({
  me: authedProcedure.meta({ scope: 'none' }).query(({ ctx }) => ({ user: accountJson(ctx.actor.user) })),

  updateProfile: webSessionProcedure
    .meta({ scope: 'none' })
    .input(
      z.object({
        displayName: displayNameSchema.optional(),
        language: z.enum(LANGUAGE_CODES, { error: `must be one of ${LANGUAGE_CODES.join(', ')}` }).optional(),
        // null: automatic (°F where the browser's region reads °F, else °C)
        temperatureUnit: z.enum(['celsius', 'fahrenheit'], { error: 'must be celsius or fahrenheit (or null for automatic)' }).nullish(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const user = await ctx.db.user.update({
        where: { id: ctx.actor.user.id },
        data: { displayName: input.displayName, language: input.language, temperatureUnit: input.temperatureUnit },
      });
      return { user: accountJson(user) };
    }),

  ...displayProcedures,
  ...accountDeletionProcedures,

  changePassword: webSessionProcedure
    .meta({ scope: 'none' })
    .input(z.object({ currentPassword: z.string().min(1, 'must not be empty').max(200), newPassword: passwordSchema }))
    .mutation(async ({ ctx, input }) => {
      const user = ctx.actor.user;
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        await ctx.services.audit({ action: 'account.password_change', userId: user.id, success: false, ip: ctx.ip });
        throw new DomainError('BAD_REQUEST', 'errors.currentPasswordWrong', 'The current password is not correct');
      }
      const passwordHash = await hashPassword(input.newPassword);
      // Every other browser signed in as this user is signed out; the session making the change stays.
      const keep = ctx.actor.sessionId;
      const [, removed] = await ctx.db.$transaction([
        ctx.db.user.update({ where: { id: user.id }, data: { passwordHash } }),
        ctx.db.session.deleteMany({ where: { userId: user.id, ...(keep ? { id: { not: keep } } : {}) } }),
      ]);
      // Sockets of the ended sessions are cut off too; this browser's reconnect is authorized again.
      await ctx.services.realtime.disconnectUser?.(user.id);
      await ctx.services.audit({ action: 'account.password_change', userId: user.id, ip: ctx.ip, detail: { otherSessionsEnded: removed.count } });
      return { otherSessionsEnded: removed.count };
    }),
});
