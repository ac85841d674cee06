/**
 * Simulator fault cases, shared by the tests (small counts) and bench/faults.ts (larger counts): malformed HTTP requests
 * and WebSocket traffic against a real server on 127.0.0.1:0, each checked against an oracle of the documented status.
 */
import { request as httpRequest, Agent, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import fc from 'fast-check';
import WebSocket from 'ws';
import { EVENT_NAMES } from '../../protocol/index.ts';
import { RATE_KINDS } from '../../simulator/rates.ts';
import { generationRoutes } from '../../simulator/api/routes-generation.ts';
import { replayRoutes } from '../../simulator/api/routes-replay.ts';
import { faultRoutes } from '../../simulator/api/routes-faults.ts';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../simulator/server/app.ts';
import { tempDir, waitFor, isJson } from './helpers.ts';

/** Starts a simulator on 127.0.0.1:0 with a lively but cheap stream and no config frame. */
export function startSim(extra: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  return startSimulator({
    host: '127.0.0.1',
    port: 0,
    seed: 1,
    startMs: Date.UTC(2025, 0, 1, 20),
    population: 200,
    config: null,
    rates: { chat: 10, like: 10 },
    recordingsDir: tempDir('tiksim-faults-recs-'),
    distDir: tempDir('tiksim-faults-dist-'),
    ...extra,
  });
}

/** A reply: status, headers and the body as text. */
export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One HTTP request to the simulator. */
export interface Req {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /** Send the body chunked (no content-length). */
  chunked?: boolean;
}

/** Sends one request; rejects after 10 s. */
export function send(sim: { port: number }, r: Req, agent?: Agent): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...(r.headers ?? {}) };
    if (r.body && !r.chunked) headers['content-length'] = r.body.length;
    const req = httpRequest({ host: '127.0.0.1', port: sim.port, method: r.method, path: r.path, headers, agent: agent ?? false, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no reply in 10 s to ${r.method} ${r.path}`)));
    // The server may answer 413 before the whole body is sent and close; the reply still counts.
    req.on('error', reject);
    if (r.body) {
      if (r.chunked) for (let i = 0; i < r.body.length; i += 64 * 1024) req.write(r.body.subarray(i, i + 64 * 1024));
      else req.write(r.body);
    }
    req.end();
  });
}

/** Every API route, from the route tables themselves, so a new route is fuzzed without touching this file. */
export const API_ROUTES: ReadonlyMap<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const key of Object.keys({ ...generationRoutes, ...replayRoutes, ...faultRoutes })) {
    const [method, path] = key.split(' ') as [string, string];
    m.set(path, [...(m.get(path) ?? []), method]);
  }
  return m;
})();

const anyJson = fc.jsonValue({ maxDepth: 3 });
/** A rate value: small valid ones (so a fuzzed PUT never floods the server), or invalid ones. */
const rateValue = fc.oneof(
  fc.double({ min: 0, max: 30, noNaN: true }),
  fc.constantFrom(-1, -0.001, 1_000_001, 1e308, '2', null, true, [], {}, 'NaN'),
);
const ratesObj = fc.dictionary(fc.oneof(fc.constantFrom(...RATE_KINDS), fc.string({ maxLength: 8 })), rateValue, { maxKeys: 4 });
const smallCount = fc.oneof(fc.integer({ min: -3, max: 20 }), fc.constantFrom(1001, 1.5, '3', null, 1e9, -1e9));
const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });
const withExtra = (a: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> =>
  fc.tuple(a, fc.boolean(), fc.string({ maxLength: 6 }), anyJson).map(([o, extra, k, v]) => (extra ? { ...o, [`x${k}`]: v } : o));
const strip = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** Body arbitraries per route: near-misses of the real shapes (wrong types, out of range, unknown keys), or any JSON. */
const bodyFor: Record<string, fc.Arbitrary<unknown>> = {
  'POST /api/events': withExtra(
    fc
      .record({
        event: opt(fc.oneof(fc.constantFrom(...EVENT_NAMES, 'chatt', '', 'Gift', 'streamEnd '), anyJson)),
        data: opt(fc.oneof(anyJson, fc.record({ giftId: opt(fc.oneof(fc.integer({ min: -1, max: 10_000 }), anyJson)), repeatCount: opt(smallCount), comment: opt(fc.oneof(fc.string({ maxLength: 50 }), anyJson)), giftName: opt(fc.oneof(fc.constantFrom('Rose', 'Lion', 'Lon', ''), anyJson)) }))),
        user: opt(fc.oneof(anyJson, fc.record({ uniqueId: opt(fc.oneof(fc.string({ maxLength: 12 }), anyJson)), random: opt(anyJson), face: opt(fc.oneof(fc.integer({ min: -1, max: 3 }), anyJson)), gifterLevel: opt(fc.oneof(fc.integer({ min: -1, max: 60 }), anyJson)) }))),
        count: opt(smallCount),
      })
      .map(strip),
  ),
  'PUT /api/rates': fc.oneof(ratesObj, anyJson),
  'PUT /api/scenario': fc.oneof(
    anyJson,
    fc.record({ name: fc.oneof(fc.constantFrom('quiet', 'busy', 'nope', '', 'QUIET'), anyJson) }),
    withExtra(
      fc
        .record({
          name: opt(fc.oneof(fc.string({ maxLength: 10 }), anyJson)),
          loop: opt(anyJson),
          phases: opt(
            fc.oneof(
              anyJson,
              fc.array(
                fc.record({
                  name: opt(fc.oneof(fc.string({ maxLength: 10 }), anyJson)),
                  durationS: opt(fc.oneof(fc.double({ min: -1, max: 100_000, noNaN: true }), anyJson)),
                  rates: opt(fc.oneof(ratesObj, anyJson)),
                  spikes: opt(fc.oneof(anyJson, fc.array(fc.record({ atS: opt(fc.oneof(fc.double({ min: -1, max: 5, noNaN: true }), anyJson)), event: opt(fc.oneof(fc.constantFrom(...EVENT_NAMES, 'x'), anyJson)), count: opt(smallCount) }).map(strip), { maxLength: 3 }))),
                }).map(strip),
                { maxLength: 3 },
              ),
            ),
          ),
        })
        .map(strip),
    ),
  ),
  'PUT /api/generation': withExtra(fc.record({ paused: opt(fc.oneof(fc.boolean(), anyJson)), seed: opt(fc.oneof(fc.nat(), fc.constantFrom(-1, 2 ** 32, 1.5, '1', null))) }).map(strip)),
  'POST /api/replay': withExtra(
    fc
      .record({
        recording: opt(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', '/', '/no/such', '../../nope', 'package.json', 'recordings', '\u0000'), anyJson)),
        speed: opt(fc.oneof(fc.double({ noNaN: true }), anyJson)),
        fromMs: opt(fc.oneof(fc.integer(), anyJson)),
      })
      .map(strip),
  ),
  'PUT /api/replay': withExtra(fc.record({ paused: opt(anyJson), positionMs: opt(fc.oneof(fc.integer(), anyJson)), speed: opt(fc.oneof(fc.double({ noNaN: true }), anyJson)) }).map(strip)),
  'POST /api/faults/disconnect': withExtra(fc.record({ code: opt(fc.oneof(fc.integer({ min: -1, max: 5001 }), fc.constantFrom(1000, 1005, 1006, 1010, 4000), anyJson)), reason: opt(fc.oneof(fc.string({ maxLength: 130 }), anyJson)) }).map(strip)),
  'POST /api/faults/stall': withExtra(fc.record({ seconds: opt(fc.oneof(fc.double({ min: 0.001, max: 0.02, noNaN: true }), fc.constantFrom(0, -1, 601, '1', null, 1e9, true))) }).map(strip)),
  'POST /api/faults/malformed': withExtra(fc.record({ text: opt(fc.oneof(fc.string({ maxLength: 200 }), anyJson)) }).map(strip)),
  'POST /api/faults/burst': withExtra(fc.record({ event: opt(fc.oneof(fc.constantFrom(...EVENT_NAMES, 'bogus'), anyJson)), count: opt(fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constantFrom(0, -1, 10_001, 2.5, '5', null))) }).map(strip)),
};

/** How a fuzzed request's body is sent, which decides the expected status before the route even runs. */
type Encoding = 'json' | 'empty' | 'bad-json' | 'wrong-type' | 'huge';

/** One fuzzed request with what it must get back. */
export interface FuzzCase {
  req: Req;
  /** Allowed statuses. */
  expect: number[];
  /** The error code it must carry, when known. */
  code?: string;
}

const KNOWN_PATHS = [...API_ROUTES.keys()];
const pathArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...KNOWN_PATHS) },
  { weight: 1, arbitrary: fc.constantFrom(...KNOWN_PATHS).map((p) => `${p}/`) },
  { weight: 1, arbitrary: fc.constantFrom(...KNOWN_PATHS).map((p) => `${p}?x=1&limit=-5&after=abc&q=%ZZ`) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom('status', 'STATUS', 'events', 'x', '..', '%2e%2e', '', 'faults', 'api'), fc.stringMatching(/^[A-Za-z0-9._~-]{1,8}$/)), { minLength: 1, maxLength: 3 })
      .map((segs) => `/api/${segs.join('/')}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('/nope', '/api', '/apix/status', '/media/nope', '/media/avatar/abc.png', '/media/rec/', '/overlay/../../etc/passwd') },
);

const methodArb = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD');
const encodingArb = fc.constantFrom<Encoding>('json', 'json', 'json', 'json', 'json', 'empty', 'bad-json', 'bad-json', 'wrong-type', 'huge');
const badJsonArb = fc.oneof(
  fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== '' && !isJson(s)),
  fc.jsonValue().map((v) => JSON.stringify(v)).filter((s) => s.length > 2).map((s) => s.slice(0, -1)).filter((s) => s.trim() !== '' && !isJson(s)),
  fc.constantFrom('{', '{"event":', "{'a':1}", '{"a":1,}', 'undefined', 'NaN', '\u0000', '{"a":1}{"b":2}'),
);
const jsonTypeArb = fc.constantFrom<string | undefined>('application/json', 'application/json; charset=utf-8', 'text/plain', 'APPLICATION/JSON', undefined);
const wrongTypeArb = fc.constantFrom('application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'image/png', 'text/html', 'application/jsonx');

/** Normalises a path the way the API router does (query dropped, trailing slashes stripped). */
function routePath(path: string): string {
  const p = new URL(path, 'http://x').pathname;
  return p.replace(/\/+$/, '') || '/';
}

/** Fuzzed requests, each with its oracle. */
export const fuzzCaseArb: fc.Arbitrary<FuzzCase> = fc
  .record({ method: methodArb, path: pathArb, enc: encodingArb, ctype: jsonTypeArb, wrong: wrongTypeArb, bad: badJsonArb, hugeKb: fc.integer({ min: 257, max: 700 }), chunked: fc.boolean(), seed: fc.nat() })
  .chain((r) => {
    const rp = routePath(r.path);
    const key = `${r.method} ${rp}`;
    const bodyArb = bodyFor[key] ?? anyJson;
    return bodyArb.map((value) => buildCase(r, rp, key, value));
  });

function buildCase(
  r: { method: string; path: string; enc: Encoding; ctype: string | undefined; wrong: string; bad: string; hugeKb: number; chunked: boolean },
  rp: string,
  key: string,
  value: unknown,
): FuzzCase {
  const headers: Record<string, string> = {};
  let body: Buffer | undefined;
  const hasBody = r.method !== 'GET' && r.method !== 'HEAD' && r.method !== 'OPTIONS';
  if (hasBody) {
    if (r.enc === 'json') body = Buffer.from(JSON.stringify(value) ?? 'null');
    else if (r.enc === 'bad-json') body = Buffer.from(r.bad);
    else if (r.enc === 'wrong-type') body = Buffer.from(JSON.stringify(value) ?? 'null');
    else if (r.enc === 'huge') body = Buffer.alloc(r.hugeKb * 1024, 0x20);
    if (r.enc === 'wrong-type') headers['content-type'] = r.wrong;
    else if (r.ctype) headers['content-type'] = r.ctype;
  }
  // Node's client frames a body without content-length as chunked only for POST/PUT/PATCH; for other methods the
  // bytes would follow the request unframed (a second, garbage request), so those always carry a content-length.
  const chunked = r.enc === 'huge' && r.chunked && (r.method === 'POST' || r.method === 'PUT' || r.method === 'PATCH');
  const req: Req = { method: r.method, path: r.path, headers, body, chunked };
  const isApi = r.path.startsWith('/api/');
  if (!isApi) return { req, expect: [404, 405, 400], code: undefined };
  if (r.method === 'OPTIONS') return { req, expect: [204] };
  const allowed = API_ROUTES.get(rp);
  if (!allowed) return { req, expect: [404], code: 'E_NOT_FOUND' };
  if (!allowed.includes(r.method)) return { req, expect: [405], code: 'E_METHOD' };
  const jsonType = /^application\/json\s*(;|$)/i.test(headers['content-type'] ?? '');
  // Writes that are not JSON are refused before anything is read: a cross-site form sends exactly those.
  if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && !jsonType) return { req, expect: [415], code: 'E_UNSUPPORTED_TYPE' };
  if (r.method === 'POST' || r.method === 'PUT' || r.method === 'PATCH') {
    if (r.enc === 'wrong-type') return { req, expect: [415], code: 'E_UNSUPPORTED_TYPE' };
    if (r.enc === 'huge') return { req, expect: [413], code: 'E_TOO_LARGE' };
    if (r.enc === 'bad-json') return { req, expect: [400], code: 'E_BAD_JSON' };
    return { req, expect: [200, 201, 202, 400, 404, 409] };
  }
  void key;
  return { req, expect: [200] };
}

/** Checks one reply against its case; returns what is wrong, or null. */
export function judge(c: FuzzCase, res: Reply): string | null {
  const what = `${c.req.method} ${c.req.path} (${c.req.body?.length ?? 0} bytes, ${c.req.headers?.['content-type'] ?? 'no type'})`;
  if (res.status === 500) return `${what} → 500 ${res.body.slice(0, 200)}`;
  if (!c.expect.includes(res.status)) return `${what} → ${res.status}, expected ${c.expect.join('/')}: ${res.body.slice(0, 200)}`;
  if (c.req.method === 'HEAD' || res.status === 204) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    return `${what} → ${res.status} with a body that is not JSON: ${res.body.slice(0, 100)}`;
  }
  if (res.status >= 400) {
    const shapeError = errorShape(parsed);
    if (shapeError) return `${what} → ${res.status}: ${shapeError}: ${res.body.slice(0, 200)}`;
    const code = (parsed as { error: { code: string } }).error.code;
    if (c.code && code !== c.code) return `${what} → ${res.status} ${code}, expected ${c.code}`;
    if (res.status === 405 && !res.headers.allow) return `${what} → 405 without an Allow header`;
  }
  return null;
}

/** Null when `v` is exactly `{"error":{"code","message","field"?,"choices"?}}`, else what is wrong. */
export function errorShape(v: unknown): string | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'not an object';
  const keys = Object.keys(v);
  if (keys.length !== 1 || keys[0] !== 'error') return `top-level keys ${keys.join(',')}`;
  const e = (v as { error: unknown }).error as Record<string, unknown>;
  if (!e || typeof e !== 'object') return 'error is not an object';
  for (const k of Object.keys(e)) if (!['code', 'message', 'field', 'choices'].includes(k)) return `unexpected error key ${k}`;
  if (typeof e.code !== 'string' || !/^E_[A-Z_]+$/.test(e.code)) return `bad code ${String(e.code)}`;
  if (typeof e.message !== 'string' || e.message === '') return 'no message';
  if (e.field !== undefined && typeof e.field !== 'string') return 'field is not a string';
  if (e.choices !== undefined && !(Array.isArray(e.choices) && e.choices.every((x) => typeof x === 'string'))) return 'choices is not a string array';
  return null;
}

/** Runs `cases` with `concurrency` requests in flight; returns the failures (empty when every reply was right). */
export async function barrage(sim: { port: number }, cases: FuzzCase[], concurrency = 8): Promise<string[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const failures: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const c = cases[next++]!;
      try {
        const res = await send(sim, c.req, agent);
        const bad = judge(c, res);
        if (bad) failures.push(bad);
      } catch (e) {
        // A 413 may close the socket while the client is still uploading; the server answering first is fine.
        if (c.expect.includes(413) && /EPIPE|ECONNRESET|socket hang up/.test((e as Error).message)) continue;
        failures.push(`${c.req.method} ${c.req.path}: ${(e as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return failures;
}

/** Puts generation back to a known lively state after a barrage that may have paused, stalled or re-scenarioed it. */
export async function resetGeneration(sim: { port: number }): Promise<void> {
  const j = (method: string, path: string, body: unknown) =>
    send(sim, { method, path, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) });
  await send(sim, { method: 'DELETE', path: '/api/replay', headers: { 'content-type': 'application/json' } });
  await j('PUT', '/api/scenario', null);
  await j('PUT', '/api/rates', Object.fromEntries(RATE_KINDS.map((k) => [k, k === 'chat' || k === 'like' ? 10 : 0])));
  await j('PUT', '/api/generation', { paused: false });
  await j('POST', '/api/faults/stall', { seconds: 0.001 });
}

/** The server still works: /api/status answers 200 and a fresh client receives `n` frames within 5 s. */
export async function stillServes(sim: RunningSimulator, n = 5): Promise<void> {
  const status = await send(sim, { method: 'GET', path: '/api/status' });
  if (status.status !== 200) throw new Error(`/api/status → ${status.status}`);
  JSON.parse(status.body);
  const ws = new WebSocket(sim.wsUrl);
  let got = 0;
  ws.on('message', () => got++);
  ws.on('error', () => undefined);
  try {
    await waitFor(() => got >= n, `${n} frames on a fresh client`, 5000);
  } finally {
    ws.terminate();
  }
}

/** Raw frames a broken or hostile client might send after a good handshake. */
export const wsGarbageArb: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((a) => Buffer.from(a)),
  // Unmasked text frame (clients must mask): a protocol error.
  fc.string({ maxLength: 20 }).map((s) => Buffer.concat([Buffer.from([0x81, Buffer.byteLength(s)]), Buffer.from(s)])),
  // Reserved opcode / reserved bits.
  fc.constantFrom(Buffer.from([0x83, 0x80, 1, 2, 3, 4]), Buffer.from([0xf1, 0x80, 1, 2, 3, 4]), Buffer.from([0x09, 0xfe, 0, 0, 0, 0])),
  // A masked frame announcing 2^62 bytes.
  fc.constant(Buffer.from([0x82, 0xff, 0x40, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4])),
  // A text frame that is not UTF-8.
  fc.constant(maskedFrame(0x81, Buffer.from([0xff, 0xfe, 0xc3]))),
);

/** Builds a masked client frame. */
export function maskedFrame(firstByte: number, payload: Buffer): Buffer {
  const mask = randomBytes(4);
  const len = payload.length;
  const head = len < 126 ? Buffer.from([firstByte, 0x80 | len]) : len < 65536 ? Buffer.from([firstByte, 0x80 | 126, len >> 8, len & 255]) : (() => {
    const b = Buffer.alloc(10);
    b[0] = firstByte;
    b[1] = 0x80 | 127;
    b.writeBigUInt64BE(BigInt(len), 2);
    return b;
  })();
  const body = Buffer.from(payload.map((x, i) => x ^ mask[i % 4]!));
  return Buffer.concat([head, mask, body]);
}

/** Opens a raw TCP socket and completes the WebSocket handshake; the caller decides whether to read. */
export function rawWebSocket(sim: { port: number }, extraHeaders = ''): Promise<{ socket: Socket; response: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(sim.port, '127.0.0.1');
    socket.on('error', () => undefined);
    let buf = '';
    const onData = (d: Buffer): void => {
      buf += d.toString('latin1');
      const end = buf.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.off('data', onData);
      socket.pause();
      if (!buf.startsWith('HTTP/1.1 101')) reject(new Error(`handshake refused: ${buf.split('\r\n')[0]}`));
      else resolve({ socket, response: buf.slice(0, end) });
    };
    socket.on('data', onData);
    socket.once('connect', () =>
      socket.write(
        `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n${extraHeaders}\r\n`,
      ),
    );
    setTimeout(() => reject(new Error('no handshake reply in 5 s')), 5000).unref();
  });
}

/** Handshakes that must be refused with an HTTP status (never a crash, never a hang). */
export const BAD_HANDSHAKES: string[] = [
  'GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: short\r\nSec-WebSocket-Version: 13\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 12\r\n\r\n',
  'POST / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: x\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n',
  'BLAH\r\n\r\n',
  `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
  '\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003',
];

/** Sends raw bytes on a fresh TCP connection; resolves with what came back once the server closes it (≤ 3 s). */
export function rawExchange(sim: { port: number }, bytes: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(sim.port, '127.0.0.1');
    let got = '';
    socket.on('data', (d: Buffer) => (got += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(got));
    socket.once('connect', () => socket.end(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes));
    setTimeout(() => {
      socket.destroy();
      resolve(got);
    }, 3000).unref();
  });
}

/** A garbage collector: global.gc when node runs with --expose-gc, else one obtained through v8 flags. */
export function getGc(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  setFlagsFromString('--expose_gc');
  return runInNewContext('gc') as () => void;
}
