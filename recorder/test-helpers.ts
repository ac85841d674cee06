/** Test helpers: a real TikFinity-like WebSocket upstream and a local image server, both on 127.0.0.1 port 0. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';

/** A fake upstream that sends whatever frames the test asks for to every connected client. */
export interface Upstream {
  url: string;
  port: number;
  clients(): number;
  /** Resolves when at least n clients are connected. */
  waitForClients(n: number): Promise<void>;
  /** Sends frames to every client, respecting backpressure; resolves when all were handed to the sockets and drained. */
  send(frames: string[]): Promise<void>;
  /** Kills the server and every connection (the upstream vanishes). */
  kill(): Promise<void>;
  /** Starts again on the same port. */
  revive(): Promise<void>;
}

/** Starts a real ws server on 127.0.0.1:0 (or the given port). */
export async function startUpstream(port = 0): Promise<Upstream> {
  let wss: WebSocketServer;
  const sockets = new Set<WebSocket>();
  const listen = (p: number) =>
    new Promise<number>((resolve, reject) => {
      wss = new WebSocketServer({ host: '127.0.0.1', port: p });
      wss.on('connection', (ws) => {
        sockets.add(ws);
        ws.on('close', () => sockets.delete(ws));
        ws.on('error', () => undefined);
      });
      wss.on('listening', () => resolve((wss.address() as AddressInfo).port));
      wss.on('error', reject);
    });
  const actual = await listen(port);
  const up: Upstream = {
    url: `ws://127.0.0.1:${actual}/`,
    port: actual,
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
    async kill() {
      for (const ws of sockets) ws.terminate();
      sockets.clear();
      await new Promise<void>((r) => wss.close(() => r()));
    },
    async revive() {
      await listen(actual);
    },
  };
  return up;
}

/** A local image server: GET /img/<name>.png returns a small PNG; /fail/* returns 500; counts requests per path. */
export async function startImageServer(): Promise<{ base: string; hits: Map<string, number>; close(): Promise<void> }> {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const p = req.url ?? '/';
    hits.set(p, (hits.get(p) ?? 0) + 1);
    if (p.startsWith('/img/')) {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(png);
    } else {
      res.writeHead(500);
      res.end('nope');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { base: `http://127.0.0.1:${port}`, hits, close: () => new Promise((r) => server.close(() => r())) };
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
