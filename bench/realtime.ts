// npm run bench:realtime — 50 subscribed pusher-js clients on the embedded server; for each procedure call, the time from
// the commit (the moment the publisher is handed the events, right after the procedure and its transaction succeeded)
// to each client receiving the event. Prints p50 / p95 / max and the process RSS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Pusher from 'pusher-js';
import { startServer } from '../server.ts';
import { makeUser } from '../tests/helpers/users.ts';
import type { WaymarkRealtime } from '../app/realtime/create.server.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const server = await startServer({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-bench-')), LOG_LEVEL: 'error', APP_URL: '',
    // One user holds every client here: above the per-user and per-address socket caps of a real deployment.
    REALTIME_MAX_CONNECTIONS_PER_USER: String(CLIENTS + 10), REALTIME_MAX_CONNECTIONS_PER_IP: String(CLIENTS + 10) });
  const rssServerOnly = process.memoryUsage().rss;
  const realtime = server.services.realtime as unknown as WaymarkRealtime;

  // Commit timestamps: the publisher is called once the procedure (and its transaction) succeeded.
  const committedAt = new Map<string, number>();
  const publish = realtime.publish.bind(realtime);
  realtime.publish = async (events, options) => {
    for (const e of events) committedAt.set(String((e.payload.trip as { title?: string } | undefined)?.title), performance.now());
    return publish(events, options);
  };

  const owner = await makeUser(server, { displayName: 'Bench Owner' });
  const { trip } = await owner.trpc.trips.createTrip.mutate({ title: 'Bench trip' });
  const channelName = `private-trip-${trip.id}`;

  const received = new Map<string, number[]>();
  const clients: Pusher[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const client = new Pusher(realtime.clientConfig.key, {
        cluster: 'local',
        wsHost: '127.0.0.1',
        wsPort: server.port,
        forceTLS: false,
        enabledTransports: ['ws'],
        disableStats: true,
        channelAuthorization: {
          endpoint: '/unused',
          transport: 'ajax',
          customHandler: ({ socketId, channelName: name }, callback) => {
            fetch(`${server.url}/api/realtime/auth`, {
              method: 'POST',
              headers: { Cookie: owner.cookie, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams({ socket_id: socketId, channel_name: name }),
            })
              .then(async (res) => callback(res.ok ? null : new Error(String(res.status)), res.ok ? await res.json() : null))
              .catch((error: Error) => callback(error, null));
          },
        },
      });
      clients.push(client);
      const channel = client.subscribe(channelName);
      channel.bind('trip.updated', (data: { trip: { title: string } }) => {
        const at = performance.now();
        const list = received.get(data.trip.title) ?? [];
        list.push(at);
        received.set(data.trip.title, list);
      });
      await new Promise<void>((resolve, reject) => {
        channel.bind('pusher:subscription_succeeded', () => resolve());
        channel.bind('pusher:subscription_error', (e: unknown) => reject(new Error(`subscription refused: ${JSON.stringify(e)}`)));
      });
    }),
  );

  // Warm-up (JIT, keep-alive connection of the SDK).
  for (let i = 0; i < 5; i++) await owner.trpc.trips.updateTrip.mutate({ tripId: trip.id, title: `warm-${i}` });
  await new Promise((r) => setTimeout(r, 200));

  const latencies: number[] = [];
  let missing = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const title = `round-${i}`;
    await owner.trpc.trips.updateTrip.mutate({ tripId: trip.id, title });
    const deadline = Date.now() + 2000;
    while ((received.get(title)?.length ?? 0) < CLIENTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
    const t0 = committedAt.get(title)!;
    const got = received.get(title) ?? [];
    missing += CLIENTS - got.length;
    for (const at of got) latencies.push(at - t0);
  }
  const rssWithClients = process.memoryUsage().rss;
  const stats = realtime.embedded?.stats();

  latencies.sort((a, b) => a - b);
  const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
  console.log(`realtime benchmark — embedded Pusher server, ${CLIENTS} pusher-js clients, ${ROUNDS} trips.updateTrip calls`);
  console.log(`  deliveries: ${latencies.length} received, ${missing} missing`);
  console.log(`  commit → client: p50 ${fmt(percentile(latencies, 50))}, p95 ${fmt(percentile(latencies, 95))}, max ${fmt(latencies[latencies.length - 1])}`);
  console.log(`  RSS: ${mb(rssServerOnly)} server after start, ${mb(rssWithClients)} with the ${CLIENTS} clients in the same process`);
  console.log(`  embedded server: ${stats?.connections} connections, ${stats?.channels} channels`);

  for (const c of clients) c.disconnect();
  await server.close();
  process.exit(missing > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
