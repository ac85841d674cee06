import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WsHub } from './ws-hub.ts';

let server: Server | null = null;
let hub: WsHub | null = null;

async function start(opts: ConstructorParameters<typeof WsHub>[0]): Promise<{ hub: WsHub; port: number }> {
  hub = new WsHub(opts);
  const h = hub;
  server = createServer();
  server.on('upgrade', (req, socket, head) => h.wss.handleUpgrade(req, socket, head, (ws) => h.wss.emit('connection', ws, req)));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const addr = server.address();
  return { hub: h, port: typeof addr === 'object' && addr ? addr.port : 0 };
}

afterEach(async () => {
  hub?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server?.closeAllConnections();
  hub = null;
  server = null;
});

/** A client that completes the WebSocket handshake and then never reads another byte. */
function stuckClient(port: number): Promise<Socket> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1', () => {
      s.write(
        'GET /?uniqueId=x HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      );
      s.once('data', () => {
        s.pause();
        resolve(s);
      });
    });
    s.on('error', () => {});
  });
}

const until = async (cond: () => boolean, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('WsHub', () => {
  it('sends every frame to every client on any path and ignores what clients send', async () => {
    const { hub, port } = await start({});
    const a = new WebSocket(`ws://127.0.0.1:${port}/`);
    const b = new WebSocket(`ws://127.0.0.1:${port}?uniqueId=streamer`);
    const got: string[][] = [[], []];
    a.on('message', (d) => got[0].push(String(d)));
    b.on('message', (d) => got[1].push(String(d)));
    await Promise.all([a, b].map((ws) => new Promise((r) => ws.once('open', r))));
    await until(() => hub.size === 2);
    a.send('hello server');
    a.send(Buffer.from([0xff, 0x00]));
    hub.broadcast('{"event":"chat","data":{}}');
    hub.broadcast('{"event":"like","data":{}}');
    await until(() => got[0].length === 2 && got[1].length === 2);
    expect(got[0]).toEqual(['{"event":"chat","data":{}}', '{"event":"like","data":{}}']);
    expect(got[1]).toEqual(got[0]);
    a.close();
    b.close();
  });

  it('caps a client that stops reading, then disconnects it, without growing memory', async () => {
    const { hub, port } = await start({ maxBufferedBytes: 256 * 1024, slowClientGraceMs: 300 });
    const sock = await stuckClient(port);
    await until(() => hub.size === 1);
    const frame = `{"event":"chat","data":{"comment":"${'x'.repeat(8000)}"}}`;
    const before = process.memoryUsage().rss;
    const end = Date.now() + 1500;
    while (Date.now() < end && hub.size > 0) {
      for (let i = 0; i < 200; i++) hub.broadcast(frame);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(hub.stats.droppedFrames).toBeGreaterThan(0);
    expect(hub.stats.slowClientsDisconnected).toBe(1);
    expect(hub.size).toBe(0);
    // Far below the hundreds of MB the broadcast loop pushed: the buffer stayed capped.
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    sock.destroy();
  });

  it('waiting for the clients to drain (instant replay) drops one that stops reading after the grace, and goes on for the rest', async () => {
    const { hub, port } = await start({ maxBufferedBytes: 256 * 1024, slowClientGraceMs: 300, heartbeatMs: 60_000 });
    const sock = await stuckClient(port);
    const live = new WebSocket(`ws://127.0.0.1:${port}/`);
    let got = 0;
    live.on('message', () => got++);
    await new Promise((r) => live.once('open', r));
    await until(() => hub.size === 2);
    const frame = `{"event":"chat","data":{"comment":"${'x'.repeat(8000)}"}}`;
    // As the replayer does: send while every client is writable, then wait for them (the kernel's socket buffers
    // take a few MB of the stuck client's frames first).
    let sent = 0;
    let longest = 0;
    const end = Date.now() + 5000;
    while (hub.size === 2 && Date.now() < end) {
      while (hub.writable()) (hub.broadcast(frame), sent++);
      const t0 = Date.now();
      await hub.whenWritable();
      longest = Math.max(longest, Date.now() - t0);
    }
    expect(hub.stats.slowClientsDisconnected).toBe(1);
    expect(hub.size).toBe(1);
    expect(longest).toBeGreaterThanOrEqual(250);
    expect(hub.stats.droppedFrames).toBe(0);
    await until(() => got === sent);
    live.close();
    sock.destroy();
  });

  it('terminates a client that stops answering pings', async () => {
    const { hub, port } = await start({ heartbeatMs: 100 });
    const sock = await stuckClient(port);
    await until(() => hub.size === 1);
    await until(() => hub.size === 0, 3000);
    expect(hub.stats.deadClientsTerminated).toBe(1);
    sock.destroy();
  });

  it('closes every client with a chosen code', async () => {
    const { hub, port } = await start({});
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
    await new Promise((r) => ws.once('open', r));
    await until(() => hub.size === 1);
    const closed = new Promise<[number, string]>((r) => ws.once('close', (c, why) => r([c, String(why)])));
    expect(hub.closeAll(4000, 'test')).toBe(1);
    expect(await closed).toEqual([4000, 'test']);
  });
});
