// Compiles server.ts (and the little it imports outside the Remix build) to build/server.js, so `npm start` runs plain
// JavaScript without a TypeScript loader. Packages stay external: they are loaded from node_modules as usual.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

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

// The Remix build keeps UTF-8 characters as they are; a handful beyond Latin-1 (an arrow in a comment, a bullet in a
// regular expression) made V8 hold the whole 2.7 MB server build as a two-byte string, twice its size, for the life
// of the process (a heap snapshot, issue 10). esbuild prints it again with strings and templates escaped; what it
// leaves (comments, regular expression literals) takes a \uXXXX escape, which means the same character in both.
const serverBuild = path.join(root, 'build/index.js');
const printed = await transform(fs.readFileSync(serverBuild, 'utf8'), { loader: 'js', format: 'esm', charset: 'ascii', legalComments: 'inline' });
fs.writeFileSync(serverBuild, printed.code.replace(/[^\0-\xff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

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
