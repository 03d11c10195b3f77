// Progress of a long procedure (imports, bulk operations), reported without knowing who listens: the MCP adapter
// turns it into notifications/progress when the agent asked for them; any other caller hears nothing, at no cost.
import { AsyncLocalStorage } from 'node:async_hooks';

/** done of total units (total when known), with an optional short English message. */
export type ProgressListener = (done: number, total?: number, message?: string) => void;

const listeners = new AsyncLocalStorage<ProgressListener>();

/** Runs `work` with `listener` hearing every reportProgress made inside it (across awaits). */
export function withProgress<T>(listener: ProgressListener, work: () => T): T {
  return listeners.run(listener, work);
}

/** Reports progress to whoever listens around the current call; a no-op when nobody does. */
export function reportProgress(done: number, total?: number, message?: string) {
  listeners.getStore()?.(done, total, message);
}
