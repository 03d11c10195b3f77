// /public/journey/:token — a journey's public read-only page, for anyone holding its link (no sign-in), in the
// visitor's language. Unknown, revoked and rotated-away tokens (and a switched-off journey addon) all get the same 404.
// Never cached, never indexed, and no Referer carries the token onwards.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, useLoaderData, useRouteError } from '@remix-run/react';
import { TRPCError } from '@trpc/server';
import leafletStyles from 'leaflet/dist/leaflet.css';
import { getServices, webCaller } from '~/utils/request.server';
import { JourneyLinkGone, PublicJourneyPage } from '~/areas/journey/share/PublicJourneyPage';

const PRIVATE_HEADERS = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex, nofollow' };

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: leafletStyles }];

export const headers: HeadersFunction = () => PRIVATE_HEADERS;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.journey.title} · Waymark` : 'Waymark' },
  { name: 'robots', content: 'noindex, nofollow' },
  { name: 'referrer', content: 'no-referrer' },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const services = getServices(context);
  try {
    // No actor: the token alone opens the page, whoever is signed in.
    return await webCaller(services, null, request).journeyMedia.getPublicJourney({ token: params.token ?? '' });
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') throw new Response('Not found', { status: 404, headers: PRIVATE_HEADERS });
    throw error;
  }
}

export default function PublicJourneyRoute() {
  return <PublicJourneyPage data={useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <JourneyLinkGone failed={!(isRouteErrorResponse(error) && error.status === 404)} />;
}
