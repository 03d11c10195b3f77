// Static API tokens (deprecated in favour of OAuth): a user's own tokens, the admin's view of all of them, and the
// audit log page. Web session only — a bearer token can never mint or list tokens.
import { z } from 'zod';
import { adminProcedure, router, webSessionProcedure } from '../init';
import { id, title } from '../schemas';
import { DomainError, notFound } from '~/domain/errors';
import { hashSecret, randomSecret, TOKEN_PREFIX } from '~/auth/tokens.server';
import { staticTokenClientKey } from '~/auth/mcp-session-keys';
import type { ApiToken, AuditLog, User } from '~/generated/prisma/client';

export const MAX_API_TOKENS_PER_USER = 10;
const PREFIX_LENGTH = TOKEN_PREFIX.staticToken.length + 6;
const AUDIT_PAGE_SIZE = 50;

export function apiTokenJson(token: ApiToken) {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt ? token.lastUsedAt.toISOString() : null,
  };
}

function auditJson(entry: AuditLog & { user?: Pick<User, 'id' | 'displayName' | 'email'> | null }) {
  return {
    id: entry.id,
    createdAt: entry.createdAt.toISOString(),
    action: entry.action,
    userId: entry.userId,
    user: entry.user ? { id: entry.user.id, displayName: entry.user.displayName, email: entry.user.email } : null,
    clientId: entry.clientId,
    success: entry.success,
    detail: (entry.detail ?? null) as Record<string, unknown> | null,
    ip: entry.ip,
  };
}

export const apiTokensRouter = router({
  listApiTokens: webSessionProcedure.meta({ scope: 'none' }).query(async ({ ctx }) => {
    const tokens = await ctx.db.apiToken.findMany({ where: { userId: ctx.actor.user.id }, orderBy: { createdAt: 'desc' } });
    return { apiTokens: tokens.map(apiTokenJson), max: MAX_API_TOKENS_PER_USER };
  }),

  createApiToken: webSessionProcedure
    .meta({ scope: 'none' })
    .input(z.object({ name: title(100) }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      const count = await ctx.db.apiToken.count({ where: { userId } });
      if (count >= MAX_API_TOKENS_PER_USER) {
        throw new DomainError(
          'BAD_REQUEST',
          'integrations.errors.tokenLimit',
          `You can have at most ${MAX_API_TOKENS_PER_USER} API tokens; delete one first`,
          { max: MAX_API_TOKENS_PER_USER },
        );
      }
      const token = randomSecret(TOKEN_PREFIX.staticToken);
      const row = await ctx.db.apiToken.create({
        data: { userId, name: input.name, tokenHash: hashSecret(token), prefix: token.slice(0, PREFIX_LENGTH) },
      });
      await ctx.services.audit({ action: 'api_token.create', userId, detail: { tokenId: row.id, name: row.name }, ip: ctx.ip });
      return { token, apiToken: apiTokenJson(row) };
    }),

  deleteApiToken: webSessionProcedure
    .meta({ scope: 'none' })
    .input(z.object({ tokenId: id('token') }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      const { count } = await ctx.db.apiToken.deleteMany({ where: { id: input.tokenId, userId } });
      if (!count) throw notFound('API token', input.tokenId);
      await ctx.services.mcpSessions.close({ userId, clientKey: staticTokenClientKey(input.tokenId) });
      await ctx.services.audit({ action: 'api_token.delete', userId, detail: { tokenId: input.tokenId }, ip: ctx.ip });
      return { deleted: true, tokenId: input.tokenId };
    }),

  listAllApiTokens: adminProcedure.meta({ scope: 'none' }).query(async ({ ctx }) => {
    const tokens = await ctx.db.apiToken.findMany({ include: { user: true }, orderBy: { createdAt: 'desc' } });
    return {
      apiTokens: tokens.map((t) => ({
        ...apiTokenJson(t),
        owner: { id: t.user.id, displayName: t.user.displayName, email: t.user.email },
      })),
    };
  }),

  adminDeleteApiToken: adminProcedure
    .meta({ scope: 'none' })
    .input(z.object({ tokenId: id('token') }))
    .mutation(async ({ ctx, input }) => {
      const row = await ctx.db.apiToken.findUnique({ where: { id: input.tokenId } });
      if (!row) throw notFound('API token', input.tokenId);
      await ctx.db.apiToken.delete({ where: { id: row.id } });
      await ctx.services.mcpSessions.close({ userId: row.userId, clientKey: staticTokenClientKey(row.id) });
      await ctx.services.audit({
        action: 'api_token.admin_delete',
        userId: ctx.actor.user.id,
        detail: { tokenId: row.id, ownerId: row.userId },
        ip: ctx.ip,
      });
      return { deleted: true, tokenId: row.id };
    }),

  listAuditLog: adminProcedure
    .meta({ scope: 'none' })
    .input(z.object({ page: z.number({ error: 'must be a page number' }).int().min(1, 'must be 1 or more').max(100_000).default(1) }))
    .query(async ({ ctx, input }) => {
      const [total, rows] = await Promise.all([
        ctx.db.auditLog.count(),
        ctx.db.auditLog.findMany({
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          skip: (input.page - 1) * AUDIT_PAGE_SIZE,
          take: AUDIT_PAGE_SIZE,
        }),
      ]);
      const userIds = [...new Set(rows.map((r) => r.userId).filter((v): v is number => v !== null))];
      const users = userIds.length
        ? await ctx.db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true, email: true } })
        : [];
      const byId = new Map(users.map((u) => [u.id, u]));
      return {
        entries: rows.map((r) => auditJson({ ...r, user: r.userId !== null ? (byId.get(r.userId) ?? null) : null })),
        page: input.page,
        pageSize: AUDIT_PAGE_SIZE,
        total,
        pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
      };
    }),
});
