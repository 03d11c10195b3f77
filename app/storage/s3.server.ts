// The S3-compatible store (AWS S3, Cloudflare R2, MinIO, Backblaze B2, …): the same four operations as the filesystem
// store, as plain HTTP requests signed with AWS Signature Version 4 (aws4fetch). Nothing touches the local disk, so it
// is the store for serverless hosts and for several instances that share no disk.
import { AwsClient } from 'aws4fetch';
import type { S3Settings } from '~/env.server';
import { assertKey, type FileStorage } from './types';

/** Keys per ListObjectsV2 page (S3's own maximum is 1000). */
const LIST_PAGE = 1000;

export class S3StorageError extends Error {}

function xmlValues(xml: string, tag: string) {
  const decode = (v: string) =>
    v.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => decode(m[1]));
}

export function createS3Storage(settings: S3Settings, fetcher: typeof fetch = fetch): FileStorage {
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    region: settings.region,
    service: 's3',
  });
  const endpoint = new URL(settings.endpoint);
  const bucketUrl = settings.pathStyle
    ? `${endpoint.origin}${endpoint.pathname.replace(/\/+$/, '')}/${settings.bucket}`
    : `${endpoint.protocol}//${settings.bucket}.${endpoint.host}${endpoint.pathname.replace(/\/+$/, '')}`;
  const objectUrl = (key: string) => {
    assertKey(key);
    return `${bucketUrl}/${key}`;
  };
  const send = async (url: string, init: RequestInit = {}) => {
    const signed = await client.sign(url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined) } });
    return fetcher(signed);
  };
  const fail = async (what: string, response: Response): Promise<never> => {
    const code = xmlValues(await response.text(), 'Code')[0];
    throw new S3StorageError(`S3 ${what} failed: HTTP ${response.status}${code ? ` ${code}` : ''}`);
  };

  return {
    async put(key, bytes, contentType) {
      const response = await send(objectUrl(key), { method: 'PUT', body: new Uint8Array(bytes), headers: { 'Content-Type': contentType } });
      if (!response.ok) await fail(`PUT ${key}`, response);
      await response.arrayBuffer();
    },
    async get(key) {
      const response = await send(objectUrl(key));
      if (response.status === 404) {
        await response.arrayBuffer();
        return null;
      }
      if (!response.ok) return fail(`GET ${key}`, response);
      return {
        bytes: Buffer.from(await response.arrayBuffer()),
        contentType: response.headers.get('Content-Type') ?? 'application/octet-stream',
      };
    },
    async delete(key) {
      const response = await send(objectUrl(key), { method: 'DELETE' });
      if (!response.ok && response.status !== 404) await fail(`DELETE ${key}`, response);
      await response.arrayBuffer();
    },
    async list(prefix) {
      assertKey(prefix);
      // The prefix's direct children, as the filesystem store lists one folder.
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const query = new URLSearchParams({ 'list-type': '2', prefix: `${prefix}/`, delimiter: '/', 'max-keys': String(LIST_PAGE) });
        if (token) query.set('continuation-token', token);
        const response = await send(`${bucketUrl}?${query}`);
        if (!response.ok) await fail(`LIST ${prefix}`, response);
        const xml = await response.text();
        keys.push(...xmlValues(xml, 'Key'));
        token = xmlValues(xml, 'IsTruncated')[0] === 'true' ? xmlValues(xml, 'NextContinuationToken')[0] : undefined;
      } while (token);
      return keys;
    },
  };
}
