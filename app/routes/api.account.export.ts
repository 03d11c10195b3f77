// GET /api/account/export — "Download my data": the signed-in user's data as a JSON file (app/auth/account-export.server.ts).
// Web sessions only (it is the whole account); never cached.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { clientIp, getServices, getWebActor } from '~/utils/request.server';
import { exportAccount } from '~/auth/account-export.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const services = getServices(context);
  const { actor } = await getWebActor(request, services);
  if (!actor) return Response.json({ error: 'unauthorized', message: 'Please sign in first' }, { status: 401 });
  const data = await exportAccount(services.db, actor.user.id);
  await services.audit({ action: 'account.export', userId: actor.user.id, ip: clientIp(request) });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="waymark-${actor.user.id}-${day}.json"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
