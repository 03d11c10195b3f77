#!/usr/bin/env node
// Assembles the Docker image's runtime layout in <out>: the paths listed in scripts/docker-runtime-files.txt, copied
// from a built checkout, plus node_modules with production dependencies only. The Dockerfile's build stage runs this
// (so the image and tests/integration/docker-layout.test.ts use one list and one procedure); run it yourself to
// inspect what the image would hold.
//
// node_modules: the build's own node_modules is copied (hard links where the file system allows: fast, no second
// download) and pruned to production dependencies with the lock file (`npm prune --omit=dev`), which leaves the
// same tree `npm ci --omit=dev` would install (docs/decisions/024-deploy.md). Install scripts do not run again: the
// copied embedded-PostgreSQL packages are already set up.
//
// Usage: node scripts/docker-layout.js <out>   (from a checkout after `npm ci && npm run build`)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The listed paths (comments and blank lines dropped). */
export function runtimeFiles() {
  return fs
    .readFileSync(path.join(root, 'scripts/docker-runtime-files.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

function copyTree(from, to) {
  try {
    // Hard links: the layout is a copy in name only, and takes seconds instead of minutes.
    execFileSync('cp', ['-al', from, to], { stdio: 'pipe' });
  } catch {
    fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  }
}

export function buildLayout(out) {
  for (const required of ['build/server.js', 'build/index.js', 'public/build', 'app/generated/prisma', 'node_modules']) {
    if (!fs.existsSync(path.join(root, required))) throw new Error(`${required} is missing: run "npm ci && npm run build" first`);
  }
  fs.mkdirSync(out, { recursive: true });
  for (const entry of runtimeFiles()) {
    const from = path.join(root, entry);
    const to = path.join(out, entry);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    if (fs.statSync(from).isDirectory()) copyTree(from, to);
    else fs.copyFileSync(from, to);
  }
  copyTree(path.join(root, 'node_modules'), path.join(out, 'node_modules'));
  execFileSync('npm', ['prune', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: out,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node scripts/docker-layout.js <out>');
    process.exit(2);
  }
  buildLayout(path.resolve(out));
  console.log(`runtime layout in ${path.resolve(out)}`);
}
