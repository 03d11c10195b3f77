// A small Pusher-protocol server that runs inside Waymark's own HTTP server when no hosted Pusher/Soketi is configured.
// WebSocket client protocol 7 on /app/<key>, and the HTTP events API the `pusher` SDK calls on /apps/<id>/….
// Error codes (pusher:error data.code, or the WebSocket close code):
//   4001 app does not exist (unknown key)          → close
//   4006 invalid protocol version format            → close
//   4007 unsupported protocol version               → close
//   4008 no protocol version supplied               → close
//   4009 unauthorized subscription (bad signature)  → pusher:error + pusher:subscription_error, connection stays open
//   4200 server shutting down, reconnect now        → close
//   4201 pong reply not received (idle connection)  → close
//   4300 malformed, oversized or refused message    → pusher:error, connection stays open
import crypto from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type express from 'express';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import {
  CHANNEL_NAME,
  MAX_EVENT_DATA_BYTES,
  SOCKET_ID,
  newSocketId,
  safeEqual,
  signApiRequest,
  userAuth,
  verifyApiRequest,
  verifyChannelAuth,
} from './signatures.server';

export const ERROR = {
  appNotFound: 4001,
  invalidVersionFormat: 4006,
  unsupportedProtocol: 4007,
  noProtocol: 4008,
  unauthorized: 4009,
  reconnectNow: 4200,
  pongNotReceived: 4201,
  badMessage: 4300,
} as const;

export interface EmbeddedServerOptions {
  appId: string;
  key: string;
  secret: string;
  /** Seconds of silence after which the server pings a client (and announces to clients). Default 120. */
  activityTimeoutSeconds?: number;
  /** Seconds to wait for a reply to the server's ping before closing with 4201. Default 30. */
  pongTimeoutSeconds?: number;
  /** Largest incoming WebSocket message handled (bytes); larger ones get 4300. Default 10 KB. */
  maxMessageBytes?: number;
  /** Largest HTTP API body (bytes). Default 128 KB (a batch of 10 events of 10 KB plus envelope). */
  maxBodyBytes?: number;
  maxChannelsPerConnection?: number;
  maxPresenceMembers?: number;
  log?: (level: 'info' | 'error', message: string) => void;
  /** Whether a browser Origin may open a socket (pages of other sites may not); no Origin (non-browser) passes. */
  originAllowed?: (origin: string) => boolean;
  /** The client address of an upgrade request (TRUST_PROXY-aware), for the per-address cap. */
  clientAddress?: (req: http.IncomingMessage) => string;
  maxConnectionsPerAddress?: number;
  /** Sockets one user may have authorized at once. */
  maxConnectionsPerUser?: number;
}

interface Connection {
  ws: WebSocket;
  socketId: string;
  /** channel → presence user id (or null for non-presence channels) */
  channels: Map<string, string | null>;
  /** Users whose channel authorizations this socket received (so their loss of access can cut it off). */
  userIds: Set<string>;
  lastSeen: number;
  pingSentAt: number | null;
  address: string;
}

interface PresenceMember {
  info: unknown;
  sockets: Set<string>;
}

export class EmbeddedPusherServer {
  readonly appId: string;
  readonly key: string;
  private readonly secret: string;
  private readonly activityTimeoutMs: number;
  private readonly pongTimeoutMs: number;
  private readonly maxMessageBytes: number;
  private readonly maxBodyBytes: number;
  private readonly maxChannels: number;
  private readonly maxPresenceMembers: number;
  private readonly log: (level: 'info' | 'error', message: string) => void;
  private readonly wss: WebSocketServer;
  private readonly connections = new Map<string, Connection>();
  private readonly channels = new Map<string, Map<string, Connection>>();
  private readonly presence = new Map<string, Map<string, PresenceMember>>();
  private readonly options: EmbeddedServerOptions;
  /** open (or opening) sockets per client address */
  private readonly perAddress = new Map<string, number>();
  private idleTimer: NodeJS.Timeout | null = null;
  private upgradeListener: ((req: http.IncomingMessage, socket: Duplex, head: Buffer) => void) | null = null;
  private server: http.Server | null = null;

  constructor(options: EmbeddedServerOptions) {
    this.options = options;
    this.appId = options.appId;
    this.key = options.key;
    this.secret = options.secret;
    this.activityTimeoutMs = (options.activityTimeoutSeconds ?? 120) * 1000;
    this.pongTimeoutMs = (options.pongTimeoutSeconds ?? 30) * 1000;
    this.maxMessageBytes = options.maxMessageBytes ?? 10 * 1024;
    this.maxBodyBytes = options.maxBodyBytes ?? 128 * 1024;
    this.maxChannels = options.maxChannelsPerConnection ?? 100;
    this.maxPresenceMembers = options.maxPresenceMembers ?? 100;
    this.log = options.log ?? (() => {});
    // Frames beyond 4× the message limit are cut off by ws itself (close 1009); smaller oversized ones get 4300.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.maxMessageBytes * 4, perMessageDeflate: false });
  }

  /** Mounts the HTTP events API on the express app and the WebSocket endpoint on the HTTP server. */
  attach(app: express.Express, server: http.Server) {
    this.server = server;
    const api = (handler: (req: express.Request, res: express.Response, body: Buffer) => void) =>
      (req: express.Request, res: express.Response) => {
        void this.readBody(req, res).then((body) => {
          if (!body) return;
          if (req.params.appId !== this.appId) {
            res.status(404).json({ error: 'Unknown app' });
            return;
          }
          const failure = verifyApiRequest({
            key: this.key,
            secret: this.secret,
            method: req.method,
            path: req.originalUrl.split('?')[0],
            query: parseQuery(req.originalUrl),
            body,
          });
          if (failure) {
            res.status(failure.status).json({ error: failure.message });
            return;
          }
          handler(req, res, body);
        });
      };
    app.post('/apps/:appId/events', api((_req, res, body) => this.handleEvents(res, body)));
    app.post('/apps/:appId/batch_events', api((_req, res, body) => this.handleBatch(res, body)));
    app.get('/apps/:appId/channels', api((req, res) => this.handleChannels(req, res)));
    app.get('/apps/:appId/channels/:channel', api((req, res) => this.handleChannel(req, res)));
    app.get('/apps/:appId/channels/:channel/users', api((req, res) => this.handleUsers(req, res)));
    // Pusher's terminate-connections call, so hosted-mode code paths can be exercised against this server too.
    app.post(
      '/apps/:appId/users/:userId/terminate_connections',
      api((req, res) => {
        this.terminateUserConnections(String(req.params.userId));
        res.json({});
      }),
    );

    this.upgradeListener = (req, socket, head) => {
      const path = (req.url ?? '').split('?')[0];
      if (!path.startsWith('/app/')) return;
      const refuse = (status: number, text: string) => {
        socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      };
      const origin = req.headers.origin;
      if (origin && this.options.originAllowed && !this.options.originAllowed(origin)) return refuse(403, 'Forbidden');
      const address = this.options.clientAddress?.(req) ?? req.socket.remoteAddress ?? '';
      const open = this.perAddress.get(address) ?? 0;
      if (open >= (this.options.maxConnectionsPerAddress ?? Number.POSITIVE_INFINITY)) return refuse(429, 'Too Many Requests');
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, req, address));
    };
    server.on('upgrade', this.upgradeListener);
    // Upgraded sockets keep server.close() waiting; server.ts calls closeAllConnections() first, so close ours there too.
    const closeAll = server.closeAllConnections?.bind(server);
    if (closeAll) {
      server.closeAllConnections = () => {
        closeAll();
        this.disconnectAll();
      };
    }
    const tick = Math.max(50, Math.min(5000, Math.floor(Math.min(this.activityTimeoutMs, this.pongTimeoutMs) / 4)));
    this.idleTimer = setInterval(() => this.checkIdle(), tick);
    this.idleTimer.unref();
  }

  /** Signs an HTTP API request with this server's credentials (same process only: tests, benchmark). */
  signApiRequest(method: string, path: string, body?: string, timestamp?: number) {
    return signApiRequest({ key: this.key, secret: this.secret, method, path, body, timestamp });
  }

  stats() {
    return { connections: this.connections.size, channels: this.channels.size };
  }

  /** Asks every client to reconnect (4200) and drops sockets that do not finish the close handshake within 1 s. */
  disconnectAll() {
    for (const conn of this.connections.values()) {
      try {
        conn.ws.close(ERROR.reconnectNow, 'Server shutting down');
      } catch {
        conn.ws.terminate();
      }
      setTimeout(() => conn.ws.terminate(), 1000).unref();
    }
  }

  /** Closes every connection with 4200 (reconnect now) and detaches. */
  async close() {
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.idleTimer = null;
    if (this.server && this.upgradeListener) this.server.off('upgrade', this.upgradeListener);
    for (const conn of this.connections.values()) {
      try {
        conn.ws.close(ERROR.reconnectNow, 'Server shutting down');
      } catch {
        conn.ws.terminate();
      }
    }
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    for (const conn of this.connections.values()) conn.ws.terminate();
    this.connections.clear();
    this.channels.clear();
    this.presence.clear();
  }

  /**
   * Notes that `socketId` was authorized for a channel on behalf of `userId` (called by the channel-auth route, which
   * knows the user). A socket may carry several users when a client reuses a socket id it saw; cutting off any of
   * them closes it, which at worst makes that client reconnect. False when the user already holds the most sockets
   * allowed.
   */
  bindUser(socketId: string, userId: string): boolean {
    const conn = this.connections.get(socketId);
    if (!conn || conn.userIds.has(userId)) return true;
    const max = this.options.maxConnectionsPerUser ?? Number.POSITIVE_INFINITY;
    let held = 0;
    for (const other of this.connections.values()) if (other.userIds.has(userId)) held += 1;
    // Over the cap the socket gets no authorization (the auth route answers 429); the user's other sockets keep working.
    if (held >= max) return false;
    conn.userIds.add(userId);
    return true;
  }

  /**
   * Ends every connection of the user at once: its channels are left (presence members see member_removed) before the
   * close handshake, so no event reaches it afterwards. Closed with 4200, so pusher-js reconnects and re-authorizes
   * each channel, which the auth route now refuses where access was lost. Returns how many connections were closed.
   */
  terminateUserConnections(userId: string) {
    let closed = 0;
    for (const conn of [...this.connections.values()]) {
      if (!conn.userIds.has(userId)) continue;
      this.onClose(conn);
      try {
        conn.ws.close(ERROR.reconnectNow, 'Access changed: reconnect');
      } catch {
        conn.ws.terminate();
      }
      setTimeout(() => conn.ws.terminate(), 1000).unref();
      closed += 1;
    }
    return closed;
  }

  /** Delivers one event to every subscriber of the channel except the given socket. Returns how many got it. */
  deliver(channel: string, event: string, data: string, exceptSocketId?: string) {
    const subscribers = this.channels.get(channel);
    if (!subscribers) return 0;
    const frame = JSON.stringify({ event, channel, data });
    let count = 0;
    for (const conn of subscribers.values()) {
      if (conn.socketId === exceptSocketId || conn.ws.readyState !== WebSocket.OPEN) continue;
      conn.ws.send(frame);
      count += 1;
    }
    return count;
  }

  // ---------------------------------------------------------------- HTTP API

  private readBody(req: express.Request, res: express.Response): Promise<Buffer | null> {
    return new Promise((resolve) => {
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > this.maxBodyBytes) {
        res.status(413).json({ error: `Request body larger than ${this.maxBodyBytes} bytes` });
        req.resume();
        resolve(null);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      req.on('data', (chunk: Buffer) => {
        if (done) return;
        size += chunk.length;
        if (size > this.maxBodyBytes) {
          done = true;
          res.status(413).json({ error: `Request body larger than ${this.maxBodyBytes} bytes` });
          req.resume();
          resolve(null);
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => {
        if (!done) resolve(Buffer.concat(chunks));
      });
      req.on('error', () => {
        if (!done) resolve(null);
      });
    });
  }

  private checkEvent(raw: unknown, channelsKey: 'channels' | 'channel'): { error: string; status: number } | {
    name: string;
    data: string;
    channels: string[];
    socketId?: string;
  } {
    if (!raw || typeof raw !== 'object') return { error: 'Event must be a JSON object', status: 400 };
    const e = raw as Record<string, unknown>;
    if (typeof e.name !== 'string' || e.name.length === 0 || e.name.length > 200) {
      return { error: 'name must be a string of 1 to 200 characters', status: 400 };
    }
    if (typeof e.data !== 'string') return { error: 'data must be a string', status: 400 };
    if (Buffer.byteLength(e.data, 'utf8') > MAX_EVENT_DATA_BYTES) {
      return { error: `data larger than ${MAX_EVENT_DATA_BYTES} bytes`, status: 413 };
    }
    let channels: unknown;
    if (channelsKey === 'channels') channels = e.channels ?? (e.channel !== undefined ? [e.channel] : undefined);
    else channels = e.channel !== undefined ? [e.channel] : undefined;
    if (!Array.isArray(channels) || channels.length === 0 || channels.length > 100) {
      return { error: 'channels must list 1 to 100 channel names', status: 400 };
    }
    for (const c of channels) {
      if (typeof c !== 'string' || !CHANNEL_NAME.test(c)) return { error: 'invalid channel name', status: 400 };
    }
    if (e.socket_id !== undefined && (typeof e.socket_id !== 'string' || !SOCKET_ID.test(e.socket_id))) {
      return { error: 'invalid socket_id', status: 400 };
    }
    return { name: e.name, data: e.data, channels: channels as string[], socketId: e.socket_id as string | undefined };
  }

  private handleEvents(res: express.Response, body: Buffer) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      res.status(400).json({ error: 'Body must be JSON' });
      return;
    }
    const event = this.checkEvent(parsed, 'channels');
    if ('error' in event) {
      res.status(event.status).json({ error: event.error });
      return;
    }
    for (const channel of event.channels) this.deliver(channel, event.name, event.data, event.socketId);
    res.status(200).json({});
  }

  private handleBatch(res: express.Response, body: Buffer) {
    let parsed: { batch?: unknown };
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      res.status(400).json({ error: 'Body must be JSON' });
      return;
    }
    const batch = parsed?.batch;
    if (!Array.isArray(batch) || batch.length === 0 || batch.length > 10) {
      res.status(400).json({ error: 'batch must hold 1 to 10 events' });
      return;
    }
    const events = [];
    for (const raw of batch) {
      const event = this.checkEvent(raw, 'channel');
      if ('error' in event) {
        res.status(event.status).json({ error: event.error });
        return;
      }
      events.push(event);
    }
    for (const event of events) this.deliver(event.channels[0], event.name, event.data, event.socketId);
    res.status(200).json({ batch: events.map(() => ({})) });
  }

  private handleChannels(req: express.Request, res: express.Response) {
    const prefix = typeof req.query.filter_by_prefix === 'string' ? req.query.filter_by_prefix : '';
    const channels: Record<string, { user_count?: number }> = {};
    for (const [name] of this.channels) {
      if (!name.startsWith(prefix)) continue;
      channels[name] = name.startsWith('presence-') ? { user_count: this.presence.get(name)?.size ?? 0 } : {};
    }
    res.json({ channels });
  }

  private handleChannel(req: express.Request, res: express.Response) {
    const name = req.params.channel;
    const subscribers = this.channels.get(name);
    res.json({
      occupied: !!subscribers,
      subscription_count: subscribers?.size ?? 0,
      ...(name.startsWith('presence-') ? { user_count: this.presence.get(name)?.size ?? 0 } : {}),
    });
  }

  private handleUsers(req: express.Request, res: express.Response) {
    const name = req.params.channel;
    if (!name.startsWith('presence-')) {
      res.status(400).json({ error: 'Only presence channels have users' });
      return;
    }
    res.json({ users: [...(this.presence.get(name)?.keys() ?? [])].map((id) => ({ id })) });
  }

  // ---------------------------------------------------------------- WebSocket protocol

  private onConnection(ws: WebSocket, req: http.IncomingMessage, address: string) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const key = decodeURIComponent(url.pathname.slice('/app/'.length));
    const protocol = url.searchParams.get('protocol');
    const refuse = (code: number, message: string) => {
      ws.send(JSON.stringify({ event: 'pusher:error', data: { code, message } }));
      ws.close(code, message);
    };
    ws.on('error', () => {});
    // Counted from the established upgrade (a failed handshake never gets here); drops when the socket closes.
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    ws.once('close', () => {
      const left = (this.perAddress.get(address) ?? 1) - 1;
      if (left > 0) this.perAddress.set(address, left);
      else this.perAddress.delete(address);
    });
    if (key !== this.key) return refuse(ERROR.appNotFound, 'App does not exist');
    if (protocol === null) return refuse(ERROR.noProtocol, 'No protocol version supplied');
    if (!/^\d+$/.test(protocol)) return refuse(ERROR.invalidVersionFormat, 'Invalid version string format');
    const version = Number(protocol);
    if (version < 5 || version > 7) return refuse(ERROR.unsupportedProtocol, `Unsupported protocol version ${protocol}`);

    let socketId = newSocketId();
    while (this.connections.has(socketId)) socketId = newSocketId();
    const conn: Connection = { ws, socketId, channels: new Map(), userIds: new Set(), lastSeen: Date.now(), pingSentAt: null, address };
    this.connections.set(socketId, conn);

    ws.on('message', (data, isBinary) => this.onMessage(conn, data, isBinary));
    ws.on('pong', () => this.touch(conn));
    ws.on('close', () => this.onClose(conn));
    this.send(conn, 'pusher:connection_established', JSON.stringify({
      socket_id: socketId,
      activity_timeout: Math.max(1, Math.round(this.activityTimeoutMs / 1000)),
    }));
  }

  private touch(conn: Connection) {
    conn.lastSeen = Date.now();
    conn.pingSentAt = null;
  }

  private send(conn: Connection, event: string, data: unknown, channel?: string) {
    if (conn.ws.readyState !== WebSocket.OPEN) return;
    conn.ws.send(JSON.stringify(channel === undefined ? { event, data } : { event, channel, data }));
  }

  private sendError(conn: Connection, code: number | null, message: string) {
    this.send(conn, 'pusher:error', { code, message });
  }

  private onMessage(conn: Connection, raw: RawData, isBinary: boolean) {
    this.touch(conn);
    const size = Array.isArray(raw) ? raw.reduce((n, b) => n + b.length, 0) : (raw as Buffer | ArrayBuffer).byteLength;
    if (size > this.maxMessageBytes) {
      return this.sendError(conn, ERROR.badMessage, `Message larger than ${this.maxMessageBytes} bytes`);
    }
    if (isBinary) return this.sendError(conn, ERROR.badMessage, 'Binary messages are not supported');
    let message: { event?: unknown; data?: unknown; channel?: unknown };
    try {
      message = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.concat(raw as Buffer[]).toString('utf8'));
    } catch {
      return this.sendError(conn, ERROR.badMessage, 'Message is not valid JSON');
    }
    if (!message || typeof message !== 'object' || typeof message.event !== 'string') {
      return this.sendError(conn, ERROR.badMessage, 'Message must be a JSON object with an event name');
    }
    let data = message.data;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {
        /* plain string data */
      }
    }
    switch (message.event) {
      case 'pusher:ping':
        return this.send(conn, 'pusher:pong', {});
      case 'pusher:pong':
        return;
      case 'pusher:subscribe':
        return this.subscribe(conn, (data ?? {}) as Record<string, unknown>);
      case 'pusher:signin':
        return this.signin(conn, (data ?? {}) as Record<string, unknown>);
      case 'pusher:unsubscribe': {
        const channel = (data as { channel?: unknown } | undefined)?.channel;
        if (typeof channel === 'string') this.unsubscribe(conn, channel);
        return;
      }
      default:
        if (message.event.startsWith('client-')) {
          return this.sendError(conn, ERROR.badMessage, 'Client events are not enabled on this server');
        }
        if (message.event.startsWith('pusher:')) {
          return this.sendError(conn, ERROR.badMessage, `Unsupported event ${message.event}`);
        }
        return this.sendError(conn, ERROR.badMessage, 'Unknown event');
    }
  }

  /**
   * pusher-js user authentication: the app server signed "<socket_id>::user::<user_data>"; a valid signature binds the
   * socket to the user, so terminate_connections for that user reaches it (how hosted mode cuts a user off).
   */
  private signin(conn: Connection, data: Record<string, unknown>) {
    const { auth, user_data: userData } = data;
    const expected = userAuth(this.key, this.secret, conn.socketId, typeof userData === 'string' ? userData : '');
    if (typeof auth !== 'string' || typeof userData !== 'string' || !safeEqual(auth, expected)) {
      return this.sendError(conn, ERROR.unauthorized, 'Invalid user authentication signature');
    }
    let id: unknown;
    try {
      id = (JSON.parse(userData) as { id?: unknown }).id;
    } catch {
      /* refused below */
    }
    if (typeof id !== 'string' || !id) return this.sendError(conn, ERROR.unauthorized, 'user_data needs an id');
    if (!this.bindUser(conn.socketId, id)) return this.sendError(conn, ERROR.unauthorized, 'Too many connections for this user');
    this.send(conn, 'pusher:signin_success', { user_data: userData });
  }

  private subscriptionError(conn: Connection, channel: string, message: string, status = 401) {
    this.send(conn, 'pusher:subscription_error', JSON.stringify({ type: 'AuthError', error: message, status }), channel);
    this.sendError(conn, ERROR.unauthorized, message);
  }

  private subscribe(conn: Connection, data: Record<string, unknown>) {
    const channel = data.channel;
    if (typeof channel !== 'string' || !CHANNEL_NAME.test(channel)) {
      return this.sendError(conn, ERROR.badMessage, 'Invalid channel name');
    }
    if (conn.channels.has(channel)) {
      // Already subscribed: confirm again so a client that re-sent subscribe does not hang.
      return this.confirmSubscription(conn, channel);
    }
    if (conn.channels.size >= this.maxChannels) {
      return this.sendError(conn, ERROR.badMessage, `At most ${this.maxChannels} channels per connection`);
    }
    const isPresence = channel.startsWith('presence-');
    const isPrivate = channel.startsWith('private-');
    let userId: string | null = null;
    let userInfo: unknown;
    if (isPresence || isPrivate) {
      const channelData = isPresence ? data.channel_data : undefined;
      if (isPresence && typeof channelData !== 'string') {
        return this.subscriptionError(conn, channel, 'Presence channels need channel_data');
      }
      const ok = verifyChannelAuth(this.key, this.secret, {
        socketId: conn.socketId,
        channel,
        auth: data.auth,
        channelData,
      });
      if (!ok) return this.subscriptionError(conn, channel, `Invalid signature for ${channel}`);
      if (isPresence) {
        let parsed: { user_id?: unknown; user_info?: unknown };
        try {
          parsed = JSON.parse(channelData as string);
        } catch {
          return this.subscriptionError(conn, channel, 'channel_data is not valid JSON', 400);
        }
        if (typeof parsed?.user_id !== 'string' && typeof parsed?.user_id !== 'number') {
          return this.subscriptionError(conn, channel, 'channel_data needs a user_id', 400);
        }
        userId = String(parsed.user_id);
        userInfo = parsed.user_info;
      }
    }

    if (isPresence) {
      const members = this.presence.get(channel) ?? new Map<string, PresenceMember>();
      const existing = members.get(userId!);
      if (!existing && members.size >= this.maxPresenceMembers) {
        return this.subscriptionError(conn, channel, `Presence channel is full (${this.maxPresenceMembers} members)`, 403);
      }
      this.presence.set(channel, members);
      if (existing) {
        existing.sockets.add(conn.socketId);
      } else {
        members.set(userId!, { info: userInfo, sockets: new Set([conn.socketId]) });
        const added = JSON.stringify({ user_id: userId, user_info: userInfo });
        for (const other of this.channels.get(channel)?.values() ?? []) {
          this.send(other, 'pusher_internal:member_added', added, channel);
        }
      }
    }
    const subscribers = this.channels.get(channel) ?? new Map<string, Connection>();
    subscribers.set(conn.socketId, conn);
    this.channels.set(channel, subscribers);
    conn.channels.set(channel, userId);
    this.confirmSubscription(conn, channel);
  }

  private confirmSubscription(conn: Connection, channel: string) {
    if (!channel.startsWith('presence-')) {
      return this.send(conn, 'pusher_internal:subscription_succeeded', '{}', channel);
    }
    const members = this.presence.get(channel) ?? new Map<string, PresenceMember>();
    const hash: Record<string, unknown> = {};
    for (const [id, member] of members) hash[id] = member.info ?? null;
    const ids = Object.keys(hash);
    this.send(conn, 'pusher_internal:subscription_succeeded', JSON.stringify({ presence: { ids, hash, count: ids.length } }), channel);
  }

  private unsubscribe(conn: Connection, channel: string) {
    if (!conn.channels.has(channel)) return;
    const userId = conn.channels.get(channel) ?? null;
    conn.channels.delete(channel);
    const subscribers = this.channels.get(channel);
    subscribers?.delete(conn.socketId);
    if (subscribers && subscribers.size === 0) this.channels.delete(channel);
    if (userId === null) return;
    const members = this.presence.get(channel);
    const member = members?.get(userId);
    if (!members || !member) return;
    member.sockets.delete(conn.socketId);
    if (member.sockets.size > 0) return;
    members.delete(userId);
    if (members.size === 0) this.presence.delete(channel);
    const removed = JSON.stringify({ user_id: userId });
    for (const other of subscribers?.values() ?? []) this.send(other, 'pusher_internal:member_removed', removed, channel);
  }

  private onClose(conn: Connection) {
    if (!this.connections.has(conn.socketId)) return;
    for (const channel of [...conn.channels.keys()]) this.unsubscribe(conn, channel);
    this.connections.delete(conn.socketId);
  }

  private checkIdle() {
    const now = Date.now();
    for (const conn of this.connections.values()) {
      if (conn.pingSentAt !== null) {
        if (now - conn.pingSentAt > this.pongTimeoutMs) {
          try {
            conn.ws.close(ERROR.pongNotReceived, 'Pong reply not received');
          } catch {
            conn.ws.terminate();
          }
          this.onClose(conn);
        }
      } else if (now - conn.lastSeen > this.activityTimeoutMs) {
        conn.pingSentAt = now;
        this.send(conn, 'pusher:ping', {});
      }
    }
  }
}

function parseQuery(url: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  for (const [k, v] of new URLSearchParams(query)) {
    out[k] = k in out ? [out[k], v] : v;
  }
  return out;
}

/** Fresh Pusher credentials (the embedded server's per-start ones, and `waymark realtime --init`). */
export function newRealtimeCredentials() {
  return {
    appId: String(crypto.randomInt(100_000, 999_999_999)),
    key: crypto.randomBytes(10).toString('hex'),
    secret: crypto.randomBytes(24).toString('hex'),
  };
}
