// User authentication for pusher-js (`pusher.signin()`): POST socket_id, answered with the signed user_data of the
// signed-in user. The Pusher server then knows whose connection it is, so ending a user's access (removal, log-out,
// password change, sign out everywhere) can close that user's sockets at once in hosted mode too.
import type { ActionFunctionArgs } from '@remix-run/node';
import { getServices } from '~/utils/request.server';
import { readAuthRequest, refuse } from '~/realtime/auth-request.server';

export function loader() {
  return refuse(405, 'Use POST');
}

export async function action({ request, context }: ActionFunctionArgs) {
  const checked = await readAuthRequest(request, getServices(context));
  if (checked instanceof Response) return checked;
  const { realtime, actor, socketId } = checked;
  const signed = realtime.authenticateUser(socketId, actor.user.id, actor.user.displayName);
  return signed ? Response.json(signed) : refuse(429, 'Too many open realtime connections for this user; close another tab');
}
