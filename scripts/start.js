// `npm start`: builds only when a source is newer than the build (a fresh clone, a pull, an edit), then runs the
// compiled server in this same process.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputs = ['build/index.js', 'build/server.js'].map((file) => path.join(root, file));
const sources = ['app', 'mcp', 'public/locales', 'server.ts', 'remix.config.js', 'postcss.config.js', 'package-lock.json'];

function newestMtime(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, name)));
  return newest;
}

const builtAt = Math.min(...outputs.map((file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0)));
const changedAt = Math.max(...sources.map((source) => newestMtime(path.join(root, source))));
if (changedAt > builtAt) {
  console.log('[waymark] sources changed since the last build: building');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}

const { runFromCommandLine } = await import(pathToFileURL(outputs[1]).href);
await runFromCommandLine();
