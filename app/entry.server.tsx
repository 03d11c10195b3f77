import { PassThrough } from 'node:stream';
import type { EntryContext, HandleErrorFunction } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import type { Config } from './env.server';
import { createServices as createAppServices } from './services/create.server';
import { installMcp } from '../mcp/install';

const ABORT_DELAY = 5_000;

/**
 * The server's services (server.ts loads them from this bundle): the app's, with the MCP server plugged in. This root
 * is the one place where app/ and mcp/ meet; nothing else in app/ imports mcp/.
 */
export function createServices(config: Config) {
  return createAppServices(config, { extensions: [installMcp] });
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
) {
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />,
      {
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          responseHeaders.set('X-Content-Type-Options', 'nosniff');
          responseHeaders.set('Referrer-Policy', 'same-origin');
          responseHeaders.set('X-Frame-Options', 'DENY');
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
