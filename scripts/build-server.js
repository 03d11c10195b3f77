// Compiles server.ts (and the little it imports outside the Remix build) to build/server.js, so `npm start` runs plain
// JavaScript without a TypeScript loader. Packages stay external: they are loaded from node_modules as usual.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// server.ts for `npm start`; app/serverless/handler.ts for serverless hosts (api/index.js, Vercel).
for (const [entry, outfile] of [['server.ts', 'build/server.js'], ['app/serverless/handler.ts', 'build/serverless.js']]) await build({
  entryPoints: [path.join(root, entry)],
  outfile: path.join(root, outfile),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  plugins: [appAlias()],
  logLevel: 'warning',
});

// `~/…` is the app's own folder (tsconfig "paths"), not a package: resolve it before `packages: 'external'` would
// leave it for Node, which has no such package at run time.
function appAlias() {
  return {
    name: 'app-alias',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^~\// }, (args) =>
        pluginBuild.resolve(`./${args.path.slice(2)}`, { kind: args.kind, resolveDir: path.join(root, 'app') }),
      );
    },
  };
}
