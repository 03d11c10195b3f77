import { describe, expect, it } from 'vitest';
import { ALL_SCOPES, SCOPE_GROUPS, grantAllows, parseScopeString } from '~/auth/scopes';

describe('scope rules', () => {
  it('has 27 scopes in 13 groups', () => {
    expect(ALL_SCOPES).toHaveLength(27);
    expect(Object.keys(SCOPE_GROUPS)).toHaveLength(13);
  });

  it('X:write implies X:read', () => {
    expect(grantAllows(['places:write'], 'places:read')).toBe(true);
    expect(grantAllows(['places:read'], 'places:write')).toBe(false);
  });

  it('any trips:* scope grants trip read, but trips:write grants neither delete nor share', () => {
    expect(grantAllows(['trips:share'], 'trips:any')).toBe(true);
    expect(grantAllows(['trips:delete'], 'trips:read')).toBe(true);
    expect(grantAllows(['trips:write'], 'trips:delete')).toBe(false);
    expect(grantAllows(['trips:write'], 'trips:share')).toBe(false);
    expect(grantAllows(['places:read'], 'trips:any')).toBe(false);
  });

  it('journey:share alone does not grant journey read', () => {
    expect(grantAllows(['journey:share'], 'journey:read')).toBe(false);
    expect(grantAllows(['journey:write'], 'journey:read')).toBe(true);
  });

  it('web sessions and static tokens (null grant) have every scope; "none" needs nothing', () => {
    expect(grantAllows(null, 'trips:delete')).toBe(true);
    expect(grantAllows([], 'none')).toBe(true);
  });

  it('parses scope strings, separating unknown scopes', () => {
    expect(parseScopeString('places:write bogus trips:read')).toEqual({ known: ['trips:read', 'places:write'], unknown: ['bogus'] });
  });
});
