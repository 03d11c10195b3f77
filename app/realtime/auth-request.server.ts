// What both realtime signing routes (channel authorization and user authentication) check before signing: a POST from
// our own pages, real time available, a signed-in browser, and a well-formed socket id (form-encoded, as pusher-js
// sends it, or JSON). Answers a Response when refused.
import type { Actor } from '~/auth/actor.server';
import type { Services } from '~/services/types.server';
import { getWebActor, isSameOriginRequest } from '~/utils/request.server';
import { realtimeOf, type WaymarkRealtime } from './create.server';
import { SOCKET_ID } from './signatures.server';

export const refuse = (status: number, message: string) => Response.json({ error: message }, { status });

export async function readAuthRequest(
  request: Request,
  services: Services,
): Promise<Response | { realtime: WaymarkRealtime; actor: Actor; socketId: string; fields: Record<string, unknown> }> {
  if (request.method !== 'POST') return refuse(405, 'Use POST');
  if (!isSameOriginRequest(request, services.config.appUrl)) return refuse(403, 'Cross-site request refused');
  const realtime = realtimeOf(services);
  if (!realtime) return refuse(503, 'Real time is not available');
  const { actor } = await getWebActor(request, services);
  if (!actor) return refuse(401, 'Please sign in first');
  let fields: Record<string, unknown>;
  try {
    fields = (request.headers.get('Content-Type') ?? '').includes('application/json')
      ? ((await request.json()) as Record<string, unknown>)
      : Object.fromEntries(await request.formData());
  } catch {
    return refuse(400, 'Send socket_id as a form or JSON');
  }
  const socketId = fields?.socket_id;
  if (typeof socketId !== 'string' || !SOCKET_ID.test(socketId)) return refuse(400, 'socket_id is not a valid socket id');
  return { realtime, actor, socketId, fields };
}
