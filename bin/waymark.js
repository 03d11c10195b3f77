#!/usr/bin/env node
// `npx waymark …` — runs the TypeScript command-line tool (bin/cli.ts) through tsx, with the project's tsconfig
// (for the ~/ import alias) and migrations, whatever the current directory.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsxLoader = import.meta.resolve('tsx');

const child = spawn(process.execPath, ['--import', tsxLoader, path.join(root, 'bin', 'cli.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    TSX_TSCONFIG_PATH: process.env.TSX_TSCONFIG_PATH ?? path.join(root, 'tsconfig.json'),
    WAYMARK_ROOT: process.env.WAYMARK_ROOT ?? root,
  },
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
