/**
 * A loopback stand-in for TikTok's side of a LIVE connection, for tests: the sign server tiktok-live-connector asks
 * for a signed push-server URL (it answers, as Euler Stream's does, with a ProtoMessageFetchResult naming the push
 * server, a cursor and a cookie) and the push server itself (a WebSocket at /webcast/im/push/v2/ that reads the
 * client's binary im_enter_room, heartbeat and ack frames and sends binary WebcastPushFrames). The library is pointed
 * at it through its own settings (SignConfig.basePath, a known room id), so its HTTP client, WebSocket client,
 * decoder and reconnects all run for real, and nothing leaves 127.0.0.1.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import * as tlc from 'tiktok-live-connector';
import { fetchResult, ROOM_ID, type Encoded } from './webcast-builders.ts';

/** What the push server saw of one client connection. */
export interface PushClient {
  query: URLSearchParams;
  /** payloadType of every frame the client sent (im_enter_room, hb, ack). */
  sent: string[];
}

export interface TikTokStandIn {
  /** http://127.0.0.1:<port>: the sign server (set SignConfig.basePath to it). */
  signUrl: string;
  /** Requests the sign server answered. */
  signRequests: number;
  /** Messages the next sign response carries as the initial batch (processInitialData). */
  initial: Encoded[];
  /** When set, the sign server answers this HTTP status instead (a refused or rate-limited start). */
  signStatus: number | null;
  clients: PushClient[];
  /** Resolves when `n` push connections were made in all (counting closed ones). */
  waitForConnections(n: number): Promise<void>;
  /** Resolves when the live client has sent a frame of this payloadType (im_enter_room, hb, ack) `n` times in all. */
  waitForSent(type: string, n?: number): Promise<void>;
  /** Sends binary frames to every open push connection. */
  send(frames: Uint8Array[]): void;
  /** Drops every push connection abruptly (a network outage). */
  dropAll(): void;
  close(): Promise<void>;
}

const poll = async (pred: () => boolean, what: string, ms = 8000): Promise<void> => {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** Starts the stand-in on 127.0.0.1:0. */
export async function startTikTokStandIn(): Promise<TikTokStandIn> {
  const sockets = new Set<WebSocket>();
  let port = 0;
  const st: TikTokStandIn = {
    signUrl: '',
    signRequests: 0,
    initial: [],
    signStatus: null,
    clients: [],
    waitForConnections: (n) => poll(() => st.clients.length >= n, `${n} push connections`),
    waitForSent: (type, n = 1) => poll(() => st.clients.flatMap((c) => c.sent).filter((t) => t === type).length >= n, `${n} "${type}" frames from the client`),
    send(frames) {
      for (const ws of sockets) for (const f of frames) ws.send(Buffer.from(f), { binary: true });
    },
    dropAll() {
      for (const ws of sockets) ws.terminate();
    },
    close: async () => {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const server: Server = createServer((req, res) => {
    st.signRequests++;
    if (st.signStatus !== null) {
      res.writeHead(st.signStatus, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: st.signStatus, message: 'stand-in sign server refuses' }));
      return;
    }
    const body = fetchResult(st.initial, { now: Date.now(), pushServer: `ws://127.0.0.1:${port}/webcast/im/push/v2/`, needAck: false });
    res.writeHead(200, { 'content-type': 'application/x-protobuf', 'x-set-tt-cookie': 'ttwid=1%7Cstand-in; Path=/', 'x-room-id': ROOM_ID, 'x-request-id': 'stand-in' });
    res.end(Buffer.from(body));
  });
  const wss = new WebSocketServer({ server, path: '/webcast/im/push/v2/' });
  wss.on('connection', (ws, req) => {
    const client: PushClient = { query: new URL(req.url ?? '/', 'http://x').searchParams, sent: [] };
    st.clients.push(client);
    sockets.add(ws);
    ws.on('error', () => undefined);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data) => {
      try {
        client.sent.push(tlc.WebcastPushFrame.decode(new Uint8Array(data as Buffer)).payloadType);
      } catch {
        client.sent.push('?');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  st.signUrl = `http://127.0.0.1:${port}`;
  return st;
}
