// Uploading journey photos (issue 17), for the journey's editors signed in on the web:
//   POST /api/journeys/<journeyId>/photos[?entryId=<id>]   the raw image as the body (JPEG, PNG or WebP by its first
//        bytes, 15 MB at most: the body limit cuts larger ones off with 413 before this runs). Without entryId the
//        photo goes to the journey's gallery; a skeleton entry becomes a real one. Several photos = several requests.
// Answers { photo } (201) and tells every contributor (journey.photos.changed). See docs/decisions/023-journey-media.md.
import type { ActionFunctionArgs } from '@remix-run/node';
import { assertSameOrigin, getServices, getWebActor } from '~/utils/request.server';
import { domainErrorOf } from '~/domain/errors';
import { ImageRejected } from '~/storage/images.server';
import { requireJourneyRole } from '~/areas/journey/access.server';
import { addJourneyPhoto, journeyPhotoJson, photoTargetEntry, publishToContributors } from '~/areas/journey/photos/photos.server';
import { journeyMediaEvents } from '~/areas/journey/photos/events';

const DOMAIN_STATUS = { NOT_FOUND: 404, FORBIDDEN: 403, BAD_REQUEST: 400, CONFLICT: 409, UNAUTHORIZED: 401, TOO_MANY_REQUESTS: 429 } as const;

const refuse = (status: number, error: string, message: string) =>
  Response.json({ error, message }, { status, headers: { 'Cache-Control': 'no-store' } });

export async function loader() {
  return refuse(405, 'method_not_allowed', 'POST an image');
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const services = getServices(context);
  assertSameOrigin(request, services);
  const { actor } = await getWebActor(request, services);
  if (!actor) return refuse(401, 'unauthorized', 'Please sign in first');
  if (request.method !== 'POST') return refuse(405, 'method_not_allowed', 'POST an image');
  if (!(await services.addons.isEnabled('journey'))) return refuse(403, 'addon_disabled', 'The journey addon is turned off by the administrator');

  const journeyId = Number(params.journeyId);
  const entryParam = new URL(request.url).searchParams.get('entryId');
  const entryId = entryParam === null || entryParam === '' ? null : Number(entryParam);
  if (!Number.isSafeInteger(journeyId) || journeyId < 1) return refuse(404, 'not_found', `Journey ${params.journeyId} not found`);
  if (entryId !== null && !(Number.isSafeInteger(entryId) && entryId >= 1)) return refuse(400, 'bad_request', 'entryId must be a journey entry id');

  try {
    await requireJourneyRole(services.db, journeyId, actor.user.id, 'editor');
    const entry = await photoTargetEntry(services.db, journeyId, entryId, actor.user.id);
    const bytes = Buffer.from(await request.arrayBuffer());
    const photo = await addJourneyPhoto(services, { journeyId, entry, uploaderId: actor.user.id, bytes });
    await publishToContributors(
      services,
      journeyId,
      journeyMediaEvents.make('journey.photos.changed', { journeyId, entryIds: entry ? [entry.id] : [] }),
      request.headers.get('x-pusher-socket-id') ?? undefined,
    );
    return Response.json({ photo: journeyPhotoJson(photo) }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (error instanceof ImageRejected) return refuse(error.status, error.reason, error.message);
    const domain = domainErrorOf(error);
    if (domain) return refuse(DOMAIN_STATUS[domain.code], domain.i18nKey, domain.message);
    throw error;
  }
}
