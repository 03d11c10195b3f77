// One POST's requests answered for a client that reads SSE: as plain JSON when nothing was sent to the client on the
// way (the common case), else as an SSE stream carrying the log, progress and elicitation messages, then the response.
import { CallContext, dispatch } from './dispatch';
import { HttpFailure, json, rpcError, type McpHttpReply } from './replies';
import { Outbox } from './stream';

/** What this server offers beyond tools, resources and prompts (merged into the initialize result). */
export const EXTRA_CAPABILITIES = { logging: {}, completions: {} };

/** The response to a request whose handling failed as a whole (on a stream, the HTTP status is already sent). */
function failureResponse(error: unknown, id: unknown) {
  if (error instanceof HttpFailure && error.response.body) {
    try {
      return JSON.parse(error.response.body);
    } catch {
      // fall through
    }
  }
  console.error('[waymark] /mcp failed:', error);
  return rpcError(id, -32603, 'Internal error: something went wrong on the server');
}

export async function answerStreaming(call: CallContext, requests: Array<Record<string, unknown>>, batch: boolean): Promise<McpHttpReply> {
  const outbox = new Outbox();
  call.outbox = outbox;
  let streaming = false;
  const work = (async () => {
    const responses = [];
    for (const message of requests) {
      try {
        responses.push(await dispatch(call, message));
      } catch (error) {
        if (!streaming) throw error;
        responses.push(failureResponse(error, message.id));
      }
    }
    return responses;
  })();
  const first = await Promise.race([work.then(() => 'done' as const), outbox.started]).catch(() => 'done' as const);
  if (first === 'done' && !outbox.used) {
    try {
      const responses = await work;
      return json(200, batch ? responses : responses[0]);
    } catch (error) {
      if (error instanceof HttpFailure) return error.response;
      throw error;
    }
  }
  streaming = true;
  const settled = work.catch((error) => requests.map((m) => failureResponse(error, m.id)));
  return {
    status: 200,
    headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' },
    body: null,
    stream: { events: outbox.events(settled), close: () => outbox.close() },
  };
}

/** An SSE reply as a Fetch Response (the Remix route's path; the Node hook writes the events itself). */
export function streamResponse(status: number, headers: Record<string, string>, stream: NonNullable<McpHttpReply['stream']>) {
  const iterator = stream.events[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    cancel: () => stream.close(),
  });
  return new Response(body, { status, headers });
}
