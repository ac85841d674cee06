/**
 * Development only (never shipped): a small in-memory imitation of the documented control API, mounted into Vite's
 * dev server so the panel can be built before the real simulator runs. Shapes follow simulator/api/*.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { GIFT_CATALOG } from '../../../protocol/gift-catalog.ts';
import { BURST_KINDS as GENERATED_KINDS } from '../../events/index.ts';

interface Entry { seq: number; at: number; event: string; text: string }

const rates: Record<string, number> = { chat: 2, gift: 0.5, like: 3, member: 2, roomUser: 0.5, follow: 0.2, share: 0.1, subscribe: 0.05 };
const st = { seed: 1, paused: false, scenario: 'steady', total: 0, byKind: {} as Record<string, number>, seq: 0, started: Date.now() };
const log: Entry[] = [];
let replay: { recording: string; positionMs: number; durationMs: number; speed: number; paused: boolean; framesTotal: number; framesSent: number; ended: boolean } | null = null;
const names = ['ana', 'bo_rivera', 'chloe.k', 'dmitri', 'emi_plays', 'fatou', 'gus', 'hana22', 'ivan.tv', 'jules'];

function push(event: string, data: Record<string, unknown>): void {
  const uid = names[Math.floor(Math.random() * names.length)];
  const text = JSON.stringify({ event, data: { uniqueId: uid, nickname: uid, ...data, tikfinityUserId: 1888822 } });
  st.seq++;
  st.total++;
  st.byKind[event] = (st.byKind[event] ?? 0) + 1;
  log.push({ seq: st.seq, at: Date.now(), event, text });
  if (log.length > 500) log.shift();
}

function tick(): void {
  if (replay && !replay.paused) replay.positionMs = Math.min(replay.durationMs, replay.positionMs + 200 * replay.speed);
  if (st.paused || replay) return;
  for (const [k, r] of Object.entries(rates)) if (Math.random() < r * 0.2) push(k, k === 'chat' ? { comment: 'hello from the mock' } : {});
}

type Err = { status: number; code: string; message: string; field?: string; choices?: string[] };
const bad = (message: string, field?: string, choices?: string[]): Err => ({ status: 400, code: 'E_BAD_FIELD', message, field, choices });

function fire(body: Record<string, unknown>): Err | number {
  const event = String(body.event);
  if (!(GENERATED_KINDS as readonly string[]).includes(event)) return bad(`unknown event "${event}"`, 'event', [...GENERATED_KINDS]);
  const count = body.count === undefined ? 1 : Number(body.count);
  if (!Number.isInteger(count) || count < 1 || count > 1000) return bad(`count must be an integer from 1 to 1000, got ${JSON.stringify(body.count)}`, 'count');
  const data = (body.data ?? {}) as Record<string, unknown>;
  if (event === 'gift') {
    const g = GIFT_CATALOG.find((x) => x.name.toLowerCase() === String(data.giftName).toLowerCase());
    if (!g) return bad(`unknown gift "${String(data.giftName)}"; did you mean "Lion"?`, 'data.giftName', ['Lion', 'Rose']);
    const rc = Number(data.repeatCount ?? 1);
    if (!Number.isInteger(rc) || rc < 1 || rc > 10000) return bad(`data.repeatCount must be an integer from 1 to 10000, got ${JSON.stringify(data.repeatCount)}`, 'data.repeatCount');
    for (let i = 0; i < count; i++) push('gift', { giftName: g.name, repeatCount: rc, repeatEnd: true });
    return count;
  }
  for (let i = 0; i < count; i++) push(event, data);
  return count;
}

function route(method: string, url: URL, body: Record<string, unknown>): [number, unknown] | Err {
  const p = url.pathname;
  if (method === 'GET' && p === '/api/status')
    return [200, { mode: replay ? 'replay' : 'generate', clients: 2, sent: { total: st.total, byKind: st.byKind }, seed: st.seed, rates, scenario: { name: st.scenario }, paused: st.paused, uptimeMs: Date.now() - st.started, population: 500, replay, ratesObserved: { total: 0, byKind: rates } }];
  if (method === 'GET' && p === '/api/gifts')
    return [200, { gifts: GIFT_CATALOG.map((g) => ({ id: g.id, name: g.name, diamondCount: g.diamondCount, type: g.type, streakable: g.type === 1, describe: g.describe, imageUrl: `/media/gift/${g.id}.png` })) }];
  if (method === 'GET' && p === '/api/viewers') {
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const faces = url.searchParams.get('faces') === '1';
    const list = names.filter((n) => n.includes(q)).slice(0, faces ? 5 : 20);
    return [200, { viewers: list.map((n, i) => ({ uniqueId: n, nickname: n, profilePictureUrl: `/media/avatar/${i}.png`, face: faces ? i : null })) }];
  }
  if (method === 'GET' && p === '/api/log') {
    const after = Number(url.searchParams.get('after') ?? 0);
    return [200, { seq: st.seq, entries: log.filter((e) => e.seq > after).slice(-100) }];
  }
  if (method === 'POST' && p === '/api/events') {
    const r = fire(body);
    return typeof r === 'number' ? [202, { ok: true, event: body.event, scheduled: r }] : r;
  }
  if (method === 'PUT' && p === '/api/rates') {
    for (const [k, v] of Object.entries(body)) {
      if (!(k in rates)) return bad(`unknown kind "${k}"`, k, Object.keys(rates));
      if (typeof v !== 'number' || v < 0 || v > 1000) return bad(`${k}: rate must be a number from 0 to 1000`, k);
      rates[k] = v;
    }
    return [200, { rates }];
  }
  if (method === 'GET' && p === '/api/scenarios') return [200, { scenarios: [{ name: 'steady', description: 'a calm stream' }, { name: 'gift-storm', description: 'gifts pour in' }, { name: 'raid', description: 'a raid arrives' }] }];
  if (method === 'PUT' && p === '/api/scenario') {
    st.scenario = String(body.name);
    return [200, { scenario: { name: st.scenario } }];
  }
  if (method === 'PUT' && p === '/api/generation') {
    if (body.seed !== undefined) {
      if (typeof body.seed !== 'number' || !Number.isInteger(body.seed) || body.seed < 0) return bad('seed: expected a non-negative integer', 'seed');
      st.seed = body.seed;
    }
    if (typeof body.paused === 'boolean') st.paused = body.paused;
    return [200, { seed: st.seed, paused: st.paused }];
  }
  if (method === 'GET' && p === '/api/recordings') return [200, { recordings: [{ name: 'busy-evening', durationMs: 754000, frames: 9120 }, { name: 'battle-night', durationMs: 1822000, frames: 20211 }] }];
  if (method === 'POST' && p === '/api/replay') {
    replay = { recording: String(body.recording), positionMs: 0, durationMs: 754000, speed: 1, paused: false, framesTotal: 9120, framesSent: 0, ended: false };
    return [201, { replay }];
  }
  if (method === 'PUT' && p === '/api/replay') {
    if (!replay) return { status: 409, code: 'E_REPLAY', message: 'no replay is loaded: POST /api/replay {"recording": "<name>"} first' };
    Object.assign(replay, body);
    return [200, { replay }];
  }
  if (method === 'DELETE' && p === '/api/replay') {
    replay = null;
    return [200, { stopped: true, mode: 'generate' }];
  }
  if (method === 'POST' && p.startsWith('/api/faults/')) {
    if (p.endsWith('/burst')) {
      const r = fire({ event: body.event ?? 'chat', count: body.count });
      return typeof r === 'number' ? [202, { event: body.event, scheduled: r }] : r;
    }
    if (p.endsWith('/stall') && !(typeof body.seconds === 'number' && body.seconds > 0 && body.seconds <= 600)) return bad('seconds: must be a number from 0 to 600', 'seconds');
    return [200, { disconnected: 2, stalledMs: Number(body.seconds) * 1000, sent: 40 }];
  }
  return { status: 404, code: 'E_NOT_FOUND', message: `no such API route: ${method} ${p}` };
}

function svg(id: number): string {
  const hue = (id * 47) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="17" fill="hsl(${hue} 80% 60%)"/><circle cx="14" cy="14" r="5" fill="white" opacity=".5"/></svg>`;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const t = Buffer.concat(chunks).toString('utf8');
  if (!t) return {};
  try {
    return JSON.parse(t) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Vite plugin: answers /api/* and /media/* in `vite` dev mode only. */
export function mockApi(): Plugin {
  return {
    name: 'tiksim-mock-api',
    apply: 'serve',
    configureServer(server) {
      // Started here, not at import, so `vite build` (which also loads this config) can exit.
      const timer = setInterval(tick, 200);
      server.httpServer?.on('close', () => clearInterval(timer));
      server.middlewares.use(async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
        const url = new URL(req.url ?? '/', 'http://x');
        if (url.pathname.startsWith('/media/')) {
          res.writeHead(200, { 'content-type': 'image/svg+xml' });
          res.end(svg(Number(url.pathname.replace(/\D/g, '')) || 1));
          return;
        }
        if (!url.pathname.startsWith('/api/')) return next();
        const body = await readBody(req);
        const out = body === null ? bad('request body is not valid JSON') : route(req.method ?? 'GET', url, body);
        const [status, json] = Array.isArray(out) ? out : [out.status, { error: { ...out, status: undefined } }];
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      });
    },
  };
}
