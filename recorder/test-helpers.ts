/** Test helpers: a real TikFinity-like WebSocket upstream and a local image server, both on 127.0.0.1 port 0. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { isTikTokCdnHost } from '../protocol/cdn-hosts.ts';

/** A fake upstream that sends whatever frames the test asks for to every connected client. */
export interface Upstream {
  url: string;
  port: number;
  /** Its own http origin (http://127.0.0.1:<port>), which serves images too (see imageRoutes). */
  http: string;
  clients(): number;
  /** Resolves when at least n clients are connected. */
  waitForClients(n: number): Promise<void>;
  /** Sends frames (a string as a text frame, a Buffer as a binary one) to every client, respecting backpressure; resolves when all were handed to the sockets and drained. */
  send(frames: Array<string | Buffer>): Promise<void>;
  /** Closes every client's socket with this code and reason (a clean close, not a vanished server). */
  closeClients(code: number, reason: string): void;
  /** Kills the server and every connection (the upstream vanishes). */
  kill(): Promise<void>;
  /** Starts again on the same port. */
  revive(): Promise<void>;
  /** Image requests served, per path (query included). */
  hits: Map<string, number>;
  /** The Authorization header of each image request, per path. */
  auth: Map<string, string | undefined>;
}

/** A 1x1 PNG. */
export const PNG_1X1 = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

/**
 * Image routes shared by the upstream's origin and the stand-in CDN: /img/<name>.png a PNG; /kb/<n>.png a PNG-typed
 * body of n KiB; /redirect?to=<url> a 302 there; /html a web page; /svg an SVG; /empty an empty image; anything
 * else 500. With `token`, a request without `Authorization: Bearer <token>` or `?token=` gets 401.
 */
function imageRoutes(hits: Map<string, number>, auth: Map<string, string | undefined>, token?: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const p = req.url ?? '/';
    hits.set(p, (hits.get(p) ?? 0) + 1);
    auth.set(p, req.headers.authorization);
    const u = new URL(p, 'http://x');
    if (token && req.headers.authorization !== `Bearer ${token}` && u.searchParams.get('token') !== token) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"E_AUTH","message":"token required"}}');
      return;
    }
    const kb = /^\/kb\/(\d+)\.png$/.exec(u.pathname);
    if (u.pathname.startsWith('/img/')) {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(PNG_1X1);
    } else if (kb) {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.alloc(Number(kb[1]) * 1024, 7));
    } else if (u.pathname === '/redirect') {
      res.writeHead(302, { location: u.searchParams.get('to') ?? '/' });
      res.end();
    } else if (u.pathname === '/html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<h1>not an image</h1>');
    } else if (u.pathname === '/svg') {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      res.end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    } else if (u.pathname === '/empty') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end();
    } else {
      res.writeHead(500);
      res.end('nope');
    }
  };
}

/**
 * Starts a real ws server on 127.0.0.1:0 (or the given port) whose http origin also serves images (imageRoutes).
 * With `token`, WebSocket upgrades and image requests need it (as a token-protected tiksim does).
 */
export async function startUpstream(port = 0, opts: { token?: string } = {}): Promise<Upstream> {
  let server: Server;
  let wss: WebSocketServer;
  const sockets = new Set<WebSocket>();
  const hits = new Map<string, number>();
  const auth = new Map<string, string | undefined>();
  const listen = (p: number) =>
    new Promise<number>((resolve, reject) => {
      server = createServer(imageRoutes(hits, auth, opts.token));
      wss = new WebSocketServer({ noServer: true });
      server.on('upgrade', (req, socket, head) => {
        socket.on('error', () => undefined);
        if (opts.token && new URL(req.url ?? '/', 'http://x').searchParams.get('token') !== opts.token) {
          socket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
          return;
        }
        wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
      });
      wss.on('connection', (ws) => {
        sockets.add(ws);
        ws.on('close', () => sockets.delete(ws));
        ws.on('error', () => undefined);
      });
      server.once('error', reject);
      server.listen(p, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const actual = await listen(port);
  const up: Upstream = {
    url: `ws://127.0.0.1:${actual}/`,
    port: actual,
    http: `http://127.0.0.1:${actual}`,
    hits,
    auth,
    clients: () => sockets.size,
    async waitForClients(n) {
      while (sockets.size < n) await new Promise((r) => setTimeout(r, 5));
    },
    async send(frames) {
      for (const f of frames) {
        for (const ws of sockets) {
          ws.send(f);
          if (ws.bufferedAmount > 1 << 20) while (ws.bufferedAmount > 1 << 18) await new Promise((r) => setTimeout(r, 1));
        }
      }
      for (const ws of sockets) while (ws.bufferedAmount > 0) await new Promise((r) => setTimeout(r, 1));
    },
    closeClients(code, reason) {
      for (const ws of sockets) ws.close(code, reason);
    },
    async kill() {
      for (const ws of sockets) ws.terminate();
      sockets.clear();
      await new Promise<void>((r) => wss.close(() => r()));
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
    async revive() {
      await listen(actual);
    },
  };
  return up;
}

/** A stand-in CDN (imageRoutes on its own loopback port), with the fetch that reaches it for TikTok's CDN hosts. */
export interface StandInCdn {
  base: string;
  hits: Map<string, number>;
  auth: Map<string, string | undefined>;
  /** Every URL the recorder asked this fetch for, in order. */
  requested: string[];
  /** Sends https://<a TikTok CDN host>/<path> to this server; other URLs go to the real fetch unchanged. */
  fetch: typeof fetch;
  close(): Promise<void>;
}

/** Starts a stand-in CDN on 127.0.0.1:0: tests reach "TikTok's CDN" without leaving the machine. */
export async function startStandInCdn(): Promise<StandInCdn> {
  const hits = new Map<string, number>();
  const auth = new Map<string, string | undefined>();
  const server = createServer(imageRoutes(hits, auth));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const requested: string[] = [];
  const f = ((input: string | URL | Request, init?: RequestInit) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requested.push(href);
    const u = new URL(href);
    if (u.protocol === 'https:' && isTikTokCdnHost(u.hostname)) return fetch(base + u.pathname + u.search, init);
    return fetch(href, init);
  }) as typeof fetch;
  return {
    base,
    hits,
    auth,
    requested,
    fetch: f,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

/** A local image server on its own port (imageRoutes): counts requests per path. */
export async function startImageServer(): Promise<{ base: string; hits: Map<string, number>; close(): Promise<void> }> {
  const hits = new Map<string, number>();
  const server: Server = createServer(imageRoutes(hits, new Map()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'tiksim-rec-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A TikFinity-like chat frame (enough for counting and media). */
export function chatFrame(i: number, avatar = 'https://p16-sign.tiktokcdn.com/a/u' + (i % 7) + '.webp'): string {
  return JSON.stringify({
    event: 'chat',
    data: { comment: `hello ${i} "quoted" \\ ünï 😀`, userId: String(1000 + (i % 50)), uniqueId: `user${i % 50}`, nickname: `User ${i % 50}`, profilePictureUrl: avatar, msgId: String(7e18 + i), createTime: String(1.7e12 + i) },
  });
}
