// Request bodies are bounded per route class before any handler buffers them (issue 11): 413 on an announced
// Content-Length over the limit (answered before the body is sent) and on streamed bytes beyond it.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { enableMcp } from './mcp.helpers';

interface Answer {
  status: number;
  body: string;
}

/**
 * Sends the headers and `chunk`, then waits (bounded) for an answer without finishing the body: a server that wants the
 * whole body first never answers, so the promise rejects.
 */
function sendPartial(server: TestServer, path: string, headers: Record<string, string>, chunk: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path, method: 'POST', headers });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer from ${path} before the body was complete`));
    }, 5_000);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.write(chunk);
  });
}

describe('request body limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await enableMcp(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('an anonymous POST to /oauth/token announcing 400 MB is answered 413 before its body is sent', async () => {
    const res = await sendPartial(
      server,
      '/oauth/token',
      { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(400 * 1024 * 1024) },
      Buffer.from('grant_type=client_credentials&x='),
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error).toBe('payload_too_large');
  });

  it('a streamed (chunked) form body to /login beyond the form limit is answered 413 once the limit is passed', async () => {
    const res = await sendPartial(
      server,
      '/login',
      { 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' },
      Buffer.alloc(200 * 1024, 'a'),
    );
    expect(res.status).toBe(413);
  });

  it('/api/trpc accepts a body above the form limit but refuses one above 1 MB', async () => {
    const { cookie } = await makeUser(server);
    const post = (size: number) =>
      fetch(`${server.url}/api/trpc/trips.createTrip`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: server.url },
        body: JSON.stringify({ title: 'x', description: 'd'.repeat(size) }),
      });
    const medium = await post(200 * 1024);
    expect(medium.status).not.toBe(413);
    const large = await post(2 * 1024 * 1024);
    expect(large.status).toBe(413);
  });

  it('/mcp refuses an announced body over 4 MB up front, before authentication', async () => {
    const res = await sendPartial(
      server,
      '/mcp',
      { 'Content-Type': 'application/json', 'Content-Length': String(5 * 1024 * 1024) },
      Buffer.from('['),
    );
    expect(res.status).toBe(413);
  });

  it('small bodies still work: a normal login form is not refused', async () => {
    const res = await fetch(`${server.url}/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=nobody%40example.test&password=wrong',
      redirect: 'manual',
    });
    expect(res.status).not.toBe(413);
    expect(res.status).toBeLessThan(500);
  });
});
