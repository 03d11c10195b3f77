// Confirmations for destructive tools on whole trips (and journeys, and bulk deletes): when the client declared the
// elicitation capability, the user is asked through elicitation/create before the tool runs; declining or cancelling
// changes nothing. Clients without elicitation are not asked (the tool's destructiveHint tells them what it does).
import type { CallContext } from './dispatch';
import { mcpRuntime } from './runtime';
import { awaitAnswer, sessionState } from './session-state';
import { followAnswers } from './answers';

/** How long the user has to answer before the call ends as cancelled. */
export const CONFIRM_TIMEOUT_MS = 10 * 60_000;

type Args = Record<string, unknown>;

interface Confirmation {
  /** The question to the user, or null when there is nothing to ask (the procedure will refuse the call itself). */
  question(call: CallContext, args: Args): Promise<string | null>;
}

/** The trip's title when the caller owns the trip (only an owner may delete it), else null. */
async function ownedTripTitle(call: CallContext, tripId: unknown): Promise<string | null> {
  try {
    const read = (await call.call('trips.getTrip', { tripId })) as { trip: { title: string }; role: string };
    return read.role === 'owner' ? read.trip.title : null;
  } catch {
    return null;
  }
}

const CONFIRMATIONS: Record<string, Confirmation> = {
  delete_trip: {
    async question(call, args) {
      const title = await ownedTripTitle(call, args.tripId);
      return title === null
        ? null
        : `Delete the trip “${title}” and everything in it (days, places, bookings, budget, lists, files) for all its members? This cannot be undone.`;
    },
  },
  delete_journey: {
    async question(_call, args) {
      return `Delete journey ${String(args.journeyId)}? This cannot be undone.`;
    },
  },
  bulk_delete_places: {
    async question(call, args) {
      const count = Array.isArray(args.placeIds) ? new Set(args.placeIds).size : 0;
      if (count === 0) return null;
      // The title when this grant may read the trip (places:write alone may not): the question is asked either way.
      const trip = await call.call('trips.getTrip', { tripId: args.tripId }).then(
        (read) => `the trip “${(read as { trip: { title: string } }).trip.title}”`,
        () => `trip ${String(args.tripId)}`,
      );
      return `Delete ${count} place${count === 1 ? '' : 's'} from ${trip} (with their day assignments)? This cannot be undone.`;
    },
  },
};

export type ConfirmOutcome = { go: true } | { go: false; result: { content: Array<{ type: 'text'; text: string }>; isError: true } };

/** Asks the user when the tool needs a confirmation and the client can ask; `go` when the tool may run. */
export async function confirmDestructive(call: CallContext, toolName: string, args: Args): Promise<ConfirmOutcome> {
  const confirmation = CONFIRMATIONS[toolName];
  const outbox = call.outbox;
  if (!confirmation || !outbox) return { go: true };
  const rt = mcpRuntime(call.services);
  if (!sessionState(rt, call.sessionId).elicitation) return { go: true };
  const question = await confirmation.question(call, args);
  if (question === null) return { go: true };

  // (The answer may come back through another instance: this one must be listening before it asks.)
  await followAnswers(call.services);
  const { id, answer, cancel } = awaitAnswer(rt, call.sessionId);
  const timer = setTimeout(cancel, CONFIRM_TIMEOUT_MS);
  const unregister = outbox.onClose(cancel);
  outbox.send({
    jsonrpc: '2.0',
    id,
    method: 'elicitation/create',
    params: {
      message: question,
      requestedSchema: {
        type: 'object',
        properties: { confirm: { type: 'boolean', title: 'Yes, delete', description: 'Confirm the deletion', default: false } },
        required: ['confirm'],
      },
    },
  });
  const reply = await answer;
  clearTimeout(timer);
  unregister();
  const result = (reply?.result ?? null) as { action?: string; content?: { confirm?: unknown } } | null;
  if (result?.action === 'accept' && result.content?.confirm === true) return { go: true };
  const why = !reply
    ? 'the user did not answer the confirmation'
    : reply.error
      ? 'the confirmation could not be shown to the user'
      : result?.action === 'cancel'
        ? 'the user dismissed the confirmation'
        : 'the user declined the confirmation';
  return { go: false, result: { content: [{ type: 'text', text: `Not done: ${why}. Nothing was changed.` }], isError: true } };
}
