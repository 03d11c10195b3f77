// A plain HTTP JSON-RPC client for /mcp that reads both reply kinds: JSON, or an SSE stream of messages ending with the
// response. `onMessage` sees each server-to-client message as it arrives (and may answer it with another POST).
import type { RunningServer } from '../../server.ts';
import { initializeMessage, rawMcp } from './mcp.helpers';

export type RpcMessage = Record<string, unknown> & { id?: unknown; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown> };

export interface RawExchange {
  contentType: string;
  /** the messages before the response (notifications, requests), in order */
  messages: RpcMessage[];
  response: RpcMessage;
}

/** Opens a session with the given client capabilities; returns its id. */
export async function rawSessionWith(server: RunningServer, token: string, capabilities: Record<string, unknown> = {}) {
  const res = await rawMcp(server, { ...initializeMessage, params: { ...initializeMessage.params, capabilities } }, { token });
  if (res.status !== 200) throw new Error(`initialize answered ${res.status}: ${await res.text()}`);
  return res.headers.get('mcp-session-id')!;
}

export async function rawExchange(
  server: RunningServer,
  body: RpcMessage,
  options: { token: string; sessionId: string; onMessage?: (m: RpcMessage) => void | Promise<void> },
): Promise<RawExchange> {
  const res = await rawMcp(server, body, { token: options.token, sessionId: options.sessionId });
  if (res.status !== 200) throw new Error(`${String(body.method)} answered ${res.status}: ${await res.text()}`);
  const contentType = res.headers.get('content-type') ?? '';
  if (contentType.includes('application/json')) return { contentType, messages: [], response: (await res.json()) as RpcMessage };
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const messages: RpcMessage[] = [];
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      if (!data) continue;
      const message = JSON.parse(data) as RpcMessage;
      if (message.id === body.id && message.method === undefined) {
        await reader.cancel();
        return { contentType, messages, response: message };
      }
      messages.push(message);
      await options.onMessage?.(message);
    }
  }
  throw new Error(`the stream ended without the response to ${String(body.method)}`);
}
