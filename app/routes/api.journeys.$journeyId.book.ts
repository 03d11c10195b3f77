// GET /api/journeys/<journeyId>/book — the journey as a printable PDF book, for its contributors signed in on the web,
// in their language, as they see it (private entries of others left out). Streamed while it is written
// (chunked, no Content-Length), so the browser shows the download's progress from the first page on.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { getServices, getWebActor } from '~/utils/request.server';
import { detectLanguage, serverI18n } from '~/i18n/i18n.server';
import { journeyRoleOf } from '~/areas/journey/access.server';
import { journeyBookStream } from '~/areas/journey/book/book.server';

const refuse = (status: number, error: string, message: string) =>
  Response.json({ error, message }, { status, headers: { 'Cache-Control': 'no-store' } });

/** A file name from the title: letters and digits of any script, the rest as dashes. */
const fileNameOf = (title: string) => `${title.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'journey'}.pdf`;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const services = getServices(context);
  const { actor } = await getWebActor(request, services);
  if (!actor) return refuse(401, 'unauthorized', 'Please sign in first');
  if (!(await services.addons.isEnabled('journey'))) return refuse(403, 'addon_disabled', 'The journey addon is turned off by the administrator');
  const journeyId = Number(params.journeyId);
  const role = Number.isSafeInteger(journeyId) && journeyId > 0 ? await journeyRoleOf(services.db, journeyId, actor.user.id) : null;
  if (!role) return refuse(404, 'not_found', `Journey ${params.journeyId} not found or you are not a contributor`);

  const language = detectLanguage(request, actor.user.language);
  const t = (await serverI18n(language)).getFixedT(language, 'journey-media');
  const journey = await services.db.journey.findUniqueOrThrow({ where: { id: journeyId }, select: { title: true } });
  const body = await journeyBookStream(services, { journeyId, userId: actor.user.id, t, language }, request.signal);
  const fileName = fileNameOf(journey.title);
  return new Response(body, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="journey.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
