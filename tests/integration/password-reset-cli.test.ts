// `npx waymark user reset-password --email E` (issue 19): prints a single-use reset link, also while the server runs
// on the same embedded database (the command attaches to its PostgreSQL); the server accepts the link at once.
// Mistakes are one line on stderr and exit code 1.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createUser } from '~/auth/users.server';
import { createSession, SESSION_COOKIE } from '~/auth/session.server';
import { startServer } from '../../server.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-reset-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function waymark(args: string[], env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env };
  for (const key of ['DATABASE_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'PORT', 'APP_URL', 'NODE_ENV', 'SMTP_URL']) if (!(key in env)) delete childEnv[key];
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/waymark.js'), ...args], { cwd: root, env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('waymark user reset-password', { timeout: 120_000 }, () => {
  it('prints a link the running server accepts once; unknown or bad addresses are one-line errors', async () => {
    const server = await startServer({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error' });
    try {
      const user = await createUser(server.services.db, { email: 'forgetful@example.test', password: 'old password 1' });
      const { token } = await createSession(server.services.db, user.id);

      const printed = await waymark(['user', 'reset-password', '--email', 'Forgetful@Example.test'], { APP_URL: server.url });
      expect(printed).toMatchObject({ code: 0, stderr: '' });
      const link = new URL(printed.stdout.split('\n')[0]);
      expect(link.origin).toBe(server.url);
      expect(link.pathname).toMatch(/^\/reset-password\/wmpr_[a-z0-9]+$/);
      expect(printed.stdout).toMatch(/Single use, valid until \d{4}-/);

      const use = (password: string) =>
        fetch(link, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
          body: new URLSearchParams({ password, confirmPassword: password }),
        });
      expect((await use('new password 1')).status).toBe(302);
      expect((await use('new password 2')).status).toBe(400);
      // The old session ended with the reset.
      expect((await fetch(`${server.url}/settings`, { headers: { Cookie: `${SESSION_COOKIE}=${token}` }, redirect: 'manual' })).status).toBe(302);
      expect(await server.services.db.auditLog.count({ where: { action: 'admin.password_reset_link' } })).toBe(1);

      const unknown = await waymark(['user', 'reset-password', '--email', 'nobody@example.test']);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr.trim()).toBe('No user has the e-mail nobody@example.test');
      const bad = await waymark(['user', 'reset-password', '--email', 'not-an-address']);
      expect(bad.code).toBe(1);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
      expect(bad.stderr).toMatch(/^--email /);
    } finally {
      await server.close();
    }
  });
});
