// tRPC over HTTP for the browser. Authenticated by the web session cookie only; writes must come from our own pages.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '~/trpc/root';
import { createContext } from '~/trpc/init';
import { clientIp, getServices, getWebActor, isSameOriginRequest } from '~/utils/request.server';

async function handle({ request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  const services = getServices(context);
  if (request.method !== 'GET' && !isSameOriginRequest(request, services.config.appUrl)) {
    return Response.json({ error: { message: 'Cross-site request refused' } }, { status: 403 });
  }
  const { actor, setCookie } = await getWebActor(request, services);
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: () =>
      createContext({
        services,
        actor,
        origin: 'ui',
        socketId: request.headers.get('x-pusher-socket-id') ?? undefined,
        ip: clientIp(request),
      }),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`[waymark] tRPC ${path}:`, error.cause ?? error);
    },
  });
  if (setCookie) {
    const headers = new Headers(response.headers);
    headers.append('Set-Cookie', setCookie);
    return new Response(response.body, { status: response.status, headers });
  }
  return response;
}

export const loader = handle;
export const action = handle;
