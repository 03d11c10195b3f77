// Serves an uploaded place photo (see api.places.$placeId.photo.ts) to members of a trip with a place showing it; to
// anyone else it does not exist. The name is random and changes with every upload, so the answer is cached for long
// (privately: it is behind the session) and sent with its sniffed type, nosniff and a CSP that runs nothing.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { getServices, getWebActor } from '~/utils/request.server';
import { tripsVisibleTo } from '~/areas/trip-data.server';
import { UPLOAD_SOURCE, uploadKeyOfName } from '~/areas/places/place-uploads.server';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const services = getServices(context);
  const { actor } = await getWebActor(request, services);
  const key = uploadKeyOfName(params.name ?? '');
  if (!actor || !key) return notFound();
  const shown = await services.db.place.findFirst({
    where: { photoSource: UPLOAD_SOURCE, photoRef: key, trip: tripsVisibleTo(actor.user.id) },
    select: { id: true },
  });
  if (!shown) return notFound();
  const object = await services.storage.get(key);
  if (!object) return notFound();
  return new Response(new Uint8Array(object.bytes), {
    headers: {
      'Content-Type': object.contentType,
      'Content-Length': String(object.bytes.length),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=31536000, immutable',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Content-Disposition': 'inline',
    },
  });
}
