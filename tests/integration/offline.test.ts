// What the browser needs to install Waymark and run its service worker, over real HTTP: the manifest (valid, in the
// visitor's language, right content type and caching), the icons it names, the worker script (revalidated on every
// visit, built with this build's file list), the page's links, and a Content-Security-Policy that allows both.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';

let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startTestServer();
  cookie = (await makeUser(server)).cookie;
});
afterAll(async () => {
  await server?.close();
});

describe('installable', () => {
  it('serves a valid manifest with any and maskable icons of 192 and 512 px that exist', async () => {
    const response = await fetch(`${server.url}/manifest.webmanifest`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/manifest+json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(response.headers.get('vary')).toContain('Accept-Language');
    const manifest = await response.json();
    expect(manifest).toMatchObject({ name: 'Waymark', short_name: 'Waymark', start_url: '/', scope: '/', display: 'standalone', lang: 'en', dir: 'ltr' });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
    for (const purpose of ['any', 'maskable']) {
      expect(manifest.icons.filter((i: { purpose: string }) => i.purpose === purpose).map((i: { sizes: string }) => i.sizes)).toEqual(
        expect.arrayContaining(['192x192', '512x512']),
      );
    }
    for (const icon of manifest.icons as { src: string; type: string }[]) {
      const file = await fetch(`${server.url}${icon.src}`);
      expect(file.status, icon.src).toBe(200);
      expect(file.headers.get('content-type'), icon.src).toContain(icon.type);
    }
  });

  it('describes the app in the visitor’s language, right to left in Arabic', async () => {
    const arabic = await (await fetch(`${server.url}/manifest.webmanifest`, { headers: { 'Accept-Language': 'ar' } })).json();
    const english = JSON.parse(fs.readFileSync(path.resolve('public/locales/en/offline.json'), 'utf8')).manifest.description;
    expect(arabic).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(arabic.description).not.toBe(english);
    expect(arabic.description.length).toBeGreaterThan(10);
  });

  it('links the manifest, the Apple icon and the theme colour from every page', async () => {
    const html = await (await fetch(`${server.url}/`, { headers: { Cookie: cookie } })).text();
    expect(html).toMatch(/<link rel="manifest" href="\/manifest.webmanifest"\/>/);
    expect(html).toMatch(/<link rel="apple-touch-icon" href="\/icons\/apple-touch-icon.png"\/>/);
    expect(html).toMatch(/<meta name="theme-color" content="#4f46e5"\/>/);
  });
});

describe('service worker script', () => {
  it('is JavaScript, revalidated on every visit, and carries this build’s files and the offline texts', async () => {
    const response = await fetch(`${server.url}/sw.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const script = await response.text();
    const someBuildFile = fs.readdirSync(path.resolve('public/build')).find((f) => f.startsWith('entry.client'));
    expect(script).toContain(`/build/${someBuildFile}`);
    expect(script).toContain('غير متاح دون اتصال'); // the Arabic "not available offline"
  });

  it('the pages’ Content-Security-Policy lets the worker and the manifest load from this origin', async () => {
    const response = await fetch(`${server.url}/`, { headers: { Cookie: cookie } });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("default-src 'self'"); // manifest-src falls back to it
    expect(csp).not.toMatch(/manifest-src 'none'/);
  });
});
