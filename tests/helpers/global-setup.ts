// Integration tests run against the real server build: build it once if it is missing or older than the sources.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

export default function setup() {
  const root = path.resolve(import.meta.dirname, '../..');
  const build = path.join(root, 'build/index.js');
  const sources = ['app', 'mcp'].map((dir) => path.join(root, dir)).filter((dir) => fs.existsSync(dir));
  const stale = !fs.existsSync(build) || Math.max(...sources.map(newestMtime)) > fs.statSync(build).mtimeMs;
  if (stale) execSync('flock /tmp/waymark-build.lock npx remix build', { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
