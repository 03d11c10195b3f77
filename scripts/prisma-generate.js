// Runs `prisma generate` offline. Prisma 7's CLI wants a schema-engine binary for migrate commands, which cannot be
// downloaded here; generate does not need it, so point the variable at a stub that refuses loudly.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [path.join(root, 'node_modules/prisma/build/index.js'), 'generate'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(root, 'scripts/no-schema-engine.sh'),
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});

// Prisma's generated client imports its query compiler as a module exporting the WebAssembly as a 4.6 MB base64
// string. A module is never unloaded, so that string stayed on the heap twice (the module's source text and the
// literal) for the life of the process: 9 MB of an idle server (a heap snapshot, issue 10). The client is changed to
// read the same file as text, decode and compile it, and let the text go. If Prisma's output ever changes shape,
// generation stops here rather than silently keeping the old cost.
const classFile = path.join(root, 'app/generated/prisma/internal/class.ts');
const generated = fs.readFileSync(classFile, 'utf8');
const importLine = /^( *)const \{ wasm \} = await import\(("@prisma\/client\/runtime\/query_compiler_\w+\.postgresql\.wasm-base64\.mjs")\)\n\1return await decodeBase64AsWasm\(wasm\)$/m;
const match = importLine.exec(generated);
if (!match) throw new Error(`scripts/prisma-generate.js: the query compiler import in ${classFile} has changed; update the rewrite`);
const [line, indent, specifier] = match;
fs.writeFileSync(
  classFile,
  generated.replace(
    line,
    [
      `${indent}// rewritten by scripts/prisma-generate.js: read the base64 as text so that no module keeps it alive`,
      `${indent}const { readFile } = await import('node:fs/promises')`,
      `${indent}const text = await readFile(new URL(import.meta.resolve(${specifier})), 'latin1')`,
      `${indent}return await decodeBase64AsWasm(text.slice(text.indexOf('"') + 1, text.lastIndexOf('"')))`,
    ].join('\n'),
  ),
);
