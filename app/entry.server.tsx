import crypto from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { AppLoadContext, EntryContext, HandleErrorFunction } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import type { Config } from './env.server';
import { createServices as createAppServices } from './services/create.server';
import { installMcp } from '../mcp/install';
import { contentSecurityPolicy, NonceContext } from './utils/csp';
import { realtimeClientConfig } from './realtime/create.server';
import type { Services } from './services/types.server';

const ABORT_DELAY = 5_000;

/**
 * The server's services (server.ts loads them from this bundle): the app's, with the MCP server plugged in. This root
 * is the one place where app/ and mcp/ meet; nothing else in app/ imports mcp/.
 */
export function createServices(config: Config, options: { scheduledJobs?: boolean } = {}) {
  return createAppServices(config, { ...options, extensions: [installMcp] });
}

/** Logs unexpected server errors once; 404s and client aborts are not errors worth a log line. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  const status = (error as { status?: number } | null)?.status;
  if (status === 404 || status === 405) return;
  console.error('[waymark]', error);
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = crypto.randomBytes(16).toString('base64');
  const services = (loadContext as { services?: Services }).services;
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          responseHeaders.set('X-Content-Type-Options', 'nosniff');
          responseHeaders.set('Referrer-Policy', 'same-origin');
          responseHeaders.set('X-Frame-Options', 'DENY');
          responseHeaders.set('Content-Security-Policy', contentSecurityPolicy(nonce, services ? realtimeClientConfig(services) : null));
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
