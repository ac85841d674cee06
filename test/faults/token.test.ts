import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator/server/app.ts';
import { API_ROUTES, errorShape, send, startSim, type Req } from './sim-cases.ts';

const TOKEN = 's3cret-token';
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSim({ token: TOKEN });
});
afterAll(async () => {
  await sim.close();
});

/** Every route of the API table with each of its methods, plus the non-API handlers. */
function everyRoute(): Req[] {
  const reqs: Req[] = [];
  for (const [path, methods] of API_ROUTES) {
    for (const method of methods) {
      // A body the routes refuse (unknown field), so an authorised request changes nothing.
      const body = method === 'POST' || method === 'PUT' ? Buffer.from('{"__fuzz":1}') : undefined;
      reqs.push({ method, path, body, headers: body ? { 'content-type': 'application/json' } : {} });
    }
  }
  for (const path of ['/', '/overlay/', '/panel/', '/media/avatar/1.png', '/media/gift/5655.png', '/media/rec/abc', '/proxy/image?url=http%3A%2F%2F127.0.0.1%2Fx', '/api/nope', '/nope'])
    reqs.push({ method: 'GET', path });
  return reqs;
}

const withQuery = (path: string, token: string) => `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;

describe('a server started with a token', () => {
  it('every HTTP route without the token, or with a wrong one (query, Bearer, cookie, prefix, other case), answers 401 E_UNAUTHORIZED', async () => {
    const wrong = ['', 'x', TOKEN.slice(0, -1), TOKEN + 'x', TOKEN.toUpperCase(), ` ${TOKEN}`];
    let n = 0;
    for (const r of everyRoute()) {
      const variants: Req[] = [
        r,
        ...wrong.filter((w) => w !== '').map((w) => ({ ...r, path: withQuery(r.path, w) })),
        // Bearer trims surrounding spaces (tolerant, harmless), so ' token' is not a wrong token there.
        ...wrong.filter((w) => w === w.trim()).map((w) => ({ ...r, headers: { ...r.headers, authorization: `Bearer ${w}` } })),
        { ...r, headers: { ...r.headers, authorization: `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}` } },
        { ...r, headers: { ...r.headers, cookie: 'tiksim_token=nope' } },
      ];
      for (const v of variants) {
        const res = await send(sim, v);
        n++;
        expect({ route: `${v.method} ${v.path} ${JSON.stringify(v.headers ?? {})}`, status: res.status }).toEqual({ route: `${v.method} ${v.path} ${JSON.stringify(v.headers ?? {})}`, status: 401 });
        const body = JSON.parse(res.body) as { error: { code: string } };
        expect(errorShape(body)).toBeNull();
        expect(body.error.code).toBe('E_UNAUTHORIZED');
      }
    }
    expect(n).toBeGreaterThan(300);
  });

  it('the same routes with ?token= or Bearer get past the check', async () => {
    for (const r of everyRoute()) {
      for (const v of [{ ...r, path: withQuery(r.path, TOKEN) }, { ...r, headers: { ...r.headers, authorization: `Bearer ${TOKEN}` } }]) {
        const res = await send(sim, v);
        expect({ route: `${v.method} ${v.path}`, unauthorized: res.status === 401, crashed: res.status >= 500 }).toEqual({ route: `${v.method} ${v.path}`, unauthorized: false, crashed: false });
      }
    }
    const status = await send(sim, { method: 'GET', path: '/api/status', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(status.status).toBe(200);
  });

  it('the WebSocket upgrade without or with a wrong token is refused with 401; with ?token= or Bearer it streams', async () => {
    const attempt = (url: string, headers: Record<string, string> = {}) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url, { headers });
        ws.on('error', () => undefined);
        ws.once('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0);
          ws.terminate();
        });
        ws.once('message', () => {
          resolve(101);
          ws.close();
        });
      });
    const base = sim.wsUrl;
    expect(await attempt(base)).toBe(401);
    expect(await attempt(`${base}?token=nope`)).toBe(401);
    expect(await attempt(`${base}?token=${TOKEN}x`)).toBe(401);
    expect(await attempt(base, { authorization: 'Bearer nope' })).toBe(401);
    expect(await attempt(`${base}?uniqueId=someone`, { cookie: 'tiksim_token=nope' })).toBe(401);
    expect(await attempt(`${base}?token=${TOKEN}`)).toBe(101);
    expect(await attempt(`${base}?uniqueId=x&token=${TOKEN}`)).toBe(101);
    expect(await attempt(base, { authorization: `Bearer ${TOKEN}` })).toBe(101);
  });
});
