// Preload for bench/mcp-trace.ts: prints each statement pg sends while tracing is on (toggled over IPC); with
// TRACE_CHARS=n, n characters of each and its prepared-statement name and values (the benchmark's own data).
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const pg = require('pg');
let on = false;
process.on('message', (msg) => { if (msg?.type === 'trace') on = msg.on; });
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, ...rest) {
  if (on) {
    const text = typeof config === 'string' ? config : config?.text;
    console.log('  SQL', String(text).replace(/\s+/g, ' ').slice(0, Number(process.env.TRACE_CHARS ?? 160)));
    if (process.env.TRACE_CHARS) console.log('  NAME', config?.name, 'VALUES', JSON.stringify(config?.values ?? rest[0]));
  }
  return original.call(this, config, ...rest);
};
