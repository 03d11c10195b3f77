// Deletes what has outlived its use: expired web sessions, authorization codes and OAuth tokens, closed or idle MCP
// sessions, past rate windows, replayable MCP notifications and login throttles, audit rows older than AUDIT_RETENTION_DAYS, notifications read more
// than 90 days ago (unread ones stay) and expired invitation links a week after their end. Runs as the
// scheduled `purge` job (services/create.server.ts: at start-up, then once per JOB_INTERVAL_SECONDS across instances), so tables that grow with every request stay bounded.
import type { Db } from '~/db/client.server';

const DAY_MS = 24 * 60 * 60_000;
/** Tokens stay a day past their end, so a late replay is still recognised as one (and revokes its family). */
const TOKEN_KEEP_MS = DAY_MS;

export interface PurgeCounts {
  sessions: number;
  codes: number;
  tokens: number;
  mcpSessions: number;
  rateWindows: number;
  mcpEvents: number;
  loginThrottles: number;
  auditRows: number;
  notifications: number;
  invites: number;
}
/** How long an MCP stream's notifications stay replayable (Last-Event-ID). */
export const MCP_EVENT_KEEP_MS = 10 * 60_000;
/** Read notifications are kept this long: the inbox stays short, unread ones are never lost. */
const READ_NOTIFICATION_KEEP_MS = 90 * DAY_MS;

export async function purgeExpired(db: Db, options: { auditRetentionDays: number; mcpIdleMs: number; now?: Date }): Promise<PurgeCounts> {
  const now = options.now ?? new Date();
  const before = (ms: number) => new Date(now.getTime() - ms);
  const sessions = await db.session.deleteMany({ where: { expiresAt: { lt: now } } });
  const codes = await db.oAuthCode.deleteMany({ where: { expiresAt: { lt: before(TOKEN_KEEP_MS) } } });
  const tokens = await db.oAuthToken.deleteMany({
    where: {
      accessTokenExpiresAt: { lt: before(TOKEN_KEEP_MS) },
      OR: [{ refreshTokenExpiresAt: null }, { refreshTokenExpiresAt: { lt: before(TOKEN_KEEP_MS) } }, { revokedAt: { lt: before(TOKEN_KEEP_MS) } }],
    },
  });
  const mcpSessions = await db.mcpSession.deleteMany({
    where: { OR: [{ closedAt: { not: null } }, { lastSeenAt: { lt: before(options.mcpIdleMs) } }] },
  });
  const rateWindows = await db.rateWindow.deleteMany({ where: { windowStart: { lt: before(2 * 60_000) } } });
  // An MCP stream's notifications are replayed to a client that reconnects within minutes (mcp/resume.ts).
  const mcpEvents = await db.mcpEvent.deleteMany({ where: { createdAt: { lt: before(MCP_EVENT_KEEP_MS) } } });
  const loginThrottles = await db.loginThrottle.deleteMany({
    where: { updatedAt: { lt: before(DAY_MS) }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
  });
  const auditRows = await db.auditLog.deleteMany({ where: { createdAt: { lt: before(options.auditRetentionDays * DAY_MS) } } });
  const notifications = await db.notification.deleteMany({ where: { readAt: { lt: before(READ_NOTIFICATION_KEEP_MS) } } });
  const invites = await db.invite.deleteMany({ where: { expiresAt: { lt: before(7 * DAY_MS) } } });
  return {
    sessions: sessions.count,
    codes: codes.count,
    tokens: tokens.count,
    mcpSessions: mcpSessions.count,
    rateWindows: rateWindows.count,
    mcpEvents: mcpEvents.count,
    loginThrottles: loginThrottles.count,
    auditRows: auditRows.count,
    notifications: notifications.count,
    invites: invites.count,
  };
}
