// The shapes the trip components work with, taken from the router's outputs so they never drift.
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '~/trpc/root';

type Outputs = inferRouterOutputs<AppRouter>;

/** One card of the dashboard: the trip plus the caller's role, members and counts. */
export type TripListItem = Outputs['trips']['listTrips']['trips'][number];

/** The trip fields the edit dialog and the actions menu need (what getTrip, getTripSummary and listTrips all carry). */
export type TripDetails = Outputs['trips']['getTrip']['trip'];

export type TripRole = 'owner' | 'member';

/** One person in a trip's member list (the owner first). */
export type TripMember = Outputs['members']['listTripMembers']['members'][number];
