// Compiles server.ts (and the little it imports outside the Remix build) to build/server.js, so `npm start` runs plain
// JavaScript without a TypeScript loader. Packages stay external: they are loaded from node_modules as usual.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [path.join(root, 'server.ts')],
  outfile: path.join(root, 'build/server.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
