// Serves a journey photo (variant "full" or "thumb") to the journey's contributors signed in on the web — a photo of
// a private entry to its author only; to anyone else it does not exist. Checked on every download; the public page
// has its own door (public.journey.$token_.photos.$photoId.$variant.ts).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { getServices, getWebActor } from '~/utils/request.server';
import { imageResponse } from '~/storage/images.server';
import { journeyRoleOf } from '~/areas/journey/access.server';
import { PHOTO_VARIANTS, photoNotFoundResponse, photosVisibleTo, variantKey, type PhotoVariant } from '~/areas/journey/photos/photos.server';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const services = getServices(context);
  const { actor } = await getWebActor(request, services);
  const photoId = Number(params.photoId);
  const variant = params.variant as PhotoVariant;
  if (!actor || !Number.isSafeInteger(photoId) || photoId < 1 || !PHOTO_VARIANTS.includes(variant)) return photoNotFoundResponse();
  if (!(await services.addons.isEnabled('journey'))) return photoNotFoundResponse();
  const photo = await services.db.journeyPhoto.findFirst({ where: { id: photoId, ...photosVisibleTo(actor.user.id) } });
  if (!photo || !(await journeyRoleOf(services.db, photo.journeyId, actor.user.id))) return photoNotFoundResponse();
  const object = await services.storage.get(variantKey(photo, variant));
  return object ? imageResponse(object) : photoNotFoundResponse();
}
