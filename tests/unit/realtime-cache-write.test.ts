// An event that arrives while its view is being refetched (right after a reconnect, say) must not be lost when the
// refetch, asked before the change was made, lands with the older answer.
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { writeViewChange } from '~/realtime/cache-write';
import { INVALIDATE } from '~/realtime/events';

type Trip = { title: string };
const key = ['trips.getTripSummary', { tripId: 1 }];

/** A query whose answers are held until released, each one the server's title when it was asked. */
function heldQuery() {
  const server = { title: 'Porto and Douro' };
  const held: Array<() => void> = [];
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const observer = new QueryObserver<Trip>(queryClient, {
    queryKey: key,
    queryFn: () => {
      const answer = { ...server };
      return new Promise<Trip>((resolve) => held.push(() => resolve(answer)));
    },
  });
  const stop = observer.subscribe(() => {});
  /** Answers every fetch asked so far, in order, and waits until the cache has them. */
  const answerAll = async () => {
    while (held.length) held.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { server, queryClient, answerAll, stop, title: () => queryClient.getQueryData<Trip>(key)?.title, fetching: () => held.length };
}

let stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
});

describe('writing an event into the cache', () => {
  it('keeps a change that arrives while the view is being refetched: the stale refetch is replaced by a fresh one', async () => {
    const q = heldQuery();
    stops.push(q.stop);
    await q.answerAll();
    expect(q.title()).toBe('Porto and Douro');

    // reconnected: the view is refetched; before that answer arrives, someone renames the trip and the event comes in
    void q.queryClient.invalidateQueries({ queryKey: key });
    expect(q.fetching()).toBe(1);
    q.server.title = 'Porto after reconnect';
    writeViewChange(q.queryClient, key, { title: 'Porto after reconnect' });
    expect(q.title()).toBe('Porto after reconnect'); // shown at once
    expect(q.fetching()).toBe(2); // and asked again

    await q.answerAll(); // the stale answer and the fresh one
    expect(q.title()).toBe('Porto after reconnect');
  });

  it('patches an idle view without fetching it, and refetches one the event says to reload', async () => {
    const q = heldQuery();
    stops.push(q.stop);
    await q.answerAll();
    writeViewChange(q.queryClient, key, { title: 'Lisbon' });
    expect(q.title()).toBe('Lisbon');
    expect(q.fetching()).toBe(0);

    q.server.title = 'Braga';
    writeViewChange(q.queryClient, key, INVALIDATE);
    expect(q.fetching()).toBe(1);
    await q.answerAll();
    expect(q.title()).toBe('Braga');
    // an event that does not concern the view leaves it alone
    writeViewChange(q.queryClient, key, undefined);
    expect(q.title()).toBe('Braga');
  });
});
