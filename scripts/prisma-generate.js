// Runs `prisma generate` offline. Prisma 7's CLI wants a schema-engine binary for migrate commands, which cannot be
// downloaded here; generate does not need it, so point the variable at a stub that refuses loudly.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [path.join(root, 'node_modules/prisma/build/index.js'), 'generate'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(root, 'scripts/no-schema-engine.sh'),
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
