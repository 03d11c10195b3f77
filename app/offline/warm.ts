// Warming an opened trip for offline reading (decision 034, update 2026-12-02). A planner tab is switched by a
// client-side navigation, which asks Remix's route discovery (`/__manifest?p=/trips/…`), the trip's loader data
// (`/trips/….data?tab=…`) and the tab's tRPC reads: none of them is fetched by the full page load that opened the
// trip. So while online, the page asks the service worker to fetch and save exactly these for the trip shown — only
// GETs, only this trip, only while a signed-in owner is recorded (the worker checks all three).

/** The tRPC reads the planner's area tabs make on opening, all with the input `{ tripId }`. */
export const TAB_READS = [
  'reservations.listReservations',
  'packing.listPackingItems',
  'packing.listPackingBags',
  'todos.listTodos',
  'budget.listBudgetItems',
  'budget.getBudgetPerPerson',
  'budget.getBudgetSettlement',
  'collab.listCollabMessages',
  'trips.getTripSummary',
] as const;

/** The route manifest URL exactly as Remix's route discovery builds it for one path (so the saved copy matches). */
export function manifestUrl(origin: string, path: string, version: string) {
  const url = new URL('/__manifest', origin);
  url.searchParams.append('p', path);
  url.searchParams.set('version', version);
  return url.href;
}

/** The requests that make every tab of one trip readable offline: route discovery, loader data, the tabs' reads. */
export function tripWarmUrls(origin: string, tripId: number, manifestVersion: string | undefined): string[] {
  const path = `/trips/${tripId}`;
  const input: Record<string, { tripId: number }> = {};
  TAB_READS.forEach((_, index) => (input[index] = { tripId }));
  const trpc = new URL(`/api/trpc/${TAB_READS.join(',')}`, origin);
  trpc.searchParams.set('batch', '1');
  trpc.searchParams.set('input', JSON.stringify(input));
  return [...(manifestVersion ? [manifestUrl(origin, path, manifestVersion)] : []), new URL(`${path}.data`, origin).href, trpc.href];
}
