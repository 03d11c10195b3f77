// Loopback redirect URIs (RFC 8252 §7.3): the port may vary; a fragment or credentials never match.
import { describe, expect, it } from 'vitest';
import { redirectUriMatches } from './redirect-uris';

describe('loopback redirect URI matching', () => {
  it('lets only the port vary for a registered loopback URI with a path', () => {
    expect(redirectUriMatches(['http://127.0.0.1/callback'], 'http://127.0.0.1:53682/callback')).toBe(true);
    expect(redirectUriMatches(['http://127.0.0.1/callback'], 'http://127.0.0.1:53682/other')).toBe(false);
    expect(redirectUriMatches(['http://127.0.0.1/callback'], 'http://localhost:53682/callback')).toBe(false);
  });

  it('never matches a presented URI with a fragment or user info', () => {
    expect(redirectUriMatches(['http://localhost'], 'http://localhost:8080/cb#frag')).toBe(false);
    expect(redirectUriMatches(['http://127.0.0.1/callback'], 'http://127.0.0.1:9/callback#x')).toBe(false);
    expect(redirectUriMatches(['http://localhost'], 'http://user:pw@localhost:8080/cb')).toBe(false);
  });
});
