import { describe, expect, it } from 'vitest';
import { Outbox, pushedEvents } from './stream';

async function collect(events: AsyncIterable<string>) {
  const out: unknown[] = [];
  for await (const e of events) out.push(JSON.parse(e.replace(/^event: message\ndata: /, '').trim()));
  return out;
}

describe('Outbox', () => {
  it('streams the messages sent before and during the work, then the responses', async () => {
    const outbox = new Outbox();
    expect(outbox.used).toBe(false);
    outbox.send({ n: 1 });
    expect(outbox.used).toBe(true);
    let finish!: (r: unknown[]) => void;
    const done = new Promise<unknown[]>((resolve) => (finish = resolve));
    const collected = collect(outbox.events(done));
    await new Promise((resolve) => setImmediate(resolve));
    outbox.send({ n: 2 });
    finish([{ id: 1, result: {} }]);
    expect(await collected).toEqual([{ n: 1 }, { n: 2 }, { id: 1, result: {} }]);
  });

  it('ends the stream and runs the close handlers when the client goes away', async () => {
    const outbox = new Outbox();
    const closed: string[] = [];
    outbox.onClose(() => closed.push('a'));
    const unregister = outbox.onClose(() => closed.push('b'));
    unregister();
    outbox.send({ n: 1 });
    const collected = collect(outbox.events(new Promise<unknown[]>(() => {})));
    await new Promise((resolve) => setImmediate(resolve));
    outbox.close();
    expect(await collected).toEqual([{ n: 1 }]);
    expect(closed).toEqual(['a']);
    outbox.send({ n: 2 });
    outbox.onClose(() => closed.push('late'));
    expect(closed).toEqual(['a', 'late']);
  });
});

describe('pushedEvents', () => {
  it('yields what the producer writes, before and while it is read, and ends after what was written before end', async () => {
    let write!: (chunk: string) => void;
    let end!: () => void;
    const stream = pushedEvents((w, e) => {
      write = w;
      end = e;
      w('a');
      return () => {};
    });
    const read: string[] = [];
    const reading = (async () => {
      for await (const chunk of stream.events) read.push(chunk);
    })();
    await new Promise((resolve) => setImmediate(resolve));
    write('b');
    write('c');
    end();
    write('after the end');
    await reading;
    expect(read).toEqual(['a', 'b', 'c']);
  });

  it('close (the client went away) ends the stream and runs what the producer gave for it', async () => {
    const detached: string[] = [];
    const stream = pushedEvents((write) => {
      write('a');
      return () => detached.push('detached');
    });
    const reading = (async () => {
      const read: string[] = [];
      for await (const chunk of stream.events) read.push(chunk);
      return read;
    })();
    await new Promise((resolve) => setImmediate(resolve));
    stream.close();
    expect(await reading).toEqual(['a']);
    expect(detached).toEqual(['detached']);
  });
});
