// A tiny S3-compatible server for tests (path-style: /<bucket>/<key>): PUT, GET, DELETE objects and ListObjectsV2 with
// prefix, delimiter and continuation. Every request must carry a valid AWS Signature V4 for the one known key pair
// (checked here from the specification, independently of the client's signing library); others get 403.
import crypto from 'node:crypto';
import http from 'node:http';

export interface FakeS3 {
  url: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  objects: Map<string, { bytes: Buffer; contentType: string }>;
  /** method + path of every request that passed the signature check */
  log: string[];
  /** requests refused for their signature */
  refused: number;
  close(): Promise<void>;
}

const hmac = (key: Buffer | string, data: string) => crypto.createHmac('sha256', key).update(data).digest();
const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex');
const rfc3986 = (v: string) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const xmlEscape = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function signatureValid(req: http.IncomingMessage, body: Buffer, accessKeyId: string, secret: string, region: string) {
  const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
    req.headers.authorization ?? '',
  );
  if (!auth || auth[1] !== accessKeyId || auth[3] !== region) return false;
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  if (!amzDate.startsWith(auth[2])) return false;
  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256(body)) return false;
  const url = new URL(req.url ?? '/', 'http://fake');
  const query = [...url.searchParams]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const signed = auth[4].split(';');
  const headers = signed.map((name) => `${name}:${String(req.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonical = [req.method, url.pathname, query, headers, auth[4], payloadHash].join('\n');
  const scope = `${auth[2]}/${region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, auth[2]), region), 's3'), 'aws4_request');
  const expected = hmac(key, toSign).toString('hex');
  return crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(auth[5]));
}

export async function startFakeS3(options: { pageSize?: number } = {}): Promise<FakeS3> {
  const bucket = 'waymark-test';
  const accessKeyId = 'AKIAFAKE' + crypto.randomBytes(6).toString('hex').toUpperCase();
  const secretAccessKey = crypto.randomBytes(20).toString('base64');
  const region = 'eu-test-1';
  const objects = new Map<string, { bytes: Buffer; contentType: string }>();
  const log: string[] = [];
  const pageSize = options.pageSize ?? 1000;
  const state = { refused: 0 };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://fake');
      const xml = (status: number, text: string) => {
        res.writeHead(status, { 'Content-Type': 'application/xml' });
        res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${text}`);
      };
      if (!signatureValid(req, body, accessKeyId, secretAccessKey, region)) {
        state.refused += 1;
        return xml(403, '<Error><Code>SignatureDoesNotMatch</Code></Error>');
      }
      log.push(`${req.method} ${url.pathname}`);
      const [, bucketName, ...rest] = url.pathname.split('/');
      if (bucketName !== bucket) return xml(404, '<Error><Code>NoSuchBucket</Code></Error>');
      const key = decodeURIComponent(rest.join('/'));
      if (!key && req.method === 'GET' && url.searchParams.get('list-type') === '2') {
        const prefix = url.searchParams.get('prefix') ?? '';
        const delimiter = url.searchParams.get('delimiter');
        const all = [...objects.keys()]
          .filter((k) => k.startsWith(prefix) && !(delimiter && k.slice(prefix.length).includes(delimiter)))
          .sort();
        const start = Number(url.searchParams.get('continuation-token') ?? 0);
        const page = all.slice(start, start + Math.min(pageSize, Number(url.searchParams.get('max-keys') ?? 1000)));
        const next = start + page.length;
        return xml(
          200,
          `<ListBucketResult><Name>${bucket}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount>` +
            `<IsTruncated>${next < all.length}</IsTruncated>${next < all.length ? `<NextContinuationToken>${next}</NextContinuationToken>` : ''}` +
            page.map((k) => `<Contents><Key>${xmlEscape(k)}</Key><Size>${objects.get(k)!.bytes.length}</Size></Contents>`).join('') +
            '</ListBucketResult>',
        );
      }
      if (!key) return xml(400, '<Error><Code>InvalidRequest</Code></Error>');
      if (req.method === 'PUT') {
        objects.set(key, { bytes: body, contentType: String(req.headers['content-type'] ?? 'application/octet-stream') });
        res.writeHead(200, { ETag: `"${crypto.createHash('md5').update(body).digest('hex')}"` });
        return res.end();
      }
      if (req.method === 'GET') {
        const object = objects.get(key);
        if (!object) return xml(404, '<Error><Code>NoSuchKey</Code></Error>');
        res.writeHead(200, { 'Content-Type': object.contentType, 'Content-Length': String(object.bytes.length) });
        return res.end(object.bytes);
      }
      if (req.method === 'DELETE') {
        objects.delete(key);
        res.writeHead(204);
        return res.end();
      }
      return xml(405, '<Error><Code>MethodNotAllowed</Code></Error>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    bucket,
    accessKeyId,
    secretAccessKey,
    region,
    objects,
    log,
    get refused() {
      return state.refused;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
