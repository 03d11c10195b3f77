// The OAuth scope model (MCP-SURFACE.md): 27 scopes in 13 groups and the rules for what a grant allows.
// Used by the tRPC middleware, the MCP tool filter, the consent page and the token endpoint.

export const SCOPE_GROUPS = {
  trips: ['trips:read', 'trips:write', 'trips:delete', 'trips:share'],
  places: ['places:read', 'places:write'],
  atlas: ['atlas:read', 'atlas:write'],
  packing: ['packing:read', 'packing:write'],
  todos: ['todos:read', 'todos:write'],
  budget: ['budget:read', 'budget:write'],
  reservations: ['reservations:read', 'reservations:write'],
  collab: ['collab:read', 'collab:write'],
  notifications: ['notifications:read', 'notifications:write'],
  vacay: ['vacay:read', 'vacay:write'],
  geo: ['geo:read'],
  weather: ['weather:read'],
  journey: ['journey:read', 'journey:write', 'journey:share'],
} as const;

export type ScopeGroup = keyof typeof SCOPE_GROUPS;
export type Scope = (typeof SCOPE_GROUPS)[ScopeGroup][number];
export const ALL_SCOPES = Object.values(SCOPE_GROUPS).flat() as Scope[];
export const READ_SCOPES = ALL_SCOPES.filter((s) => s.endsWith(':read'));

/**
 * What a procedure needs. `'none'` — any authenticated actor; `'trips:any'` — any trips:* scope;
 * otherwise one scope, satisfied by the rules in `grantAllows`.
 */
export type RequiredScope = Scope | 'none' | 'trips:any';

export function isScope(value: string): value is Scope {
  return (ALL_SCOPES as string[]).includes(value);
}

/** Splits a space-separated scope string, keeping known scopes in canonical order. */
export function parseScopeString(value: string | undefined | null): { known: Scope[]; unknown: string[] } {
  const words = (value ?? '').split(/\s+/).filter(Boolean);
  const unknown = words.filter((w) => !isScope(w));
  const known = ALL_SCOPES.filter((s) => words.includes(s));
  return { known, unknown };
}

export function formatScopes(scopes: readonly string[]) {
  return ALL_SCOPES.filter((s) => scopes.includes(s)).join(' ');
}

/** Does a grant (null = every scope, as for web sessions and static tokens) satisfy the requirement? */
export function grantAllows(grant: readonly string[] | null, required: RequiredScope): boolean {
  if (grant === null || required === 'none') return true;
  const has = (s: string) => grant.includes(s);
  if (required === 'trips:any' || required === 'trips:read') {
    return SCOPE_GROUPS.trips.some(has);
  }
  if (required.endsWith(':read')) {
    const group = required.slice(0, -':read'.length);
    // journey:share alone does not grant journey read; every other X:write implies X:read.
    return has(required) || has(`${group}:write`);
  }
  return has(required);
}

/** The scope to name in an insufficient_scope answer. */
export function scopeToRequest(required: RequiredScope): Scope | undefined {
  if (required === 'none') return undefined;
  if (required === 'trips:any') return 'trips:read';
  return required;
}
