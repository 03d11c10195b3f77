// The tests' HTTP client gives up an idle connection long before Node's server closes it (tests/helpers/http-client.ts).
import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLIENT_IDLE_MS, installTestHttpClient } from '../helpers/http-client';

let server: http.Server;
let url: string;
let connections = 0;

beforeAll(async () => {
  installTestHttpClient();
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('does not reuse a connection idle for longer than one second (the default client kept it 3 s)', async () => {
  await (await fetch(url, { method: 'POST', body: 'a' })).text();
  const before = connections;
  await new Promise((resolve) => setTimeout(resolve, CLIENT_IDLE_MS + 500));
  await (await fetch(url, { method: 'POST', body: 'c' })).text();
  expect(connections).toBe(before + 1);
});
