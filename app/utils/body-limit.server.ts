// Request-body limits per route class, enforced before any handler buffers a body: an announced Content-Length over the
// limit is answered 413 at once, and a streamed body is cut off (413) as soon as it passes the limit. Without this an
// anonymous 400 MB POST to /oauth/token was read whole into memory before anything looked at it.
import { Readable } from 'node:stream';
import type http from 'node:http';
import type express from 'express';
import { JOURNEY_PHOTO_UPLOAD_MAX_BYTES, PHOTO_UPLOAD_MAX_BYTES } from '~/domain/uploads';

const KB = 1024;
const MB = 1024 * KB;

/** /mcp's limit (mcp/node.ts applies it; JSON-RPC tool arguments can be large). */
export const MCP_BODY_LIMIT = 4 * MB;
/** tRPC carries whole form states (a trip with its description, a day's notes). */
export const TRPC_BODY_LIMIT = 1 * MB;
/** Forms, OAuth endpoints, realtime channel auth: a few fields each. */
export const FORM_BODY_LIMIT = 64 * KB;
/** A place photo upload (POST /api/places/<id>/photo, the raw image): 5 MB. */
export const PHOTO_UPLOAD_BODY_LIMIT = PHOTO_UPLOAD_MAX_BYTES;
const PHOTO_UPLOAD_PATH = /^\/api\/places\/\d+\/photo\/?$/;
/** A journey photo upload (POST /api/journeys/<id>/photos, the raw image): 15 MB. */
export const JOURNEY_PHOTO_UPLOAD_BODY_LIMIT = JOURNEY_PHOTO_UPLOAD_MAX_BYTES;
const JOURNEY_PHOTO_UPLOAD_PATH = /^\/api\/journeys\/\d+\/photos\/?$/;

/** A profile picture upload (POST /api/avatar, the raw image): as much as a place photo. */
const AVATAR_UPLOAD_PATH = /^\/api\/avatar\/?$/;

export function bodyLimitFor(path: string): number {
  if (path === '/mcp' || path.startsWith('/mcp/') || path.startsWith('/mcp?')) return MCP_BODY_LIMIT;
  if (path.startsWith('/api/trpc')) return TRPC_BODY_LIMIT;
  if (PHOTO_UPLOAD_PATH.test(path)) return PHOTO_UPLOAD_BODY_LIMIT;
  if (JOURNEY_PHOTO_UPLOAD_PATH.test(path)) return JOURNEY_PHOTO_UPLOAD_BODY_LIMIT;
  if (AVATAR_UPLOAD_PATH.test(path)) return PHOTO_UPLOAD_BODY_LIMIT;
  return FORM_BODY_LIMIT;
}

function describeLimit(limit: number) {
  return limit >= MB ? `${limit / MB} MB` : `${limit / KB} KB`;
}

/** The 413 answer's JSON body (the same wording under server.ts and the serverless handler). */
export function payloadTooLargeBody(limit: number) {
  return { error: 'payload_too_large', message: `The request body is larger than ${describeLimit(limit)}` };
}

/** True when the request announces a body larger than `limit`. */
export function announcesTooLarge(req: http.IncomingMessage, limit: number) {
  const declared = Number(req.headers['content-length'] ?? 0);
  return Number.isFinite(declared) && declared > limit;
}

/**
 * Answers 413 and closes the connection afterwards (the rest of the body is not read into memory; a little is drained
 * so the client sees the answer, then a client that keeps sending is cut off).
 */
export function refuseTooLarge(req: http.IncomingMessage, res: http.ServerResponse, limit: number) {
  if (!res.headersSent) {
    res.writeHead(413, { 'Content-Type': 'application/json', Connection: 'close' });
    res.end(JSON.stringify(payloadTooLargeBody(limit)));
  }
  let drained = 0;
  req.removeAllListeners('data');
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > limit) req.socket.destroy();
  });
  req.resume();
}

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
  }
}

/** Reads the whole body, rejecting with BodyTooLarge as soon as it passes `limit` (nothing beyond it is kept). */
export function readBodyWithin(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (announcesTooLarge(req, limit)) {
      reject(new BodyTooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        failed = true;
        req.off('data', onData);
        reject(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (!failed) resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
    });
  });
}

/**
 * Wraps the Remix request handler: bodies are read within their route's limit first, then handed to Remix as a stream
 * of the bytes already read (the Remix express adapter reads the request as a Node stream plus a few express fields).
 */
export function withBodyLimits(handler: express.RequestHandler): express.RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return handler(req, res, next);
    const limit = bodyLimitFor(req.path);
    readBodyWithin(req, limit).then(
      (body) => {
        const replay = Readable.from([body], { objectMode: false });
        Object.assign(replay, {
          method: req.method,
          headers: req.headers,
          originalUrl: req.originalUrl,
          url: req.url,
          hostname: req.hostname,
          protocol: req.protocol,
          get: req.get.bind(req),
        });
        return handler(replay as unknown as express.Request, res, next);
      },
      (error: unknown) => {
        if (error instanceof BodyTooLarge) refuseTooLarge(req, res, limit);
        else next(error);
      },
    );
  };
}

/** A Fetch Request's body within `limit` (the serverless entry), or the 413 answer, so nothing larger is held in memory. */
export async function readFetchBodyWithin(request: Request, limit: number): Promise<ArrayBuffer | Response> {
  const tooLarge = () => Response.json(payloadTooLargeBody(limit), { status: 413, headers: { Connection: 'close' } });
  const declared = Number(request.headers.get('Content-Length') ?? 0);
  if (Number.isFinite(declared) && declared > limit) return tooLarge();
  if (!request.body) return new ArrayBuffer(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body.buffer;
}
