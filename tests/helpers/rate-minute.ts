// Rate limits count per wall-clock minute (app/utils/rate-window.server.ts), so a burst that straddles the end of one
// starts counting again and never reaches its limit. A test that needs a whole burst in one window calls this first.

/** Waits for the next wall-clock minute when less than `marginMs` of this one is left (at most `marginMs`). */
export async function insideOneRateMinute(marginMs = 15_000) {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
