// Uploading a place's own photo (issue 14), for members of the place's trip signed in on the web:
//   POST   /api/places/<placeId>/photo   the raw image as the body (JPEG, PNG or WebP by its first bytes, 5 MB at most:
//                                        larger bodies are cut off with 413 by the body limits before this runs)
//   DELETE /api/places/<placeId>/photo   removes the place's photo
// Both answer { place } and publish place.updated to the trip, like update_place. The old uploaded file is deleted
// unless a trip copy still shows it. Places of trips the user cannot see are "not found".
import type { ActionFunctionArgs } from '@remix-run/node';
import { assertSameOrigin, getServices, getWebActor } from '~/utils/request.server';
import { placeInclude, tripsVisibleTo } from '~/areas/trip-data.server';
import { placeJson } from '~/trpc/shape';
import { tripChannel } from '~/realtime/channels';
import { placeEvents } from '~/areas/places/events';
import { UPLOAD_SOURCE, newUploadKey, releaseUpload, sniffImageType, uploadUrlOf } from '~/areas/places/place-uploads.server';
import { PHOTO_UPLOAD_MAX_BYTES } from '~/domain/uploads';

const refuse = (status: number, error: string, message: string) =>
  Response.json({ error, message }, { status, headers: { 'Cache-Control': 'no-store' } });

export async function loader() {
  return refuse(405, 'method_not_allowed', 'POST an image or DELETE the photo');
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const services = getServices(context);
  assertSameOrigin(request, services);
  const { actor } = await getWebActor(request, services);
  if (!actor) return refuse(401, 'unauthorized', 'Please sign in first');
  if (request.method !== 'POST' && request.method !== 'DELETE') return refuse(405, 'method_not_allowed', 'POST an image or DELETE the photo');

  const placeId = Number(params.placeId);
  const place = Number.isSafeInteger(placeId)
    ? await services.db.place.findFirst({ where: { id: placeId, trip: tripsVisibleTo(actor.user.id) }, include: placeInclude })
    : null;
  if (!place) return refuse(404, 'not_found', `Place ${params.placeId} not found`);

  let photo = { photoUrl: '', photoSource: '', photoRef: '' };
  if (request.method === 'POST') {
    const bytes = Buffer.from(await request.arrayBuffer());
    if (!bytes.length) return refuse(400, 'empty', 'Send the image as the request body');
    if (bytes.length > PHOTO_UPLOAD_MAX_BYTES) return refuse(413, 'payload_too_large', 'The photo is larger than 5 MB');
    const type = sniffImageType(bytes);
    if (!type) return refuse(415, 'unsupported_type', 'Only JPEG, PNG and WebP photos can be uploaded');
    const key = newUploadKey();
    await services.storage.put(key, bytes, type);
    photo = { photoUrl: uploadUrlOf(key), photoSource: UPLOAD_SOURCE, photoRef: key };
  }

  const updated = await services.db.place.update({ where: { id: place.id }, data: photo, include: placeInclude });
  if (place.photoRef !== updated.photoRef) await releaseUpload(services, place);
  const json = placeJson(updated);
  const event = placeEvents.make('place.updated', { place: json });
  await services.realtime.publish([{ channel: tripChannel(place.tripId), event: event.name, payload: event.payload }], {
    socketId: request.headers.get('x-pusher-socket-id') ?? undefined,
  });
  return Response.json({ place: json }, { headers: { 'Cache-Control': 'no-store' } });
}
