// Preload for bench/mcp-trace.ts: prints each statement pg sends while tracing is on (toggled over IPC).
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const pg = require('pg');
let on = false;
process.on('message', (msg) => { if (msg?.type === 'trace') on = msg.on; });
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, ...rest) {
  if (on) {
    const text = typeof config === 'string' ? config : config?.text;
    console.log('  SQL', String(text).replace(/\s+/g, ' ').slice(0, 160));
  }
  return original.call(this, config, ...rest);
};
