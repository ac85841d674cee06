/**
 * The real simulator and the real recorder over loopback: what the simulator says it sent is what lands on disk,
 * byte for byte, the same as an independent client saw; replay gives it back; outages become gap markers; kill -9
 * leaves a readable file. Every server is on 127.0.0.1 port 0.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../simulator/server/app.ts';
import { DEFAULT_CONFIG_PATH, loadConfigFile } from '../simulator/config/load-config.ts';
import { Recorder } from './record.ts';
import { openRecording, readEntries } from './reader.ts';
import { inspectRecording } from './inspect.ts';
import { anonymizeRecording } from './anonymize.ts';
import type { Entry, MediaEntry } from './format.ts';
import { tempDir } from './test-helpers.ts';
import { runCli, waitFor } from '../test/faults/helpers.ts';

const RATES = { chat: 250, like: 300, gift: 20, member: 60, follow: 5, share: 2 };
const cleanup: Array<() => unknown> = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f();
});

function sim(extra: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  return startSimulator({
    host: '127.0.0.1',
    port: 0,
    seed: 21,
    startMs: Date.UTC(2025, 0, 1, 20),
    population: 60,
    rates: RATES,
    config: loadConfigFile(DEFAULT_CONFIG_PATH),
    recordingsDir: tempDir(),
    distDir: tempDir(),
    ...extra,
  });
}

interface Status {
  clients: number;
  sent: { total: number; connectFrames: number; byKind: Record<string, number> };
}

async function api<T = Status>(s: RunningSimulator, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(s.url + path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
const status = (s: RunningSimulator) => api(s, 'GET', '/api/status');

/** Where the broadcast stream stood when a client joined, and how many connect frames it got (config, backlog). */
interface Join {
  path: string;
  total: number;
  connectFrames: number;
}

/**
 * Notes, for each client as it joins, the simulator's `sent.total` and the connect frames it was sent: read in the
 * same tick as the join, so the account is exact even while the stream flows (a status poll would race it).
 */
function tapJoins(s: RunningSimulator): Map<string, Join> {
  const joins = new Map<string, Join>();
  const hub = s.state.hub;
  const inner = hub.onConnect;
  hub.onConnect = (ws, req) => {
    const total = s.state.sent.total;
    const before = s.state.sent.connectFrames;
    inner(ws, req);
    joins.set(req.url ?? '/', { path: req.url ?? '/', total, connectFrames: s.state.sent.connectFrames - before });
  };
  return joins;
}

/** Stops the stream for good (pump stopped: nothing more is generated or fired) and returns GET /api/status. */
async function stopStream(s: RunningSimulator): Promise<Status> {
  s.state.pump.stop();
  return status(s);
}

/**
 * Checks two clients' streams against the simulator's account: each got its connect frames plus every frame broadcast
 * after it joined, up to `total`; the broadcast parts agree byte for byte where they overlap.
 */
function checkStreams(total: number, a: { frames: string[]; join: Join }, b: { frames: string[]; join: Join }): void {
  for (const x of [a, b]) expect(x.frames.length, x.join.path).toBe(x.join.connectFrames + total - x.join.total);
  const [early, late] = a.join.total <= b.join.total ? [a, b] : [b, a];
  expect(late.frames.slice(late.join.connectFrames)).toEqual(early.frames.slice(early.join.connectFrames + late.join.total - early.join.total));
}

/** An independent ws client that keeps every text frame it gets. */
async function listen(url: string): Promise<{ ws: WebSocket; got: string[] }> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  const got: string[] = [];
  ws.on('message', (d) => got.push(d.toString()));
  ws.on('error', () => undefined);
  await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
  cleanup.push(() => ws.terminate());
  return { ws, got };
}

async function entries(dir: string): Promise<Entry[]> {
  const out: Entry[] = [];
  for await (const it of readEntries(await openRecording(dir))) {
    if (!('entry' in it)) throw new Error(`line ${it.line}: ${it.bad}`);
    out.push(it.entry);
  }
  return out;
}
const framesOf = (es: Entry[]) => es.flatMap((e) => (e.kind === 'frame' ? [e.frame] : []));
const sha20 = (url: string) => createHash('sha1').update(url).digest('hex').slice(0, 20);
const bytesOf = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());
/** Every http(s) URL literal in a frame's text. */
const URL_RE = /"(https?:\/\/[^"]*)"/g;

/** Shared by (a) and (b): the original simulator stays up so replayed media can be compared with it. */
let origin: RunningSimulator;
let recDir = '';
let recFrames: string[] = [];

describe('recorder against the real simulator', () => {
  it('(a) records exactly the frames the simulator reports sent, byte-identical to an independent client, with avatars, gifts and faces', async () => {
    origin = await sim();
    cleanup.push(() => origin.close());
    const joins = tapJoins(origin);
    await waitFor(() => (origin.state.sent.byKind.chat ?? 0) >= 6, 'a chat backlog');
    // The independent client joins first, so it sees every frame broadcast while the recorder is connected.
    const client = await listen(`${origin.wsUrl}?client=oracle`);
    await api(origin, 'POST', '/api/events', { event: 'gift', user: { face: true }, data: { giftName: 'Lion' } });
    recDir = join(tempDir(), 'rec');
    const rec = new Recorder({ from: origin.wsUrl, outDir: recDir, mediaConcurrency: 8 });
    rec.start();
    await waitFor(() => joins.has('/'), 'the recorder to connect');
    await api(origin, 'POST', '/api/events', { event: 'gift', user: { face: 2 }, data: { giftName: 'Rose', repeatCount: 4 } });
    const r = joins.get('/')!;
    const c = joins.get('/?client=oracle')!;
    await waitFor(() => origin.state.sent.total - r.total >= 1000, '1000 frames sent to the recorder', 10_000);
    const { sent } = await stopStream(origin);
    await waitFor(() => rec.stats.frames >= r.connectFrames + sent.total - r.total && client.got.length >= c.connectFrames + sent.total - c.total, 'both to receive everything', 10_000);
    await new Promise((res) => setTimeout(res, 100)); // nothing more may arrive
    const summary = await rec.stop();
    expect(summary.error).toBeUndefined();
    const es = await entries(recDir);
    const frames = framesOf(es);
    recFrames = frames;
    expect(r.connectFrames).toBeGreaterThanOrEqual(7); // config + 6 backlog chats
    checkStreams(sent.total, { frames, join: r }, { frames: client.got, join: c });
    // The connect frames: the same config, then the last chats the oracle had seen when the recorder joined.
    expect(frames[0]).toBe(client.got[0]);
    expect(JSON.parse(frames[0]!).event).toBe('config');
    const seenBefore = client.got.slice(0, c.connectFrames + r.total - c.total);
    expect(frames.slice(1, r.connectFrames)).toEqual(seenBefore.filter((f) => f.startsWith('{"event":"chat"')).slice(-(r.connectFrames - 1)));
    const ts = es.map((e) => e.t);
    expect(ts).toEqual([...ts].sort((x, y) => x - y));

    // Media: every image URL of the simulator's /media routes was captured once, with the bytes the route serves.
    const urls = new Set(frames.flatMap((f) => [...f.matchAll(URL_RE)].map((m) => m[1]!)).filter((u) => new URL(u).pathname.startsWith('/media/')));
    const notes = es.filter((e): e is { kind: 'media' } & MediaEntry => e.kind === 'media');
    expect(notes.filter((n) => !n.ok)).toEqual([]);
    expect(new Set(notes.map((n) => n.url))).toEqual(urls);
    expect(notes.length).toBe(urls.size);
    for (const kind of ['/media/avatar/', '/media/gift/', '/media/face/']) expect([...urls].some((u) => u.includes(kind)), kind).toBe(true);
    const sample = notes.filter((n, i) => !n.url.includes('/media/avatar/') || i % 10 === 0);
    for (const n of sample) {
      expect(n.key).toBe(sha20(n.url));
      expect(readFileSync(join(recDir, 'media', n.file!)).equals(await bytesOf(n.url)), n.url).toBe(true);
    }
  });

  it('(b) replays that recording byte-identical in order; with rewriteMedia only image URLs differ, served from the captured bytes', async () => {
    expect(recFrames.length).toBeGreaterThan(0);
    // Started with the replay: an instant replay waits for its first client, then goes as fast as it reads.
    const rep = await sim({ config: null, recordingsDir: dirname(recDir), replay: { recording: recDir, instant: true, rewriteMedia: false } });
    cleanup.push(() => rep.close());
    await new Promise((r) => setTimeout(r, 100));
    expect((await api<{ replay: { framesSent: number } }>(rep, 'GET', '/api/replay')).replay.framesSent).toBe(0);
    const c1 = await listen(rep.wsUrl);
    await waitFor(() => c1.got.length >= recFrames.length, 'the replayed frames', 10_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(c1.got).toEqual(recFrames);

    const c2 = await listen(rep.wsUrl);
    // The API opens recordings by their listed name only.
    await api(rep, 'POST', '/api/replay', { recording: basename(recDir), instant: true });
    await waitFor(() => c2.got.length >= recFrames.length, 'the rewritten frames', 10_000);
    expect(c2.got.length).toBe(recFrames.length);
    const local = new Map<string, string>(); // /media/rec/ URL → original URL
    for (const [i, orig] of recFrames.entries()) {
      const got = c2.got[i]!;
      const a = [...orig.matchAll(URL_RE)].map((m) => m[1]!);
      const b = [...got.matchAll(URL_RE)].map((m) => m[1]!);
      // Outside the URL literals, every byte is the same.
      expect(got.replace(URL_RE, '""'), `frame ${i}`).toBe(orig.replace(URL_RE, '""'));
      expect(b.length).toBe(a.length);
      for (const [j, u] of a.entries()) {
        if (!new URL(u).pathname.startsWith('/media/')) {
          expect(b[j]).toBe(u);
          continue;
        }
        expect(b[j]).toBe(`${rep.url}/media/rec/${sha20(u)}`);
        local.set(b[j]!, u);
      }
    }
    expect(local.size).toBeGreaterThan(10);
    let n = 0;
    for (const [l, u] of local) {
      if (u.includes('/media/avatar/') && n++ % 10 !== 0) continue;
      const res = await fetch(l);
      expect(res.headers.get('x-tiksim-placeholder'), u).toBeNull();
      expect(Buffer.from(await res.arrayBuffer()).equals(await bytesOf(u)), u).toBe(true);
    }
  });

  it('(c) the simulator closed mid-recording and restarted on its port: one gap covers the outage, no frame outside it is lost', async () => {
    const s1 = await sim({ seed: 31 });
    const port = s1.port;
    const joins1 = tapJoins(s1);
    const c1 = await listen(`${s1.wsUrl}?client=oracle`);
    const dir = join(tempDir(), 'rec');
    const rec = new Recorder({ from: s1.wsUrl, outDir: dir, media: false, backoffMs: { initial: 40, max: 160 }, rng: () => 0.5 });
    cleanup.push(() => rec.stop());
    rec.start();
    await waitFor(() => joins1.has('/'), 'the recorder to connect');
    await waitFor(() => s1.state.sent.total - joins1.get('/')!.total >= 400, '400 frames sent');
    // Closed while the stream flows; everything broadcast before the close must still arrive.
    await s1.close();
    const closedAt = performance.now();
    const total1 = s1.state.sent.total;
    const r1 = joins1.get('/')!;
    await waitFor(() => rec.snapshot().state === 'reconnecting', 'the recorder to notice');
    await new Promise((r) => setTimeout(r, 300));
    const s2 = await sim({ port, seed: 32 });
    const outageMs = performance.now() - closedAt;
    cleanup.push(() => s2.close());
    const joins2 = tapJoins(s2);
    const c2 = await listen(`${s2.wsUrl}?client=oracle`);
    await waitFor(() => joins2.has('/'), 'the recorder to reconnect');
    await waitFor(() => s2.state.sent.total - Math.max(joins2.get('/')!.total, joins2.get('/?client=oracle')!.total) >= 300, '300 frames sent after the restart');
    const { sent } = await stopStream(s2);
    const r2 = joins2.get('/')!;
    const o2 = joins2.get('/?client=oracle')!;
    await waitFor(() => c2.got.length >= o2.connectFrames + sent.total - o2.total && rec.stats.frames >= r1.connectFrames + total1 - r1.total + r2.connectFrames + sent.total - r2.total, 'the second phase recorded');
    await rec.stop();

    const es = await entries(dir);
    const gapAt = es.findIndex((e) => e.kind === 'gap');
    expect(es.filter((e) => e.kind === 'gap')).toHaveLength(1);
    checkStreams(total1, { frames: framesOf(es.slice(0, gapAt)), join: r1 }, { frames: c1.got, join: joins1.get('/?client=oracle')! });
    checkStreams(sent.total, { frames: framesOf(es.slice(gapAt + 1)), join: r2 }, { frames: c2.got, join: o2 });
    const gap = es[gapAt]! as Entry & { kind: 'gap' };
    expect(gap.t).toBeGreaterThanOrEqual(es[gapAt - 1]!.t);
    expect(gap.t + gap.durationMs).toBeLessThanOrEqual(es[gapAt + 1]!.t);
    expect(gap.durationMs).toBeGreaterThanOrEqual(outageMs - 25);
  });

  it('(d) kill -9 of a `tiksim record` child recording the simulator (with media) leaves a file inspect reads', async () => {
    const s = await sim();
    cleanup.push(() => s.close());
    const dir = join(tempDir(), 'rec');
    const events = join(dir, 'events.jsonl');
    const child = runCli(['record', '--from', s.wsUrl, '--out', dir]);
    cleanup.push(() => child.kill('SIGKILL'));
    const lines = () => {
      try {
        return readFileSync(events, 'utf8').split('\n');
      } catch {
        return [];
      }
    };
    await waitFor(() => lines().filter((l) => l.startsWith('{"t":')).length >= 300 && lines().some((l) => l.includes('"type":"media"')), '300 frames and some media on disk', 12_000);
    child.kill('SIGKILL');
    expect(await child.exit).toBe(-1);
    const size = statSync(events).size;
    const r = await inspectRecording(dir);
    expect(r.badLines.filter((b) => !b.error.startsWith('truncated'))).toEqual([]);
    expect(r.frames).toBeGreaterThanOrEqual(300);
    expect(r.media.captured).toBeGreaterThan(0);
    expect(statSync(events).size).toBe(size); // inspect only reads
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  it('(e) an anonymized copy still replays with real images: stand-in avatars, and the face photos for face viewers', async () => {
    const anon = join(tempDir(), 'anon');
    const res = await anonymizeRecording(recDir, anon, 5);
    expect(res.avatarsMade).toBeGreaterThan(10);
    const rep = await sim({ config: null, replay: { recording: anon, instant: true } });
    cleanup.push(() => rep.close());
    const c = await listen(rep.wsUrl);
    await waitFor(() => c.got.length >= recFrames.length, 'the anonymized replay', 10_000);
    const text = c.got.join('\n');
    expect(text).not.toContain('/media/avatar/');
    const locals = new Set([...text.matchAll(URL_RE)].map((m) => m[1]!).filter((u) => u.includes('/media/rec/')));
    for (const u of locals) {
      const r = await fetch(u);
      expect(r.headers.get('x-tiksim-placeholder'), u).toBeNull();
      await r.arrayBuffer();
    }
    const face0 = [...recFrames.join('').matchAll(URL_RE)].map((m) => m[1]!).find((u) => u.endsWith('/media/face/0.png'));
    if (face0) expect((await bytesOf(`${rep.url}/media/rec/${sha20('https://anon.tiksim.invalid/face/0.png')}`)).equals(await bytesOf(face0))).toBe(true);
  });
});
