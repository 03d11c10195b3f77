// Server-to-client messages as SSE: during one POST (log messages, progress, elicitation requests: the Outbox) and on
// a session's GET stream (resource updates, list changes: pushedEvents). Both are one queue of SSE chunks read by
// the reply. The Streamable HTTP transport lets the server answer a POST with an SSE stream that carries such
// messages before the response; a POST whose handling sends nothing is still answered with plain JSON (the common,
// fast case): the stream starts only when the first message is sent.
import { serialize } from './replies';

/** SSE chunks in the order they were pushed, read once; after end() what was pushed before it is still read. */
class ChunkQueue {
  private chunks: string[] = [];
  private wake: (() => void) | null = null;
  ended = false;

  push(chunk: string) {
    if (this.ended) return;
    this.chunks.push(chunk);
    this.poke();
  }

  end() {
    this.ended = true;
    this.poke();
  }

  private poke() {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  async *read(): AsyncGenerator<string> {
    for (;;) {
      while (this.chunks.length) yield this.chunks.shift()!;
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

/** The messages one POST sends before its response; null on a CallContext whose client does not accept SSE. */
export class Outbox {
  private queue = new ChunkQueue();
  private onFirst!: () => void;
  /** Resolves when the first message is sent (the reply must become a stream). */
  readonly started = new Promise<'started'>((resolve) => (this.onFirst = () => resolve('started')));
  private closeHandlers = new Set<() => void>();
  /** True once the client went away (the stream's connection closed). */
  closed = false;

  private sent = false;
  /** True once a message was sent (the reply must be a stream). */
  get used() {
    return this.sent;
  }

  send(message: Record<string, unknown>) {
    if (this.closed) return;
    this.queue.push(sseEvent(message));
    this.sent = true;
    this.onFirst();
  }

  /** Runs `handler` when the client goes away before the response; returns the function that unregisters it. */
  onClose(handler: () => void) {
    if (this.closed) handler();
    else this.closeHandlers.add(handler);
    return () => this.closeHandlers.delete(handler);
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    for (const handler of this.closeHandlers) handler();
    this.closeHandlers.clear();
    this.queue.end();
  }

  /** The SSE body: every message sent so far and later, then the responses `done` resolves to (it must not reject). */
  events(done: Promise<unknown[]>): AsyncGenerator<string> {
    void done.then((responses) => {
      for (const response of responses) this.queue.push(sseEvent(response));
      this.queue.end();
    });
    return this.queue.read();
  }
}

export function sseEvent(message: unknown) {
  return `event: message\ndata: ${serialize(message)}\n\n`;
}

/**
 * Events pushed by a producer (the session's GET stream: resource updates, list changes) as the iterable an SSE reply
 * reads. `open` gets `write` and `end` and answers what to run when the client goes away.
 */
export function pushedEvents(open: (write: (chunk: string) => void, end: () => void) => () => void) {
  const queue = new ChunkQueue();
  const detach = open(
    (chunk) => queue.push(chunk),
    () => queue.end(),
  );
  return {
    events: queue.read(),
    close() {
      queue.end();
      detach();
    },
  };
}
