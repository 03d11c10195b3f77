// The audit row's INSERT, shared by services.audit and the statements that write an audit row along with something
// else in one round trip (an MCP write's agent-activity summary). createdAt is UTC wall-clock time, as Prisma writes it
// (the raw runner sends a Date as UTC; decision 047).
import type { AuditEntry } from '~/services/types.server';

/** The INSERT with its parameters numbered from `first` ($first … $first+6), in the order auditParams gives them. */
export function auditInsertSql(first = 1) {
  const p = (i: number) => `$${first + i}`;
  return `INSERT INTO "AuditLog" ("createdAt", "userId", "action", "clientId", "success", "detail", "ip")
  VALUES (${p(0)}::timestamp, ${p(1)}::int, ${p(2)}::text, ${p(3)}::text, ${p(4)}::boolean, ${p(5)}::jsonb, ${p(6)}::text)`;
}

export const AUDIT_INSERT = auditInsertSql();

export function auditParams(entry: AuditEntry): unknown[] {
  return [
    new Date(),
    entry.userId ?? null,
    entry.action,
    entry.clientId ?? null,
    entry.success ?? true,
    entry.detail === undefined || entry.detail === null ? null : JSON.stringify(entry.detail),
    entry.ip ?? null,
  ];
}
