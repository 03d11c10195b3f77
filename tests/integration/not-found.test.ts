// Unknown URLs get the app's own not-found page in the visitor's language (404, lang/dir, translated tab title), while
// the catch-all route that makes this possible leaves every real endpoint (MCP, OAuth, metadata, assets, pages) alone.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';

let server: TestServer;
let german: string;
let arabic: string;
beforeAll(async () => {
  server = await startTestServer();
  const de = await makeUser(server);
  await de.trpc.account.updateProfile.mutate({ language: 'de' });
  german = de.cookie;
  const ar = await makeUser(server);
  await ar.trpc.account.updateProfile.mutate({ language: 'ar' });
  arabic = ar.cookie;
});
afterAll(async () => {
  await server?.close();
});

async function page(pathname: string, init: RequestInit = {}) {
  const response = await fetch(`${server.url}${pathname}`, { redirect: 'manual', ...init });
  const html = await response.text();
  const htmlTag = /<html\b[^>]*>/.exec(html)?.[0] ?? '';
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    html,
    lang: /\blang="([^"]*)"/.exec(htmlTag)?.[1],
    dir: /\bdir="([^"]*)"/.exec(htmlTag)?.[1],
    title: /<title>([^<]*)<\/title>/.exec(html)?.[1],
    heading: /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1],
  };
}

describe('unknown URLs', () => {
  it.each(['/this-does-not-exist', '/trips/abc/nothing', '/settings/nothing', '/api/nothing', '/oauth/nothing', '/.well-known/nothing'])(
    'GET %s answers 404 with the not-found page',
    async (pathname) => {
      const res = await page(pathname);
      expect(res.status).toBe(404);
      expect(res.contentType).toContain('text/html');
      expect(res.heading).toBe('Page not found');
      expect(res.title).toBe('Page not found · Waymark');
    },
  );

  it('a form posted to an unknown URL gets 404, not 405 or 500', async () => {
    const res = await page('/this-does-not-exist', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: german, Origin: server.url },
      body: 'a=1',
    });
    expect(res.status).toBe(404);
    expect(res.heading).toBe('Seite nicht gefunden');
    const anonymous = await page('/this-does-not-exist', { method: 'POST' });
    expect(anonymous.status).toBe(404);
  });

  it('is in German for a signed-in German user, with a link back to the dashboard', async () => {
    const res = await page('/this-does-not-exist', { headers: { Cookie: german } });
    expect(res.status).toBe(404);
    expect(res).toMatchObject({ lang: 'de', dir: 'ltr', title: 'Seite nicht gefunden · Waymark', heading: 'Seite nicht gefunden' });
    expect(res.html).toContain('Diese Seite existiert nicht.');
    expect(res.html).toMatch(/<a href="\/"[^>]*>Zurück zu meinen Reisen<\/a>/);
  });

  it('is in Arabic and right to left for a signed-in Arabic user, also below a real route', async () => {
    const res = await page('/trips/abc/nothing', { headers: { Cookie: arabic } });
    expect(res.status).toBe(404);
    expect(res).toMatchObject({ lang: 'ar', dir: 'rtl', title: 'الصفحة غير موجودة · Waymark', heading: 'الصفحة غير موجودة' });
  });

  it('follows Accept-Language and the lng cookie for signed-out visitors, offering the login page', async () => {
    const byHeader = await page('/nothing/here', { headers: { 'Accept-Language': 'de-DE,de;q=0.9,en;q=0.5' } });
    expect(byHeader).toMatchObject({ status: 404, lang: 'de', heading: 'Seite nicht gefunden' });
    expect(byHeader.html).toMatch(/<a href="\/login"[^>]*>Anmelden<\/a>/);
    const byCookie = await page('/nothing/here', { headers: { Cookie: 'lng=ar', 'Accept-Language': 'de' } });
    expect(byCookie).toMatchObject({ status: 404, lang: 'ar', dir: 'rtl' });
  });
});

describe('real endpoints answer as before', () => {
  it('/mcp is still the MCP endpoint (JSON, not the HTML page)', async () => {
    for (const method of ['GET', 'POST']) {
      const response = await fetch(`${server.url}/mcp`, { method, headers: { 'Content-Type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
      expect(response.status).not.toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      const body = (await response.json()) as { error?: string };
      expect(body.error).toBeTruthy();
    }
  });

  it('/.well-known metadata is still JSON', async () => {
    for (const pathname of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/mcp', '/.well-known/oauth-authorization-server']) {
      const response = await fetch(`${server.url}${pathname}`);
      expect(response.status, pathname).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/json');
      const body = (await response.json()) as Record<string, unknown>;
      expect(body.resource ?? body.issuer).toBeTruthy();
    }
  });

  it('/oauth/token without a body is the usual 400 JSON error, GET the usual 405', async () => {
    const post = await fetch(`${server.url}/oauth/token`, { method: 'POST' });
    expect(post.status).toBe(400);
    expect(((await post.json()) as { error: string }).error).toBe('invalid_request');
    const get = await fetch(`${server.url}/oauth/token`);
    expect(get.status).toBe(405);
    expect(((await get.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('the embedded Pusher HTTP API still answers for /apps/*', async () => {
    const response = await fetch(`${server.url}/apps/no-such-app/channels`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ error: 'Unknown app' });
  });

  it('/api routes still answer as JSON', async () => {
    const trpc = await fetch(`${server.url}/api/trpc/account.me`, { headers: { Cookie: german } });
    expect(trpc.status).toBe(200);
    expect(((await trpc.json()) as { result: { data: { user: { language: string } } } }).result.data.user.language).toBe('de');
    const unknownProcedure = await fetch(`${server.url}/api/trpc/no.such.procedure`, { headers: { Cookie: german } });
    expect(unknownProcedure.status).toBe(404);
    expect(((await unknownProcedure.json()) as { error: { data: { code: string } } }).error.data.code).toBe('NOT_FOUND');
    const realtime = await fetch(`${server.url}/api/realtime/auth`);
    expect(realtime.status).toBe(401);
    expect(realtime.headers.get('content-type')).toContain('application/json');
  });

  it('static files and the built client assets are still served', async () => {
    const buildDir = path.resolve(import.meta.dirname, '../../public/build');
    const entry = fs.readdirSync(buildDir).find((f) => f.startsWith('entry.client'));
    expect(entry).toBeTruthy();
    const script = await fetch(`${server.url}/build/${entry}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    const icon = await fetch(`${server.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    const locale = await fetch(`${server.url}/locales/de/common.json`);
    expect(locale.status).toBe(200);
    const redirect = await fetch(`${server.url}/favicon.ico`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/favicon.svg');
  });

  it('resource routes and pages keep their own answers', async () => {
    const logout = await fetch(`${server.url}/logout`);
    expect(logout.status).toBe(405);
    expect(await logout.text()).toBe('Use POST to log out');
    const dashboard = await page('/', { headers: { Cookie: german } });
    expect(dashboard).toMatchObject({ status: 200, lang: 'de', title: 'Meine Reisen · Waymark' });
    const signedOut = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get('location')).toBe('/login?redirectTo=%2F');
    const login = await page('/login');
    expect(login).toMatchObject({ status: 200, title: 'Log in · Waymark' });
    const trip = await page('/trips/999999', { headers: { Cookie: german } });
    expect(trip.status).toBe(404);
    expect(trip.heading).not.toBe('Seite nicht gefunden');
  });
});
