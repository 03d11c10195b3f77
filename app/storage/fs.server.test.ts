import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileSystemStorage } from './fs.server';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-storage-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const storage = createFileSystemStorage(root);

describe('filesystem storage', () => {
  it('stores, reads, lists and deletes an object with its content type', async () => {
    await storage.put('places/abc', Buffer.from([1, 2, 3]), 'image/png');
    expect(await storage.get('places/abc')).toEqual({ bytes: Buffer.from([1, 2, 3]), contentType: 'image/png' });
    expect(fs.existsSync(path.join(root, 'places', 'abc'))).toBe(true);
    expect(await storage.list('places')).toEqual(['places/abc']);
    await storage.delete('places/abc');
    expect(await storage.get('places/abc')).toBeNull();
    expect(await storage.list('places')).toEqual([]);
    await expect(storage.delete('places/abc')).resolves.toBeUndefined();
  });

  it('replaces an object written again under the same key', async () => {
    await storage.put('places/x', Buffer.from('one'), 'image/jpeg');
    await storage.put('places/x', Buffer.from('two'), 'image/webp');
    expect(await storage.get('places/x')).toEqual({ bytes: Buffer.from('two'), contentType: 'image/webp' });
  });

  it('refuses keys that could leave the root', async () => {
    for (const key of ['../etc/passwd', 'places/../../x', '/abs', 'a//b', 'a/b.type', '']) {
      await expect(storage.get(key)).rejects.toThrow(/invalid storage key/);
    }
  });

  it('lists nothing for a prefix that was never written', async () => {
    expect(await storage.list('nothing')).toEqual([]);
  });
});
