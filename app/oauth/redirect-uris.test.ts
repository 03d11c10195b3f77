// Loopback redirect URIs (RFC 8252 §7.3): the port may vary; a fragment or credentials never match.
import { describe, expect, it } from 'vitest';
import { redirectUriMatches } from './redirect-uris';

describe('loopback redirect URI matching', () => {
  it('lets only the port vary for a registered loopback URI with a path', () => {
    expect(redirectUriMatches(['http://127.0.0.1/callback'], 'http://127.0.0.1:53682/callback')).toBe(true);
    expect(redirectUriMatches(['http://127.0.0.1/callback'], 'http://127.0.0.1:53682/other')).toBe(false);
    expect(redirectUriMatches(['http://127.0.0.1/callback'], 'http://localhost:53682/callback')).toBe(false);
    // registered with a port: another port is fine too (the app picks one at run time)
    expect(redirectUriMatches(['http://127.0.0.1:4567/cb'], 'http://127.0.0.1:61000/cb')).toBe(true);
    expect(redirectUriMatches(['http://127.0.0.1:4567/cb'], 'http://127.0.0.1:61000/cb?x=1')).toBe(false);
  });

  it('a registration without a path is the path /: any port, no other path', () => {
    expect(redirectUriMatches(['http://localhost'], 'http://localhost:33418/')).toBe(true);
    expect(redirectUriMatches(['http://localhost'], 'http://localhost:33418')).toBe(true);
    expect(redirectUriMatches(['http://localhost'], 'http://localhost:33418/callback')).toBe(false);
    expect(redirectUriMatches(['http://localhost'], 'http://127.0.0.1:33418/')).toBe(false);
  });

  it('never lets a non-loopback URI vary', () => {
    expect(redirectUriMatches(['https://app.example/cb'], 'https://app.example:8443/cb')).toBe(false);
    expect(redirectUriMatches(['http://localhost/cb'], 'http://localhost.evil.example:80/cb')).toBe(false);
  });

  it('never matches a presented URI with a fragment or user info', () => {
    expect(redirectUriMatches(['http://localhost'], 'http://localhost:8080/cb#frag')).toBe(false);
    expect(redirectUriMatches(['http://127.0.0.1/callback'], 'http://127.0.0.1:9/callback#x')).toBe(false);
    expect(redirectUriMatches(['http://localhost'], 'http://user:pw@localhost:8080/cb')).toBe(false);
  });
});
