// notifications/progress for a tools/call whose request carried _meta.progressToken: the procedure's reportProgress
// calls (~/utils/progress.server) become notifications on the call's stream, at most one per percent.
import { withProgress } from '~/utils/progress.server';
import type { CallContext } from './dispatch';

/** The progress token of a request (a string or a whole number), or null. */
export function progressTokenOf(params: Record<string, unknown>): string | number | null {
  const meta = params._meta;
  if (!meta || typeof meta !== 'object') return null;
  const token = (meta as Record<string, unknown>).progressToken;
  return typeof token === 'string' || (typeof token === 'number' && Number.isFinite(token)) ? token : null;
}

/** Runs `work`, sending the progress it reports to the client when the request asked for it. */
export function withMcpProgress<T>(call: CallContext, params: Record<string, unknown>, work: () => Promise<T>): Promise<T> {
  const token = progressTokenOf(params);
  const outbox = call.outbox;
  if (token === null || !outbox) return work();
  let last = -1;
  let lastStep = -1;
  return withProgress((done, total, message) => {
    // progress must increase with each notification; a step of a known total is sent once per percent (and at the end)
    if (!(done > last)) return;
    const step = total ? Math.floor((Math.min(done, total) * 100) / total) : done;
    if (total && step === lastStep && done < total) return;
    last = done;
    lastStep = step;
    outbox.send({
      jsonrpc: '2.0',
      method: 'notifications/progress',
      params: { progressToken: token, progress: done, ...(total !== undefined ? { total } : {}), ...(message ? { message } : {}) },
    });
  }, work);
}
