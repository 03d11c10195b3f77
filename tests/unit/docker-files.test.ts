// The Dockerfile, .dockerignore and the runtime layout script agree: the image's runtime stage holds exactly what
// scripts/docker-layout.js assembles from scripts/docker-runtime-files.txt (the list the layout test builds too).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
// Continuation lines joined, comments dropped.
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const stages = instructions.reduce<string[][]>((all, line) => (line.startsWith('FROM ') ? [...all, [line]] : (all.at(-1)!.push(line), all)), []);
const [build, runtime] = stages;
const listed = fs
  .readFileSync(path.join(root, 'scripts/docker-runtime-files.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const ignored = fs
  .readFileSync(path.join(root, '.dockerignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

describe('Dockerfile', () => {
  it('has a build stage and a small runtime stage', () => {
    expect(stages).toHaveLength(2);
    expect(build[0]).toMatch(/^FROM node:20-bookworm-slim AS build$/);
    expect(runtime[0]).toMatch(/^FROM node:20-bookworm-slim AS runtime$/);
  });

  it('the runtime stage copies only what scripts/docker-layout.js assembled from the list', () => {
    const copies = runtime.filter((l) => /^(COPY|ADD) /.test(l));
    expect(copies).toEqual(['COPY --from=build /out/ /app/']);
    const layoutRun = build.findIndex((l) => /^RUN .*node scripts\/docker-layout\.js \/out$/.test(l));
    expect(layoutRun).toBeGreaterThan(-1);
    expect(build[layoutRun]).toMatch(/npm run build && node scripts\/docker-layout\.js/);
    // The script reads the one list file the layout test uses.
    expect(fs.readFileSync(path.join(root, 'scripts/docker-layout.js'), 'utf8')).toContain("'scripts/docker-runtime-files.txt'");
  });

  it('every listed path reaches the build stage: tracked by git and not excluded, or produced by the build', () => {
    const producedInside = new Set(['build']);
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n');
    for (const entry of listed) {
      if (producedInside.has(entry)) continue;
      expect(ignored, `${entry} is excluded by .dockerignore`).not.toContain(entry);
      expect(tracked.some((file) => file === entry || file.startsWith(`${entry}/`)), `${entry} is not in git`).toBe(true);
    }
    // What the postinstall step (prisma generate) needs is copied before `npm ci`.
    const beforeInstall = build.slice(0, build.findIndex((l) => l.startsWith('RUN npm ci'))).join('\n');
    for (const needed of ['package-lock.json', 'prisma.config.ts', 'COPY prisma ', 'COPY scripts ']) expect(beforeInstall).toContain(needed);
  });

  it('runs unprivileged with the data volume, a health check on /healthz and SIGTERM to stop', () => {
    const user = runtime.find((l) => l.startsWith('USER '));
    expect(user).toBe('USER waymark');
    expect(runtime.join('\n')).toMatch(/ENV .*DATA_DIR=\/data/);
    expect(runtime).toContain('VOLUME ["/data"]');
    expect(runtime).toContain('STOPSIGNAL SIGTERM');
    expect(runtime.find((l) => l.startsWith('HEALTHCHECK '))).toContain('/healthz');
    expect(runtime.at(-1)).toBe('CMD ["node", "build/server.js"]');
  });

  it('.dockerignore keeps local installs, builds, data and secrets out of the build context', () => {
    for (const entry of ['node_modules', 'build', 'data', '.env', '.git']) expect(ignored).toContain(entry);
  });
});
