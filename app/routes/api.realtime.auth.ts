// Channel authorization for pusher-js: POST socket_id + channel_name (form-encoded), answered with a signature made with
// the app secret — only for channels the signed-in user may hear:
//   private-user-<id>   the user's own id
//   private-trip-<id>   a trip the user owns or is a member of
//   presence-trip-<id>  same, with user_info { name } so the others see who has the trip open
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { getServices, getWebActor, isSameOriginRequest } from '~/utils/request.server';
import { realtimeClientConfig, realtimeOf } from '~/realtime/create.server';
import { SOCKET_ID } from '~/realtime/signatures.server';
import { parseChannel } from '~/realtime/channels';
import { tripsVisibleTo } from '~/areas/trip-data.server';

const refuse = (status: number, message: string) => Response.json({ error: message }, { status });

/** GET: the pusher-js configuration (public key and host only) for a signed-in browser, when the root loader has none. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const services = getServices(context);
  const { actor } = await getWebActor(request, services);
  if (!actor) return refuse(401, 'Please sign in first');
  return Response.json({ realtime: realtimeClientConfig(services) }, { headers: { 'Cache-Control': 'no-store' } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const services = getServices(context);
  if (request.method !== 'POST') return refuse(405, 'Use POST');
  if (!isSameOriginRequest(request, services.config.appUrl)) return refuse(403, 'Cross-site request refused');
  const realtime = realtimeOf(services);
  if (!realtime) return refuse(503, 'Real time is not available');
  const { actor } = await getWebActor(request, services);
  if (!actor) return refuse(401, 'Please sign in first');

  let socketId: unknown;
  let channel: unknown;
  try {
    const type = request.headers.get('Content-Type') ?? '';
    if (type.includes('application/json')) {
      const body = (await request.json()) as Record<string, unknown>;
      socketId = body.socket_id;
      channel = body.channel_name;
    } else {
      const form = await request.formData();
      socketId = form.get('socket_id');
      channel = form.get('channel_name');
    }
  } catch {
    return refuse(400, 'Send socket_id and channel_name');
  }
  if (typeof socketId !== 'string' || !SOCKET_ID.test(socketId)) return refuse(400, 'socket_id is not a valid socket id');
  if (typeof channel !== 'string') return refuse(400, 'channel_name is missing');

  const userId = actor.user.id;
  const parsed = parseChannel(channel);
  const answer = (signed: ReturnType<typeof realtime.authorizeChannel>) =>
    signed ? Response.json(signed) : refuse(429, 'Too many open realtime connections for this user; close another tab');
  if (!parsed) return refuse(403, 'Unknown channel');
  if (parsed.kind === 'user') {
    if (parsed.userId !== userId) return refuse(403, 'Not your channel');
    return answer(realtime.authorizeChannel(socketId, channel, userId));
  }
  const trip = await services.db.trip.findFirst({
    where: { id: parsed.tripId, ...tripsVisibleTo(userId) },
    select: { id: true },
  });
  if (!trip) return refuse(403, 'Not a member of this trip');
  if (parsed.kind === 'trip') return answer(realtime.authorizeChannel(socketId, channel, userId));
  return answer(realtime.authorizeChannel(socketId, channel, userId, { name: actor.user.displayName }));
}
