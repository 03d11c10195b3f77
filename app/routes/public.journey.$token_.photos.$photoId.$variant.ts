// Serves a photo of a journey's public page: only while the link exists and shows the gallery, and only photos of the
// gallery or of public entries (public.server.ts decides). Revoked or rotated links, switched-off galleries and every
// other photo get the same 404; nothing is cached, so a revocation takes effect at once.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { getServices } from '~/utils/request.server';
import { domainErrorOf } from '~/domain/errors';
import { imageResponse } from '~/storage/images.server';
import { PHOTO_VARIANTS, photoNotFoundResponse, variantKey, type PhotoVariant } from '~/areas/journey/photos/photos.server';
import { journeyLinkOfToken, publicPhotoOf } from '~/areas/journey/share/public.server';

export async function loader({ context, params }: LoaderFunctionArgs) {
  const services = getServices(context);
  const photoId = Number(params.photoId);
  const variant = params.variant as PhotoVariant;
  if (!Number.isSafeInteger(photoId) || photoId < 1 || !PHOTO_VARIANTS.includes(variant)) return photoNotFoundResponse();
  try {
    const link = await journeyLinkOfToken(services.db, params.token ?? '', await services.addons.isEnabled('journey'));
    const photo = await publicPhotoOf(services.db, link, photoId);
    const object = photo && (await services.storage.get(variantKey(photo, variant)));
    if (!object) return photoNotFoundResponse();
    const response = imageResponse(object, 'no-store');
    response.headers.set('Referrer-Policy', 'no-referrer');
    return response;
  } catch (error) {
    if (domainErrorOf(error)?.code === 'NOT_FOUND') return photoNotFoundResponse();
    throw error;
  }
}
