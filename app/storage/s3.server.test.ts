// The S3-compatible store against a small fake S3 server over real HTTP: signed requests (the fake checks AWS
// Signature V4 itself), path-style object URLs, paged listing, and refusals surfacing as errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '~/env.server';
import { startFakeS3, type FakeS3 } from '../../tests/helpers/fake-s3';
import { createStorage } from './create.server';
import { createS3Storage, S3StorageError } from './s3.server';

let s3: FakeS3;
beforeAll(async () => {
  s3 = await startFakeS3({ pageSize: 2 });
});
afterAll(() => s3.close());

const settings = () => ({
  endpoint: s3.url,
  bucket: s3.bucket,
  region: s3.region,
  accessKeyId: s3.accessKeyId,
  secretAccessKey: s3.secretAccessKey,
  pathStyle: true,
});

describe('S3-compatible storage', () => {
  it('stores, reads, lists and deletes an object with its content type, through signed requests', async () => {
    const storage = createS3Storage(settings());
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    await storage.put('places/abc', bytes, 'image/png');
    expect(s3.objects.get('places/abc')).toEqual({ bytes, contentType: 'image/png' });
    expect(await storage.get('places/abc')).toEqual({ bytes, contentType: 'image/png' });
    expect(await storage.list('places')).toEqual(['places/abc']);
    await storage.delete('places/abc');
    expect(await storage.get('places/abc')).toBeNull();
    expect(await storage.list('places')).toEqual([]);
    await expect(storage.delete('places/abc')).resolves.toBeUndefined();
    expect(s3.log).toContain(`PUT /${s3.bucket}/places/abc`);
    expect(s3.refused).toBe(0);
  });

  it('lists only the direct children of a prefix, across pages', async () => {
    const storage = createS3Storage(settings());
    const keys = ['list/a', 'list/b', 'list/c', 'list/d', 'list/e'];
    for (const key of keys) await storage.put(key, Buffer.from(key), 'text/plain');
    await storage.put('list/nested/x', Buffer.from('x'), 'text/plain');
    await storage.put('listing/other', Buffer.from('y'), 'text/plain');
    // The fake answers two keys per page: five keys take three requests with continuation tokens.
    const before = s3.log.length;
    expect(await storage.list('list')).toEqual(keys);
    expect(s3.log.slice(before)).toHaveLength(3);
  });

  it('fails loudly when the bucket refuses the signature, and writes nothing', async () => {
    const storage = createS3Storage({ ...settings(), secretAccessKey: 'not-the-secret' });
    const refusedBefore = s3.refused;
    await expect(storage.put('places/nope', Buffer.from('x'), 'image/png')).rejects.toThrow(S3StorageError);
    await expect(storage.get('places/nope')).rejects.toThrow(/HTTP 403 SignatureDoesNotMatch/);
    expect(s3.refused).toBe(refusedBefore + 2);
    expect(s3.objects.has('places/nope')).toBe(false);
  });

  it('refuses keys that could leave the bucket folder before any request', async () => {
    const storage = createS3Storage(settings());
    const before = s3.log.length + s3.refused;
    for (const key of ['../etc/passwd', 'places/../../x', '/abs', 'a//b', 'a?b', '']) {
      await expect(storage.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow(/invalid storage key/);
    }
    expect(s3.log.length + s3.refused).toBe(before);
  });

  it('is the services’ store when S3_BUCKET and its settings are configured', async () => {
    const config = parseConfig({
      S3_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.url,
      S3_REGION: s3.region,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    });
    const storage = createStorage(config);
    await storage.put('places/from-config', Buffer.from('ok'), 'text/plain');
    expect(s3.objects.get('places/from-config')?.bytes.toString()).toBe('ok');
    expect(() => parseConfig({ S3_BUCKET: s3.bucket })).toThrow(/S3_BUCKET needs S3_ENDPOINT/);
  });
});
