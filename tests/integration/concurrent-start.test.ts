// Two Waymark processes started together on one fresh, empty PostgreSQL database: one migrates and seeds while the
// other waits (the start-up advisory lock), and both come up serving the same, fully migrated database.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_URL } from '../helpers/test-database';
import { root, startChild, type ChildServer } from './deploy.helpers';

const adminUrl = process.env[TEST_ADMIN_URL]!;
const name = `waymark_fresh_${crypto.randomBytes(5).toString('hex')}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;

async function admin(text: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const children: ChildServer[] = [];
afterAll(async () => {
  for (const { child, exited } of children) {
    child.kill('SIGTERM');
    await exited;
  }
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe('several instances starting at once', { timeout: 120_000 }, () => {
  it('migrate a fresh database once and both serve it', async () => {
    await admin(`CREATE DATABASE ${name}`);
    const env = { DATABASE_URL: url.toString(), ADMIN_EMAIL: 'first@example.test', ADMIN_PASSWORD: 'long enough pw' };
    children.push(...(await Promise.all([startChild(env), startChild(env)])));

    const migrations = fs.readdirSync(path.join(root, 'prisma/migrations')).filter((n) => /^\d/.test(n));
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const applied = await client.query('SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name');
      expect(applied.rows.map((r) => r.migration_name)).toEqual(migrations.sort());
      expect((await client.query('SELECT count(*)::int AS n FROM "Category"')).rows[0].n).toBe(10);
      expect((await client.query('SELECT count(*)::int AS n FROM "User" WHERE "isAdmin"')).rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
    // Exactly one of them applied the migrations; the other found them done.
    const appliers = children.filter(({ output }) => output.some((line) => line.includes('applied migrations:')));
    expect(appliers).toHaveLength(1);
    for (const { url: base } of children) expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});
