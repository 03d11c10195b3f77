/* global Headers, Request */
// Plays the serverless platform for tests: one short-lived instance of the Vercel function (api/index.js, which loads
// build/serverless.js) in its own process, so each instance starts with fresh module state. Node requests become Fetch
// Requests for the exported method handler, as Vercel does; prints "listening on <url>" once ready for requests.
import http from 'node:http';
import { Readable } from 'node:stream';
import * as fn from '../../api/index.js';

const server = http.createServer(async (req, res) => {
  try {
    const url = `http://${req.headers.host}${req.url}`;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    // The platform's own view of the client, as Vercel's x-real-ip.
    headers.set('x-real-ip', req.socket.remoteAddress ?? '');
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(url, { method: req.method, headers, body: hasBody ? Readable.toWeb(req) : undefined, duplex: 'half' });
    const response = await fn[req.method ?? 'GET'](request);
    const outgoing = {};
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') outgoing[name] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) outgoing['set-cookie'] = cookies;
    res.writeHead(response.status, outgoing);
    if (response.body) for await (const chunk of response.body) res.write(chunk);
    res.end();
  } catch (error) {
    console.error('[serverless-host]', error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
});
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
