// Vercel's function for every path the static files (public/) do not answer (vercel.json rewrites them here): each
// HTTP method hands the Fetch Request to Waymark's serverless handler (app/serverless/handler.ts, bundled by
// `npm run build` to build/serverless.js). Vercel sets x-real-ip to the client's address; a client cannot forge it.
// The Remix build is imported here, statically, so Vercel's file tracing ships the packages it needs.
import * as build from '../build/index.js';
import { createServerlessHandler } from '../build/serverless.js';

const handler = createServerlessHandler({ loadBuild: async () => build });

/** @param {Request} request */
function serve(request) {
  return handler(request, { clientAddress: request.headers.get('x-real-ip') ?? '' });
}

export const GET = serve;
export const HEAD = serve;
export const POST = serve;
export const PUT = serve;
export const PATCH = serve;
export const DELETE = serve;
export const OPTIONS = serve;
