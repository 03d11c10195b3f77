// The MCP maintainers' conformance suite (@modelcontextprotocol/conformance, pinned in devDependencies) runs every
// server scenario against a real Waymark. Scenarios that need the suite's own test tools, resources or prompts are
// listed with their reason in tests/conformance-skips.json; every other scenario must pass, and a listed one must not
// (a stale entry fails the test). The suite's client sends no credentials: a pass-through proxy on a random loopback
// port adds the bearer token and forwards everything else unchanged (the Host and Origin headers too, so the DNS
// rebinding scenario reaches Waymark's own check).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCOPES } from '~/auth/scopes';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { createOAuthToken, enableMcp } from './mcp.helpers';

const root = path.resolve(__dirname, '../..');
const CLI = path.join(root, 'node_modules/@modelcontextprotocol/conformance/dist/index.js');
const SKIPS = (JSON.parse(fs.readFileSync(path.join(root, 'tests/conformance-skips.json'), 'utf8')) as { skips: Record<string, string> }).skips;

let server: TestServer;
let proxy: http.Server;
let proxyUrl: string;
let outDir: string;

/** Forwards every request to Waymark as it came (Host and Origin included), with the bearer token added. */
function startProxy(targetPort: number, token: string): Promise<http.Server> {
  const p = http.createServer((req, res) => {
    const upstream = http.request(
      { host: '127.0.0.1', port: targetPort, path: req.url, method: req.method, headers: { ...req.headers, authorization: `Bearer ${token}` } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) => p.listen(0, '127.0.0.1', () => resolve(p)));
}

function runCli(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: outDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

interface Check {
  id: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO' | 'SKIPPED';
  errorMessage?: string;
}

beforeAll(async () => {
  // The suite opens a session per scenario and never closes them.
  server = await startTestServer({ MCP_MAX_SESSION_PER_USER: '200', MCP_RATE_LIMIT: '10000' });
  await enableMcp(server);
  const { user } = await makeUser(server);
  const { token } = await createOAuthToken(server, user.id, [...ALL_SCOPES]);
  proxy = await startProxy(server.port, token);
  const address = proxy.address() as { port: number };
  proxyUrl = `http://localhost:${address.port}/mcp`;
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-conformance-'));
});

afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve));
  await server?.close();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe('MCP conformance suite (server scenarios)', () => {
  it('passes every scenario that applies; the skip list names only real scenarios, each with a reason, none passing', async () => {
    const listed = await runCli(['list', '--server']);
    const scenarios = listed.output
      .split('\n')
      .map((line) => /^\s+-\s+(\S+)$/.exec(line)?.[1])
      .filter((s): s is string => !!s);
    expect(scenarios.length).toBeGreaterThan(20);
    for (const [name, reason] of Object.entries(SKIPS)) {
      expect(scenarios, `skip entry ${name} is not a scenario of the suite`).toContain(name);
      expect(reason.length, `skip entry ${name} needs a reason`).toBeGreaterThan(10);
    }

    const run = await runCli(['server', '--url', proxyUrl, '--suite', 'all', '-o', outDir]);
    const results = new Map<string, Check[]>();
    for (const dir of fs.readdirSync(outDir)) {
      const name = scenarios.find((s) => dir.startsWith(`server-${s}-`) && /^\d{4}-/.test(dir.slice(`server-${s}-`.length)));
      if (name) results.set(name, JSON.parse(fs.readFileSync(path.join(outDir, dir, 'checks.json'), 'utf8')) as Check[]);
    }

    const problems: string[] = [];
    for (const name of scenarios) {
      const checks = results.get(name);
      if (!checks) {
        problems.push(`${name}: no results (output: ${run.output.slice(-2000)})`);
        continue;
      }
      const failed = checks.filter((c) => c.status === 'FAILURE');
      const passed = checks.some((c) => c.status === 'SUCCESS') && failed.length === 0;
      if (SKIPS[name]) {
        if (passed) problems.push(`${name}: listed in tests/conformance-skips.json but passes now — remove the entry`);
      } else if (!passed) {
        problems.push(`${name}: ${failed.map((c) => `${c.id}: ${c.errorMessage ?? 'failed'}`).join('; ') || 'no successful check'}`);
      }
    }
    expect(problems).toEqual([]);
    // The scenarios the issue names as failing before this work, explicitly.
    for (const name of ['logging-set-level', 'completion-complete', 'dns-rebinding-protection', 'server-initialize', 'ping', 'tools-list', 'tools-call-error', 'resources-list', 'prompts-list']) {
      expect(SKIPS[name], name).toBeUndefined();
      expect(results.get(name)?.some((c) => c.status === 'SUCCESS'), name).toBe(true);
    }
  }, 300_000);
});
