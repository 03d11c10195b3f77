// Builds the service worker (app/sw/sw.ts) to public/sw.js after `remix build` (decision 034). The worker gets the
// list of the build's files to keep at install, a version derived from them (a new build installs a new worker and
// drops the old files), and the "not available offline" texts of every language from public/locales/*/offline.json.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const publicDir = path.join(root, 'public');

function filesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

// Source maps are not needed to run the app offline.
const precache = filesUnder(path.join(publicDir, 'build'))
  .filter((file) => !file.endsWith('.map'))
  .map((file) => `/${path.relative(publicDir, file).split(path.sep).join('/')}`)
  .sort();

const texts = {};
for (const lng of fs.readdirSync(path.join(publicDir, 'locales')).sort()) {
  const file = path.join(publicDir, 'locales', lng, 'offline.json');
  if (fs.existsSync(file)) texts[lng] = JSON.parse(fs.readFileSync(file, 'utf8')).unavailable;
}

const source = filesUnder(path.join(root, 'app/sw')).filter((file) => !file.endsWith('.test.ts')).sort().map((file) => fs.readFileSync(file));
const version = crypto.createHash('sha256').update(JSON.stringify({ precache, texts })).update(Buffer.concat(source)).digest('hex').slice(0, 12);

await build({
  entryPoints: [path.join(root, 'app/sw/sw.ts')],
  outfile: path.join(publicDir, 'sw.js'),
  bundle: true,
  format: 'iife',
  target: 'es2020',
  minify: true,
  charset: 'utf8',
  define: { __WAYMARK_SW__: JSON.stringify({ version, precache, texts }) },
  logLevel: 'warning',
});
