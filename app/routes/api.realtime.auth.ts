// Channel authorization for pusher-js: POST socket_id + channel_name (form-encoded), answered with a signature made with
// the app secret — only for channels the signed-in user may hear:
//   private-user-<id>   the user's own id
//   private-trip-<id>   a trip the user owns or is a member of
//   presence-trip-<id>  same, with user_info { name } so the others see who has the trip open
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { getServices, getWebActor } from '~/utils/request.server';
import { realtimeClientConfig } from '~/realtime/create.server';
import { readAuthRequest, refuse } from '~/realtime/auth-request.server';
import { parseChannel } from '~/realtime/channels';
import { tripsVisibleTo } from '~/areas/trip-data.server';

/** GET: the pusher-js configuration (public key and host only) for a signed-in browser, when the root loader has none. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const services = getServices(context);
  const { actor } = await getWebActor(request, services);
  if (!actor) return refuse(401, 'Please sign in first');
  return Response.json({ realtime: realtimeClientConfig(services) }, { headers: { 'Cache-Control': 'no-store' } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const services = getServices(context);
  const checked = await readAuthRequest(request, services);
  if (checked instanceof Response) return checked;
  const { realtime, actor, socketId, fields } = checked;
  const channel = fields.channel_name;
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
