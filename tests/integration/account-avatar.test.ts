// Profile pictures (issue 19) over real HTTP: an upload is cropped to a 256×256 WebP without metadata and stored
// through the file storage; any signed-in user sees it, nobody signed out does; a new upload replaces (and deletes)
// the old file; removing it leaves the transparent placeholder. Wrong types, empty and oversized bodies are refused.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { NO_AVATAR } from '~/auth/avatar.server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const upload = (cookie: string, body: Buffer, method = 'POST') =>
  fetch(`${server.url}/api/avatar`, { method, headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'application/octet-stream' }, body: method === 'POST' ? new Uint8Array(body) : undefined });
const view = (userId: number, cookie?: string, query = '') => fetch(`${server.url}/api/avatars/${userId}${query}`, { headers: cookie ? { Cookie: cookie } : {} });

/** A 600×400 JPEG with EXIF (camera make, GPS), as phones write them. */
const photo = () =>
  sharp({ create: { width: 600, height: 400, channels: 3, background: '#3366cc' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'SecretCam', Model: 'X1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 0/1' } })
    .toBuffer();

describe('avatars', () => {
  it('stores a 256×256 WebP without metadata, shows it to signed-in users, replaces and removes it', async () => {
    const ada = await makeUser(server, { displayName: 'Ada Picture' });
    const other = await makeUser(server);
    const original = await photo();
    expect((await sharp(original).metadata()).exif).toBeDefined();

    const res = await upload(ada.cookie, original);
    expect(res.status).toBe(200);
    const { avatarUrl } = (await res.json()) as { avatarUrl: string };
    expect(avatarUrl).toMatch(new RegExp(`^/api/avatars/${ada.user.id}\\?v=[0-9a-f]{16}$`));
    const row = await server.services.db.user.findUniqueOrThrow({ where: { id: ada.user.id } });
    const stored = await server.services.storage.get(row.avatarKey!);
    expect(stored?.contentType).toBe('image/webp');

    const seen = await fetch(`${server.url}${avatarUrl}`, { headers: { Cookie: other.cookie } });
    expect(seen.status).toBe(200);
    expect(seen.headers.get('Content-Type')).toBe('image/webp');
    expect(seen.headers.get('Cache-Control')).toContain('immutable');
    const bytes = Buffer.from(await seen.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 256, height: 256 });
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('SecretCam'))).toBe(false);

    // Signed out: nothing.
    expect((await view(ada.user.id)).status).toBe(401);

    // A new picture replaces the old one, whose file is deleted.
    const png = await sharp({ create: { width: 100, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } }).png().toBuffer();
    expect((await upload(ada.cookie, png)).status).toBe(200);
    const replaced = await server.services.db.user.findUniqueOrThrow({ where: { id: ada.user.id } });
    expect(replaced.avatarKey).not.toBe(row.avatarKey);
    expect(await server.services.storage.get(row.avatarKey!)).toBeNull();

    // Removed: the placeholder pixel, and the file is gone.
    expect((await upload(ada.cookie, Buffer.alloc(0), 'DELETE')).status).toBe(200);
    expect((await server.services.db.user.findUniqueOrThrow({ where: { id: ada.user.id } })).avatarKey).toBeNull();
    expect(await server.services.storage.get(replaced.avatarKey!)).toBeNull();
    const none = await view(ada.user.id, other.cookie);
    expect(none.status).toBe(200);
    expect(Buffer.from(await none.arrayBuffer()).equals(NO_AVATAR)).toBe(true);
  });

  it('refuses other types, empty and oversized bodies, signed-out and cross-site uploads; nothing is stored', async () => {
    const bo = await makeUser(server);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const refused = await upload(bo.cookie, svg);
    expect(refused.status).toBe(415);
    expect(await refused.json()).toMatchObject({ error: 'unsupported_type' });
    expect((await upload(bo.cookie, Buffer.alloc(0))).status).toBe(400);
    // A broken JPEG (right magic bytes, no image).
    expect((await upload(bo.cookie, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]))).status).toBe(422);
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(5 * 1024 * 1024 + 10)]);
    expect((await upload(bo.cookie, big)).status).toBe(413);
    const anonymous = await fetch(`${server.url}/api/avatar`, { method: 'POST', headers: { Origin: server.url }, body: new Uint8Array(await photo()) });
    expect(anonymous.status).toBe(401);
    const cross = await fetch(`${server.url}/api/avatar`, { method: 'POST', headers: { Cookie: bo.cookie, Origin: 'https://evil.example' }, body: new Uint8Array(await photo()) });
    expect(cross.status).toBe(403);
    expect((await server.services.db.user.findUniqueOrThrow({ where: { id: bo.user.id } })).avatarKey).toBeNull();
    expect(await server.services.storage.list('avatars')).toEqual([]);
  });
});
