// GET /api/avatars/<userId> — a user's profile picture (256×256 WebP), for any signed-in user; without a picture a
// transparent pixel (the initials drawn underneath show through). With ?v= (the URL Waymark hands out after an
// upload) it is cached for good, since each upload gets a new version; without, briefly.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { getServices, getWebActor } from '~/utils/request.server';
import { imageResponse } from '~/storage/images.server';
import { NO_AVATAR } from '~/auth/avatar.server';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const services = getServices(context);
  const { actor } = await getWebActor(request, services);
  if (!actor) return Response.json({ error: 'unauthorized', message: 'Please sign in first' }, { status: 401 });
  const userId = Number(params.userId);
  const user = Number.isSafeInteger(userId) ? await services.db.user.findUnique({ where: { id: userId }, select: { avatarKey: true } }) : null;
  const stored = user?.avatarKey ? await services.storage.get(user.avatarKey) : null;
  const response = imageResponse(stored ?? { bytes: NO_AVATAR, contentType: 'image/png' });
  const versioned = new URL(request.url).searchParams.has('v') && stored;
  response.headers.set('Cache-Control', versioned ? 'private, max-age=31536000, immutable' : 'private, max-age=300');
  return response;
}
