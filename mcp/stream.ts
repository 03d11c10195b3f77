// Server-to-client messages during one POST (log messages, progress, elicitation requests). The Streamable HTTP
// transport lets the server answer a POST with an SSE stream that carries such messages before the response. A POST
// whose handling sends nothing is still answered with plain JSON (the common, fast case): the stream starts only when
// the first message is sent.

/** The messages one POST sends before its response; null on a CallContext whose client does not accept SSE. */
export class Outbox {
  private queue: string[] = [];
  private wake: (() => void) | null = null;
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
    this.wake?.();
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
    this.wake?.();
  }

  /** The SSE body: every message sent so far and later, then the responses `done` resolves to (it must not reject). */
  async *events(done: Promise<unknown[]>): AsyncGenerator<string> {
    let responses: unknown[] | null = null;
    const settled = done.then((r) => {
      responses = r;
    });
    for (;;) {
      while (this.queue.length) yield this.queue.shift()!;
      if (responses) {
        for (const response of responses as unknown[]) yield sseEvent(response);
        return;
      }
      if (this.closed) return;
      await Promise.race([settled, new Promise<void>((resolve) => (this.wake = resolve))]);
      this.wake = null;
    }
  }
}

export function sseEvent(message: unknown) {
  return `event: message\ndata: ${JSON.stringify(message)}\n\n`;
}

/**
 * Events pushed by a producer (the session's GET stream: resource updates, list changes) as the iterable an SSE reply
 * reads. `open` gets `write` and `end` and answers what to run when the client goes away.
 */
export function pushedEvents(open: (write: (chunk: string) => void, end: () => void) => () => void) {
  const queue: string[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  const poke = () => {
    wake?.();
    wake = undefined;
  };
  const detach = open(
    (chunk) => {
      queue.push(chunk);
      poke();
    },
    () => {
      ended = true;
      poke();
    },
  );
  async function* events() {
    for (;;) {
      while (queue.length) yield queue.shift()!;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }
  return {
    events: events(),
    close() {
      ended = true;
      detach();
      poke();
    },
  };
}
