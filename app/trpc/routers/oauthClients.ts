// OAuth clients a user owns (incl. machine clients), the apps a user authorized, and the admin's view of all grants.
// Web-session only: a token can never manage OAuth clients or grants.
import { z } from 'zod';
import type { OAuthClient } from '~/generated/prisma/client';
import { ALL_SCOPES, isScope } from '~/auth/scopes';
import { MAX_CLIENTS_PER_USER, presetById } from '~/oauth/constants';
import { redirectUriProblem } from '~/oauth/redirect-uris';
import { createClient, deleteClient, rotateClientSecret } from '~/oauth/clients.server';
import { revokeGrant } from '~/oauth/grants.server';
import type { Db } from '~/db/client.server';
import { adminProcedure, router, webSessionProcedure } from '../init';
import { DomainError, notFound } from '~/domain/errors';
import { id, title } from '../schemas';

const clientIdInput = z.object({ clientId: z.string({ error: 'must be a client id' }).min(1, 'must not be empty').max(100) });

const scopeList = z
  .array(z.string({ error: 'must be a scope' }), { error: 'must be a list of scopes' })
  .max(ALL_SCOPES.length * 2)
  .superRefine((scopes, ctx) => {
    const unknown = scopes.filter((s) => !isScope(s));
    if (unknown.length) ctx.addIssue({ code: 'custom', message: `unknown scope(s): ${unknown.join(', ')}` });
  });

const redirectUriList = z
  .array(z.string({ error: 'must be a URI' }).trim().max(2000, 'must be at most 2000 characters'), { error: 'must be a list of URIs' })
  .max(10, 'at most 10 redirect URIs')
  .superRefine((uris, ctx) => {
    uris.forEach((uri, index) => {
      const problem = redirectUriProblem(uri);
      if (problem) ctx.addIssue({ code: 'custom', path: [index], message: `${uri} ${problem}` });
    });
  });

export function clientJson(client: OAuthClient) {
  return {
    clientId: client.clientId,
    name: client.name,
    redirectUris: client.redirectUris,
    allowedScopes: client.allowedScopes,
    machine: client.allowsClientCredentials,
    confidential: client.secretHash !== null,
    tokenEndpointAuthMethod: client.tokenEndpointAuthMethod,
    registeredDynamically: client.registeredDynamically,
    createdAt: client.createdAt.toISOString(),
  };
}

/** Live grants (a token that can still be used or refreshed), one entry per user–client pair. */
async function liveGrants(db: Db, where: { userId?: number; clientId?: string }) {
  const now = new Date();
  const tokens = await db.oAuthToken.findMany({
    where: {
      ...where,
      revokedAt: null,
      OR: [{ accessTokenExpiresAt: { gt: now } }, { refreshTokenExpiresAt: { gt: now }, rotatedAt: null }],
    },
    include: { client: true, user: { select: { id: true, displayName: true, email: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const grants = new Map<string, { client: OAuthClient; user: { id: number; displayName: string; email: string }; scopes: Set<string>; createdAt: Date; lastIssuedAt: Date }>();
  for (const token of tokens) {
    const key = `${token.userId}:${token.clientId}`;
    const entry = grants.get(key) ?? { client: token.client, user: token.user, scopes: new Set<string>(), createdAt: token.createdAt, lastIssuedAt: token.createdAt };
    token.scopes.forEach((s) => entry.scopes.add(s));
    entry.lastIssuedAt = token.createdAt;
    grants.set(key, entry);
  }
  return [...grants.values()].map((g) => ({
    clientId: g.client.clientId,
    clientName: g.client.name,
    machine: g.client.allowsClientCredentials,
    user: g.user,
    scopes: ALL_SCOPES.filter((s) => g.scopes.has(s)),
    createdAt: g.createdAt.toISOString(),
    lastIssuedAt: g.lastIssuedAt.toISOString(),
  }));
}

async function ownedClient(db: Db, userId: number, clientId: string) {
  const client = await db.oAuthClient.findFirst({ where: { clientId, ownerId: userId } });
  if (!client) throw new DomainError('NOT_FOUND', 'oauth.errors.clientNotFound', `OAuth client ${clientId} not found`, { clientId });
  return client;
}

export const oauthClientsRouter = router({
  listOAuthClients: webSessionProcedure.meta({ scope: 'none' }).query(async ({ ctx }) => {
    const clients = await ctx.db.oAuthClient.findMany({ where: { ownerId: ctx.actor.user.id }, orderBy: { createdAt: 'asc' } });
    return { clients: clients.map(clientJson), max: MAX_CLIENTS_PER_USER };
  }),

  createOAuthClient: webSessionProcedure
    .meta({ scope: 'none' })
    .input(
      z.object({
        name: title(100),
        preset: z.enum(['claude-ai', 'claude-desktop', 'cursor', 'vscode', 'windsurf', 'zed']).optional(),
        redirectUris: redirectUriList.default([]),
        allowedScopes: scopeList,
        machine: z.boolean({ error: 'must be true or false' }).default(false),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const preset = presetById(input.preset);
      const redirectUris = input.machine ? [] : input.redirectUris.length ? input.redirectUris : (preset?.redirectUris ?? []);
      if (!input.machine && redirectUris.length === 0) {
        throw new DomainError('BAD_REQUEST', 'oauth.errors.redirectUriRequired', 'redirectUris: give at least one redirect URI (or make it a machine client)');
      }
      const owned = await ctx.db.oAuthClient.count({ where: { ownerId: ctx.actor.user.id } });
      if (owned >= MAX_CLIENTS_PER_USER) {
        throw new DomainError('BAD_REQUEST', 'oauth.errors.tooManyClients', `You can own at most ${MAX_CLIENTS_PER_USER} OAuth clients; delete one first`, {
          max: MAX_CLIENTS_PER_USER,
        });
      }
      const { client, clientSecret } = await createClient(ctx.services, {
        name: input.name,
        ownerId: ctx.actor.user.id,
        redirectUris: [...new Set(redirectUris)],
        allowedScopes: input.allowedScopes.filter(isScope),
        tokenEndpointAuthMethod: 'client_secret_basic',
        machine: input.machine,
        registeredDynamically: false,
      });
      return { client: clientJson(client), clientSecret: clientSecret! };
    }),

  rotateOAuthClientSecret: webSessionProcedure
    .meta({ scope: 'none' })
    .input(clientIdInput)
    .mutation(async ({ ctx, input }) => {
      const client = await ownedClient(ctx.db, ctx.actor.user.id, input.clientId);
      const clientSecret = await rotateClientSecret(ctx.services, client, ctx.actor.user.id);
      return { client: clientJson(client), clientSecret };
    }),

  deleteOAuthClient: webSessionProcedure
    .meta({ scope: 'none' })
    .input(clientIdInput)
    .mutation(async ({ ctx, input }) => {
      const client = await ownedClient(ctx.db, ctx.actor.user.id, input.clientId);
      await deleteClient(ctx.services, client, ctx.actor.user.id);
      return { deleted: true, clientId: client.clientId };
    }),

  listAuthorizedApps: webSessionProcedure.meta({ scope: 'none' }).query(async ({ ctx }) => {
    const grants = await liveGrants(ctx.db, { userId: ctx.actor.user.id });
    return { apps: grants.map(({ user: _user, ...g }) => g) };
  }),

  revokeAuthorizedApp: webSessionProcedure
    .meta({ scope: 'none' })
    .input(clientIdInput)
    .mutation(async ({ ctx, input }) => {
      const revokedTokens = await revokeGrant(ctx.services, { userId: ctx.actor.user.id, clientId: input.clientId }, { actorUserId: ctx.actor.user.id, ip: ctx.ip });
      return { revoked: true, revokedTokens };
    }),

  listAllOAuthGrants: adminProcedure.meta({ scope: 'none' }).query(async ({ ctx }) => {
    return { grants: await liveGrants(ctx.db, {}) };
  }),

  adminRevokeGrant: adminProcedure
    .meta({ scope: 'none' })
    .input(clientIdInput.extend({ userId: id('user') }))
    .mutation(async ({ ctx, input }) => {
      // as setAdmin and deleteUser: a user id that names nobody is NOT_FOUND, not a revocation of nothing
      const user = await ctx.db.user.findUnique({ where: { id: input.userId }, select: { id: true } });
      if (!user) throw notFound('User', input.userId);
      const revokedTokens = await revokeGrant(ctx.services, { userId: input.userId, clientId: input.clientId }, { actorUserId: ctx.actor.user.id, ip: ctx.ip });
      return { revoked: true, revokedTokens };
    }),
});
