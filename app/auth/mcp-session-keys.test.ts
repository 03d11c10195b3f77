// Sessions are opened under mcpClientKey(actor) and closed under oauthClientKey / staticTokenClientKey: the two must
// name the same client, or revoking a token would leave its sessions open.
import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.server';
import { mcpClientKey, mcpRateKey, oauthClientKey, staticTokenClientKey } from './mcp-session-keys';

const user = { id: 7 } as Actor['user'];

describe('MCP session keys', () => {
  it('an OAuth or machine actor opens sessions under the key its client is closed by', () => {
    expect(mcpClientKey({ user, scopes: [], via: 'oauth', clientId: 'abc', tokenFamily: 'f' })).toBe(oauthClientKey('abc'));
    expect(mcpClientKey({ user, scopes: [], via: 'machine', clientId: 'm1', tokenFamily: 'f' })).toBe(oauthClientKey('m1'));
  });

  it('a static-token actor opens sessions under the key its token is closed by', () => {
    expect(mcpClientKey({ user, scopes: null, via: 'static', clientId: staticTokenClientKey(12) })).toBe(staticTokenClientKey(12));
  });

  it('keeps the stored formats (rows written by earlier versions still match)', () => {
    expect([oauthClientKey('abc'), staticTokenClientKey(12), mcpRateKey(7, 'oauth:abc')]).toEqual(['oauth:abc', 'static:12', 'mcp:7:oauth:abc']);
  });
});
