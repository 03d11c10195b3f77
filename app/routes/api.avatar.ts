// The signed-in user's own profile picture (Settings → Profile), web sessions only:
//   POST   /api/avatar   the raw image as the body (JPEG, PNG or WebP, 5 MB at most) → { avatarUrl }
//   DELETE /api/avatar   removes it → { avatarUrl: null }
import type { ActionFunctionArgs } from '@remix-run/node';
import { assertSameOrigin, getServices, getWebActor } from '~/utils/request.server';
import { avatarUrl, removeAvatar, setAvatar } from '~/auth/avatar.server';
import { ImageRejected } from '~/storage/images.server';

const answer = (body: object, status = 200) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

export async function loader() {
  return answer({ error: 'method_not_allowed', message: 'POST an image or DELETE the picture' }, 405);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const services = getServices(context);
  assertSameOrigin(request, services);
  const { actor } = await getWebActor(request, services);
  if (!actor) return answer({ error: 'unauthorized', message: 'Please sign in first' }, 401);
  const userId = actor.user.id;
  if (request.method === 'DELETE') {
    await removeAvatar(services, userId);
    await services.audit({ action: 'account.avatar_remove', userId });
    return answer({ avatarUrl: null });
  }
  if (request.method !== 'POST') return answer({ error: 'method_not_allowed', message: 'POST an image or DELETE the picture' }, 405);
  try {
    const key = await setAvatar(services, userId, Buffer.from(await request.arrayBuffer()));
    await services.audit({ action: 'account.avatar_set', userId });
    return answer({ avatarUrl: avatarUrl(userId, key) });
  } catch (error) {
    if (error instanceof ImageRejected) return answer({ error: error.reason, message: error.message }, error.status);
    throw error;
  }
}
