// Once per vitest run: build the server if the sources are newer than the build, then start the run's one PostgreSQL
// with its migrated template database (test-database.ts).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startTestCluster } from './test-database.ts';

function newestMtime(dir: string): number {
  if (!fs.statSync(dir).isDirectory()) return fs.statSync(dir).mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfStale(root: string) {
  const builds = ['build/index.js', 'build/server.js'].map((file) => path.join(root, file));
  const sources = ['app', 'mcp', 'server.ts'].map((dir) => path.join(root, dir)).filter((dir) => fs.existsSync(dir));
  const builtAt = Math.min(...builds.map((file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0)));
  const stale = Math.max(...sources.map(newestMtime)) > builtAt;
  if (stale) execSync('flock /tmp/waymark-build.lock npm run build', { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

export default async function setup() {
  const root = path.resolve(import.meta.dirname, '../..');
  buildIfStale(root);

  const cluster = await startTestCluster();
  return cluster.stop;
}
