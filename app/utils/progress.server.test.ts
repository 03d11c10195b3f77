import { describe, expect, it } from 'vitest';
import { reportProgress, withProgress } from './progress.server';

describe('reportProgress', () => {
  it('reaches the listener around the call across awaits, and nobody outside it', async () => {
    const heard: Array<[number, number | undefined]> = [];
    reportProgress(1, 2);
    await withProgress(
      (done, total) => heard.push([done, total]),
      async () => {
        reportProgress(0, 2);
        await new Promise((resolve) => setImmediate(resolve));
        reportProgress(2, 2);
      },
    );
    reportProgress(3, 3);
    expect(heard).toEqual([
      [0, 2],
      [2, 2],
    ]);
  });
});
