// A DATA_DIR of its own for every test server. Servers left on the default (./data, shared by every server started
// from the worktree) deleted each other's uploads: the start-up purge removes every stored file its own database does
// not know (app/services/create.server.ts), so a file written by one suite vanished when another suite's server started.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TemporaryDataDir {
  path: string;
  remove(): void;
}

/** A fresh empty directory under the system's temp folder, and its removal. */
export function temporaryDataDir(purpose = 'server'): TemporaryDataDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `waymark-test-data-${purpose}-`));
  return { path: dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
