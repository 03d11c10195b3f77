// Realtime wiring. Placeholder until the realtime issue lands: events are dropped.
import type { Config } from '~/env.server';
import type { HttpHook, RealtimePublisher, Services } from '~/services.server';

export async function createRealtime(
  _config: Config,
  _services: Services,
): Promise<{ publisher: RealtimePublisher; httpHook?: HttpHook; close: () => Promise<void>; clientConfig?: unknown }> {
  return { publisher: { publish: async () => {} }, close: async () => {} };
}
