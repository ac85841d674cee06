/**
 * The relay end to end in-process, with real parts: a WebSocket source sending tiksim's own frames (the engine's,
 * for the 16 kinds TikFinity forwards) and TLC-style frames for every other kind, the TikFinity receiver, the relay
 * with a real SQLite file and its HTTP API, and a plain node:http receiver verifying every signature with the
 * standardwebhooks package.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { createEngine, RATE_KINDS } from '../simulator/engine.ts';
import { get } from 'node:http';
import { EVENT_NAMES } from '../protocol/names.ts';
import { tlcExamples } from '../protocol/tlc/index.ts';
import { isForwardedByTikfinity, CONTROL_EVENT_NAMES } from '../protocol/tiktok-names.ts';
import { TikfinityReceiver } from '../receivers/tikfinity.ts';
import { ReplayReceiver } from '../receivers/replay.ts';
import { SERVICE_TYPES } from './shapes.ts';
import { generateSecret } from './sign.ts';
import { startRelay, type RunningRelay } from './service.ts';
import { startTestReceiver, type TestReceiver } from './test-helpers.ts';

const cleanup: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** Every frame the source sends: the engine's frames of each TikFinity kind, then a TLC-style frame of each other kind. */
function allFrames(): string[] {
  const engine = createEngine({ seed: 3, population: 50, startMs: Date.UTC(2025, 0, 1), mediaBase: 'http://127.0.0.1:1', rates: Object.fromEntries(RATE_KINDS.map((k) => [k, 0])) });
  engine.setPaused(true);
  const frames: string[] = [];
  let t = Date.UTC(2025, 0, 1);
  for (const event of EVENT_NAMES) {
    if (event === 'config') continue;
    const r = engine.fire({ event }, t);
    if (!r.ok) throw new Error(`${event}: ${r.error.message}`);
    t += 10_000;
    engine.advance(t, (f) => frames.push(f.text));
  }
  const control: readonly string[] = CONTROL_EVENT_NAMES;
  for (const [kind, data] of Object.entries(tlcExamples)) {
    if (isForwardedByTikfinity(kind) || (control.includes(kind) && kind !== 'rawData' && kind !== 'decodedData')) continue;
    frames.push(JSON.stringify({ event: kind, data }));
  }
  return frames;
}

async function source(): Promise<{ url: string; clients: Set<WebSocket> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => wss.once('listening', r));
  const clients = new Set<WebSocket>();
  wss.on('connection', (ws) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
  });
  cleanup.push(() => new Promise((r) => {
    for (const c of clients) c.terminate();
    wss.close(r);
  }));
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`, clients };
}

async function relayWith(url: string, extra: Partial<Parameters<typeof startRelay>[0]> = {}): Promise<RunningRelay> {
  const r = await startRelay({
    source: new TikfinityReceiver({ url, backoff: { initial: 20, max: 40 }, rng: () => 0 }),
    username: 'lena.draws',
    dbPath: join(mkdtempSync(join(tmpdir(), 'tiksim-relay-')), 'relay.db'),
    host: '127.0.0.1',
    port: 0,
    retryScale: 0.001,
    ...extra,
  });
  cleanup.push(() => r.stop());
  return r;
}

async function receiver(secret: string | null): Promise<TestReceiver> {
  const r = await startTestReceiver(secret);
  cleanup.push(() => r.close());
  return r;
}

const until = async (pred: () => boolean, what: string, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((res) => setTimeout(res, 10));
  }
};

describe('tiksim relay end to end', () => {
  it('delivers every one of the 43 kinds, each signature verified by standardwebhooks, in the documented envelope', async () => {
    const src = await source();
    const secret = generateSecret();
    const hook = await receiver(secret);
    const relay = await relayWith(src.url, { webhook: { url: hook.url, secret, name: 'my bot' } });
    await until(() => src.clients.size === 1, 'the relay connected');
    const ws = [...src.clients][0]!;
    for (const f of allFrames()) ws.send(f);
    ws.send('{"event":"chat","data":'); // malformed: an error event
    await until(() => hook.got.length >= 60, 'the deliveries');
    ws.terminate(); // a drop: a disconnected event, then a reconnect (a second connected)
    const seen = () => new Set(hook.got.map((g) => (JSON.parse(g.body) as { event: { type: string } }).event.type));
    await until(() => SERVICE_TYPES.every((t) => seen().has(t)), 'every kind delivered');
    const bodies = hook.got.map((g) => JSON.parse(g.body) as { event: { type: string; id: string; timestamp: string; data: Record<string, unknown> }; webhook: unknown });
    const types = new Set(bodies.map((b) => b.event.type));
    for (const t of SERVICE_TYPES) expect(types.has(t), t).toBe(true);
    expect(hook.got.every((g) => g.verified)).toBe(true);
    expect(hook.got.every((g) => g.id === JSON.parse(g.body).event.id)).toBe(true);
    const gift = bodies.find((b) => b.event.type === 'gift')!;
    expect(Object.keys(gift.event)).toEqual(['type', 'data', 'timestamp', 'id']);
    expect(Object.keys(gift.event.data)).toEqual(['username', 'giftName', 'giftId', 'repeatCount', 'repeatEnd', 'giftType', 'cost', 'userId', 'nickname']);
    expect(gift.webhook).toEqual({ id: relay.store.webhooks()[0]!.id, url: hook.url, name: 'my bot' });
    expect(bodies.find((b) => b.event.type === 'connected')!.event.data).toEqual({ username: 'lena.draws', roomId: '0' });
    expect(bodies.find((b) => b.event.type === 'roomUpdate')!.event.data).toEqual({ viewerCount: expect.any(Number), timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) });
    // The stored envelope is the delivered one, byte for byte.
    const stored = relay.store.events({ limit: 1000 })!.find((e) => e.id === gift.event.id)!;
    expect(hook.got.find((g) => g.id === gift.event.id)!.body).toBe(`{"event":${stored.envelope},"webhook":${JSON.stringify(gift.webhook)}}`);
  });

  it('the API: key required (401), events newest first with a cursor, webhooks added and removed, deliveries, redelivery, errors from the one table', async () => {
    const src = await source();
    const relay = await relayWith(src.url, { apiKey: 'k3y' });
    const api = (path: string, init: RequestInit = {}, key: string | null = 'k3y') =>
      fetch(relay.url + path, { ...init, headers: { ...(key ? { 'x-api-key': key } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.headers as Record<string, string> | undefined) } });
    const json = async (r: Response) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> & { error?: { code: string; message: string; field?: string } } });

    expect(await json(await api('/api/status', {}, null))).toMatchObject({ status: 401, body: { error: { code: 'E_UNAUTHORIZED', message: expect.stringMatching(/X-API-Key/) } } });
    expect(await json(await api('/api/status', {}, 'wrong'))).toMatchObject({ status: 401, body: { error: { code: 'E_UNAUTHORIZED', message: expect.stringMatching(/does not match/) } } });
    // A page reaching the relay through another name (DNS rebinding) is refused, key or not.
    const rebound = await new Promise<number>((res) => get(relay.url + '/api/status', { headers: { 'x-api-key': 'k3y', host: 'evil.example' } }, (r) => (r.resume(), res(r.statusCode ?? 0))));
    expect(rebound).toBe(403);

    const hook = await receiver(null);
    hook.answer = () => ({ status: 400 });
    const bad = async (body: string, headers: Record<string, string> = {}) => (await json(await api('/api/webhooks', { method: 'POST', body, headers }))).body.error;
    expect(await bad('{"url":"ftp://127.0.0.1/x"}')).toMatchObject({ code: 'E_BAD_FIELD', field: 'url' });
    expect(await bad('{"url":"http://127.0.0.1/x","colour":"red"}')).toMatchObject({ code: 'E_UNKNOWN_FIELD', field: 'colour' });
    expect(await bad('{"url":"http://127.0.0.1/x","secret":"hunter2"}')).toMatchObject({ code: 'E_BAD_FIELD', field: 'secret' });
    expect(await bad('{"url":"http://127.0.0.1/x","types":["chat","nope"]}')).toMatchObject({ code: 'E_BAD_FIELD', field: 'types[1]' });
    expect(await bad('{"url":')).toMatchObject({ code: 'E_BAD_JSON' });
    expect(await bad('{"url":"http://127.0.0.1/x"}', { 'content-type': 'text/plain' })).toMatchObject({ code: 'E_UNSUPPORTED_TYPE' });
    expect(await bad('{"url":"http://127.0.0.1/x"}', { origin: 'https://evil.example' })).toMatchObject({ code: 'E_FOREIGN_ORIGIN' });

    const created = await json(await api('/api/webhooks', { method: 'POST', body: JSON.stringify({ url: hook.url, name: 'bot', types: ['chat'] }) }));
    expect(created).toMatchObject({ status: 201, body: { webhook: { url: hook.url, name: 'bot', types: ['chat'], disabled: false }, secret: expect.stringMatching(/^whsec_/) } });
    const id = (created.body.webhook as { id: string }).id;
    const listed = await json(await api('/api/webhooks'));
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret as string);

    await until(() => src.clients.size === 1, 'connected');
    const ws = [...src.clients][0]!;
    for (let i = 1; i <= 5; i++) ws.send(JSON.stringify({ event: 'chat', data: { ...chatData, comment: `m${i}`, msgId: String(i) } }));
    await until(() => hook.got.length === 5, 'five chats');
    const ev = await json(await api('/api/events?type=chat&limit=2'));
    expect((ev.body.events as Array<{ data: { message: string } }>).map((e) => e.data.message)).toEqual(['m5', 'm4']);
    const next = await json(await api(`/api/events?type=chat&limit=2&before=${ev.body.next as string}`));
    expect((next.body.events as Array<{ data: { message: string } }>).map((e) => e.data.message)).toEqual(['m3', 'm2']);
    expect((await json(await api('/api/events?limit=0'))).body.error).toMatchObject({ code: 'E_OUT_OF_RANGE', field: 'limit' });
    expect((await json(await api('/api/events?before=nope'))).body.error).toMatchObject({ code: 'E_NO_EVENT' });

    await until(() => relay.store.pendingOf(id) === 0, 'the 400s recorded');
    const dl = await json(await api(`/api/webhooks/${id}/deliveries`));
    const first = (dl.body.deliveries as Array<{ id: number; state: string; lastStatus: number }>).at(-1)!;
    expect(first).toMatchObject({ state: 'failed', lastStatus: 400 });
    hook.answer = () => ({ status: 200 });
    expect(await json(await api(`/api/deliveries/${first.id}/redeliver`, { method: 'POST', body: '{}' }))).toMatchObject({ status: 202, body: { delivery: first.id, state: 'pending' } });
    await until(() => hook.got.length === 6, 'the redelivery');
    expect(hook.got[5]!.id).toBe(hook.got[0]!.id);
    await until(() => relay.store.pendingOf(id) === 0, 'the redelivery recorded');
    expect(relay.store.deliveries(id, 10).find((d) => d.id === first.id)).toMatchObject({ state: 'delivered', lastStatus: 200, attempts: 2 });
    expect((await json(await api('/api/deliveries/999999/redeliver', { method: 'POST', body: '{}' }))).body.error!.code).toBe('E_NO_DELIVERY');

    const status = await json(await api('/api/status'));
    expect(status.body).toMatchObject({ connected: true, source: { name: 'tikfinity', state: 'connected' }, events: { byType: { chat: 5, connected: 1 } }, deliveries: { pending: 0, failed: 4, delivered: 1 } });
    expect(status.body.uptimeMs).toBeTypeOf('number');

    expect((await json(await api(`/api/webhooks/${id}`, { method: 'DELETE', headers: { 'content-type': 'application/json' } }))).body).toEqual({ deleted: id });
    expect((await json(await api(`/api/webhooks/${id}`, { method: 'DELETE', headers: { 'content-type': 'application/json' } }))).body.error!.code).toBe('E_NO_WEBHOOK');
    expect((await json(await api('/api/webhooks', { method: 'PUT', body: '{}' }))).body.error!.code).toBe('E_METHOD');
    expect((await json(await api('/nope'))).body.error!.code).toBe('E_NOT_FOUND');
  });

  it('--record writes the source as a tiksim recording, and --replay of it relays the same events again', async () => {
    const src = await source();
    const dir = join(mkdtempSync(join(tmpdir(), 'tiksim-relay-rec-')), 'session');
    const first = await relayWith(src.url, { recordDir: dir });
    await until(() => src.clients.size === 1, 'connected');
    const ws = [...src.clients][0]!;
    const frames = allFrames().slice(0, 30);
    for (const f of frames) ws.send(f);
    await until(() => first.counters.received === 31, 'thirty frames and connected');
    const typesOf = (r: RunningRelay) => r.store.events({ limit: 1000 })!.reverse().map((e) => e.type).filter((t) => t !== 'connected');
    const recorded = typesOf(first);
    await first.stop();

    const again = await startRelay({ source: new ReplayReceiver({ path: dir, instant: true }), username: 'lena.draws', dbPath: join(mkdtempSync(join(tmpdir(), 'tiksim-relay-')), 'relay.db'), host: '127.0.0.1', port: 0 });
    cleanup.push(() => again.stop());
    await until(() => again.source().state === 'stopped', 'the replay ended');
    await new Promise((r) => setTimeout(r, 50));
    expect(typesOf(again)).toEqual(recorded);
  });

  it('a dead endpoint whose outbox reaches --outbox-cap: new events are failed for it with E_RELAY_OUTBOX_FULL, shown in status and logged; a live one gets them all', async () => {
    const src = await source();
    const live = await receiver(null);
    const logs: string[] = [];
    const relay = await relayWith(src.url, { outboxCap: 3, log: (_l, m) => logs.push(m), webhook: { url: 'http://127.0.0.1:1/dead' } });
    const res = await fetch(`${relay.url}/api/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: live.url, types: ['chat'] }) });
    expect(res.status).toBe(201);
    await until(() => src.clients.size === 1 && relay.source().state === 'connected', 'connected');
    const ws = [...src.clients][0]!;
    // One at a time, so that only the dead endpoint's outbox fills.
    for (let i = 1; i <= 6; i++) {
      ws.send(JSON.stringify({ event: 'chat', data: { ...chatData, comment: `c${i}`, msgId: String(i) } }));
      await until(() => live.got.length === i, `chat ${i} at the live endpoint`);
    }
    const dead = relay.store.webhooks().find((w) => w.url.endsWith('/dead'))!;
    const status = (await (await fetch(`${relay.url}/api/status`)).json()) as { outbox: { cap: number; full: string[]; error?: string } };
    expect(status.outbox).toEqual({ cap: 3, full: [dead.id], error: 'E_RELAY_OUTBOX_FULL' });
    expect(relay.store.pendingOf(dead.id)).toBe(3);
    // connected and two chats are pending; the other four chats were recorded as failed.
    expect(relay.store.deliveries(dead.id, 10).filter((d) => d.state === 'failed' && d.lastError?.startsWith('E_RELAY_OUTBOX_FULL'))).toHaveLength(4);
    expect(logs.some((l) => l.startsWith('E_RELAY_OUTBOX_FULL'))).toBe(true);
  });
});

/** A real TikFinity chat frame's data (protocol/fixtures/tikfinity-samples.json). */
const chatData = (JSON.parse(readFileSync(join(import.meta.dirname, '../protocol/fixtures/tikfinity-samples.json'), 'utf8')) as Array<{ event: string; data: Record<string, unknown> }>).find((f) => f.event === 'chat')!.data;
