// Waymark as a child process (the way npm start, Docker or an orchestrator runs it), for the deploy tests.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export const root = path.resolve(import.meta.dirname, '../..');

export interface ChildServer {
  child: ChildProcess;
  url: string;
  /** Every line the process wrote to stdout and stderr so far. */
  output: string[];
  /** Resolves with the exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node <entry>` and resolves once it prints its "listening on" line. */
export function startChild(
  env: Record<string, string>,
  options: { entry?: string; cwd?: string; uid?: number; gid?: number } = {},
): Promise<ChildServer> {
  const cwd = options.cwd ?? root;
  const spawnOptions: SpawnOptions = {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env } as Record<string, string> as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid } : {}),
  };
  const child = spawn(process.execPath, [path.join(cwd, options.entry ?? 'build/server.js')], spawnOptions);
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise<ChildServer>((resolve, reject) => {
    void exited.then(({ code }) => reject(new Error(`server exited with code ${code}:\n${output.join('\n')}`)));
    readline.createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      const url = /listening on (http:\/\/[^\s"]+)/.exec(line)?.[1];
      if (url) resolve({ child, url, output, exited });
    });
  });
}
