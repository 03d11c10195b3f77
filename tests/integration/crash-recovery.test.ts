// kill -9 in the middle of writing (issue 11): the default install (Waymark with its embedded PostgreSQL in DATA_DIR)
// takes concurrent multi-row writes from several clients, is killed with SIGKILL while they are in flight, and is
// started again. Every write that was acknowledged is there in full; nothing is half-written (a transport without
// its legs, an expense without its split or payers, a trip without its days).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server.ts';
import { trpcClient } from '../helpers/users';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-crash-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error', REGISTER_RATE_LIMIT: '100' };

/** Waymark's compiled entry point in a child process; resolves with its URL once it listens. */
function startChild() {
  const child = spawn(process.execPath, [path.join(root, 'build/server.js')], {
    cwd: root,
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with code ${code}`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const url = /listening on (http:\/\/\S+)/.exec(line)?.[1];
      if (url) resolve({ child, url });
    });
  });
}

async function signUp(url: string, email: string) {
  const res = await fetch(`${url}/register`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: url },
    body: new URLSearchParams({ email, displayName: email.split('@')[0], password: 'correct horse battery' }),
  });
  if (res.status !== 302) throw new Error(`registration answered ${res.status}`);
  return res.headers.getSetCookie()[0].split(';')[0];
}

type Acked = { kind: 'transport'; id: number; legs: number } | { kind: 'expense'; id: number; members: number } | { kind: 'trip'; id: number; days: number };

describe('SIGKILL during concurrent writes', { timeout: 180_000 }, () => {
  it('every acknowledged write survives in full and nothing is half-written', async () => {
    const { child, url } = await startChild();
    const annaCookie = await signUp(url, 'anna@example.test');
    const benCookie = await signUp(url, 'ben@example.test');
    const anna = trpcClient({ url } as RunningServer, annaCookie);
    const ben = trpcClient({ url } as RunningServer, benCookie);
    const { trip } = await anna.trips.createTrip.mutate({ title: 'Crash course', startDate: '2027-06-01', endDate: '2027-06-05' });
    await anna.members.addTripMember.mutate({ tripId: trip.id, identifier: 'ben@example.test' });
    const [annaId, benId] = [(await anna.account.me.query()).user.id, (await ben.account.me.query()).user.id];

    const acked: Acked[] = [];
    let stop = false;
    let running = 6;
    const legs = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        from: { name: `Stop ${i}` },
        to: { name: `Stop ${i + 1}` },
        departureTime: `2027-06-02T${String(6 + i).padStart(2, '0')}:00`,
        departureTimeZone: 'Europe/Berlin',
        arrivalTime: `2027-06-02T${String(6 + i).padStart(2, '0')}:45`,
        arrivalTimeZone: 'Europe/Berlin',
      }));
    const writers = [anna, ben, anna, ben, anna, ben].map(async (client, w) => {
      for (let n = 0; !stop; n++) {
        try {
          if (n % 3 === 0) {
            const count = 2 + (n % 4);
            const { reservation } = await client.reservations.createTransport.mutate({ tripId: trip.id, type: 'train', title: `T${w}-${n}`, legs: legs(count) });
            acked.push({ kind: 'transport', id: reservation.id, legs: count });
          } else if (n % 3 === 1) {
            const { item } = await client.budget.createBudgetItemWithMembers.mutate({
              tripId: trip.id,
              name: `E${w}-${n}`,
              totalPrice: '12.34',
              userIds: [annaId, benId],
              payers: [{ userId: w % 2 === 0 ? annaId : benId }],
            });
            acked.push({ kind: 'expense', id: item.id, members: 2 });
          } else {
            const { trip: t } = await client.trips.createTrip.mutate({ title: `Trip ${w}-${n}`, startDate: '2027-07-01', endDate: '2027-07-04' });
            acked.push({ kind: 'trip', id: t.id, days: 4 });
          }
        } catch (error) {
          if (!stop) throw error; // a write refused while the server runs is a failure of its own
          return; // the server is gone: this write was never acknowledged
        }
      }
    }).map((writer) => writer.finally(() => running--));
    // Kill while the writers are busy: after a good number of acknowledgements, with more in flight.
    while (acked.length < 60 && running > 0) await new Promise((resolve) => setImmediate(resolve));
    expect(running, 'every writer is still writing when the server is killed').toBe(6);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    stop = true;
    await exited;
    await Promise.all(writers);
    const acknowledged = [...acked];

    const next = await startServer(env);
    try {
      const db = next.services.db;
      for (const write of acknowledged) {
        if (write.kind === 'transport') {
          expect(await db.transportLeg.count({ where: { reservationId: write.id } }), `transport ${write.id}`).toBe(write.legs);
        } else if (write.kind === 'expense') {
          expect(await db.budgetItemMember.count({ where: { itemId: write.id } }), `expense ${write.id}`).toBe(write.members);
          expect(await db.budgetItemPayer.count({ where: { itemId: write.id } }), `expense ${write.id}`).toBe(1);
        } else {
          expect(await db.day.count({ where: { tripId: write.id } }), `trip ${write.id}`).toBe(write.days);
        }
      }
      // Nothing half-written, acknowledged or not: every transport has legs, every expense its split and payer,
      // every dated trip all its days, every trip its owner as member... and the killed writes left nothing behind.
      const [halfWritten] = await next.services.database.sql.query(`
        SELECT
          (SELECT count(*)::int FROM "Reservation" r WHERE r.type = 'train' AND NOT EXISTS (SELECT 1 FROM "TransportLeg" l WHERE l."reservationId" = r.id)) AS "transportsWithoutLegs",
          (SELECT count(*)::int FROM "BudgetItem" b WHERE NOT EXISTS (SELECT 1 FROM "BudgetItemMember" m WHERE m."itemId" = b.id)
                                                   OR NOT EXISTS (SELECT 1 FROM "BudgetItemPayer" p WHERE p."itemId" = b.id)) AS "expensesWithoutSplit",
          (SELECT count(*)::int FROM "Trip" t WHERE t."startDate" IS NOT NULL
             AND (SELECT count(*) FROM "Day" d WHERE d."tripId" = t.id) <> (t."endDate" - t."startDate" + 1)) AS "tripsWithMissingDays"`);
      expect(halfWritten).toEqual({ transportsWithoutLegs: 0, expensesWithoutSplit: 0, tripsWithMissingDays: 0 });
      // And it serves again.
      expect((await fetch(`${next.url}/login`)).status).toBe(200);
      console.log(`[crash] ${acknowledged.length} acknowledged writes before SIGKILL, all present after restart`);
    } finally {
      await next.close();
    }
  });
});
